import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { GateRun } from '../../../shared/contract/compare-schemas';
import { CliError, EXIT_CHECK_FAILED } from '../cli-error';
import { openForCli, printJson } from '../open';

function readPolicy(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: cannot read the policy (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function printRun(run: GateRun): void {
  for (const r of run.results) {
    const value = r.value === null ? 'no value' : `${r.value.toPrecision(4)}${r.estimate ? ' (estimate)' : ''}`;
    const threshold = r.op ? `${{ min: '>=', max: '<=', equals: '=' }[r.op]} ${r.threshold}` : '';
    const base = r.baseline ? `no significant regression vs ${r.baseline.version}` : '';
    process.stdout.write(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name}: ${value} ${[threshold, base].filter(Boolean).join(' and ')}  (line ${r.line}; ${r.detail})\n`);
  }
  const failed = run.results.filter((r) => !r.passed).length;
  process.stdout.write(failed ? `${failed} of ${run.results.length} gates failed\n` : `all ${run.results.length} gates passed\n`);
}

export function registerGate(program: Command): void {
  program
    .command('gate')
    .description('check a gate policy (YAML or JSON) against the workspace: exit 0 when every gate holds, 1 when one fails, 2 on a bad policy')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--policy <file>', 'policy file: gates: [{metric, min|max|equals, name?, scope?, baseline?}]')
    .option('--json', 'print the gate run as JSON')
    .action(async (dir: string, opts: { policy: string; json?: boolean }) => {
      const text = readPolicy(opts.policy);
      const { ws, call } = await openForCli(dir);
      try {
        const run = await call('gates.run', { policy: text, path: opts.policy });
        if (opts.json) printJson(run);
        else printRun(run);
        if (!run.passed) process.exitCode = EXIT_CHECK_FAILED;
      } finally {
        ws.close();
      }
    });
}
