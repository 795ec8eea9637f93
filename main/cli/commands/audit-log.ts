import type { Command } from 'commander';
import { EXIT_CHECK_FAILED } from '../cli-error';
import { openForCli, printJson } from '../open';

export function registerAuditLog(program: Command): void {
  const audit = program.command('audit-log').description('inspect the tamper-evident audit log');
  audit
    .command('verify')
    .description('recompute the hash chain; exit 0 when intact, 1 naming the first bad entry')
    .argument('<workspace>', 'workspace folder')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const { ws, call } = await openForCli(dir);
      try {
        const status = await call('audit.verify', {});
        if (opts.json) printJson(status);
        else if (status.ok) process.stdout.write(`audit log intact: ${status.length} entries, head ${status.headHash ?? '(empty)'}\n`);
        else process.stdout.write(`audit log BROKEN at seq ${status.firstBadSeq}: ${status.reason}\n`);
        if (!status.ok) process.exitCode = EXIT_CHECK_FAILED;
      } finally {
        ws.close();
      }
    });
  audit
    .command('show')
    .description('print the latest audit entries')
    .argument('<workspace>', 'workspace folder')
    .option('-n, --limit <n>', 'how many entries', '20')
    .option('--json', 'print as JSON')
    .action(async (dir: string, opts: { limit: string; json?: boolean }) => {
      const { ws, call } = await openForCli(dir);
      try {
        const page = await call('audit.list', { offset: 0, limit: Math.max(1, Math.min(1000, Number(opts.limit) || 20)) });
        if (opts.json) return printJson(page);
        for (const e of page.rows) process.stdout.write(`${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.hash.slice(0, 16)}\n`);
      } finally {
        ws.close();
      }
    });
}
