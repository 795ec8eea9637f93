import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_CHECK_FAILED } from '../cli-error';
import { printJson } from '../open';

function readOptional(file: string): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
}

/** report.json travels with report.json.sig and report.sig.json; a renamed x.json with x.json.sig and x.sig.json. */
function siblings(file: string): { sig: string; info: string } {
  const dir = path.dirname(file);
  const base = path.basename(file).replace(/\.json$/i, '');
  return { sig: `${file}.sig`, info: path.join(dir, `${base}.sig.json`) };
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check a signed report offline: exit 0 valid; 1 invalid, naming what failed (signature, hash, schema, numbers, audit)')
    .argument('<report>', 'report.json (with report.json.sig and report.sig.json beside it) or report.pdf')
    .option('--pub <file>', 'the signer\'s public key (assay-report.pub.pem); without it the key named in the report is used and not pinned')
    .option('--against <workspace>', 'recompute every number and the audit anchor from this workspace')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { pub?: string; against?: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`${file}: no such file`);
      const bytes = readFileSync(file);
      const kind = bytes.subarray(0, 5).toString('latin1') === '%PDF-' || /\.pdf$/i.test(file) ? 'pdf' : 'json';
      let publicKeyPem: string | undefined;
      if (opts.pub) {
        if (!existsSync(opts.pub)) throw new CliError(`--pub ${opts.pub}: no such file`);
        publicKeyPem = readFileSync(opts.pub, 'utf8');
      }
      const sib = siblings(file);
      const files = kind === 'pdf'
        ? { kind, bytes, signature: null, signatureInfo: null } as const
        : { kind, bytes, signature: readOptional(sib.sig), signatureInfo: readOptional(sib.info) } as const;
      const [{ verifyReport }, { openWorkspace }, { createDriftHandlers }, { EventBus }] = await Promise.all([
        import('../../reports/verify-report'), import('../../storage/workspace'), import('../../api/drift-handlers'), import('../../api/event-bus'),
      ]);
      const ws = opts.against ? openWorkspace(opts.against, { readonly: true }) : null;
      try {
        const result = await verifyReport(files, { publicKeyPem, against: ws ? { ws, handlers: createDriftHandlers(ws, new EventBus()) } : undefined });
        if (opts.json) printJson(result);
        else {
          for (const c of result.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
          process.stdout.write(`${file}: ${result.ok ? 'VALID' : 'INVALID'}${result.reportId ? ` (report ${result.reportId})` : ''}\n`);
        }
        if (!result.ok) process.exitCode = EXIT_CHECK_FAILED;
      } finally {
        ws?.close();
      }
    });
}
