import type { Command } from 'commander';
import { SECTION_IDS, type SectionId } from '../../../shared/report/section-ids';
import { CliError } from '../cli-error';
import { openForCli, printJson } from '../open';
import { readPassphrase } from '../passphrase';

const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter(Boolean);

function assetIds(v: string | undefined): number[] | undefined {
  const ids = list(v)?.map(Number);
  if (ids?.some((n) => !Number.isInteger(n) || n <= 0)) throw new CliError(`--asset: expected comma-separated asset ids, got "${v}"`);
  return ids;
}

function sections(v: string | undefined): SectionId[] | undefined {
  const ids = list(v);
  const bad = ids?.filter((s) => !(SECTION_IDS as readonly string[]).includes(s)) ?? [];
  if (bad.length) throw new CliError(`--sections: unknown section ${bad.join(', ')} (known: ${SECTION_IDS.join(', ')})`);
  return ids as SectionId[] | undefined;
}

function time(v: string | undefined, flag: string): string | undefined {
  if (v === undefined) return undefined;
  if (Number.isNaN(Date.parse(v))) throw new CliError(`${flag}: not a date or time: "${v}"`);
  return v;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a signed governance report: report.json, report.json.sig, report.sig.json and report.pdf')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--out <dir>', 'folder for the report files (must not hold a report yet)')
    .requiredOption('--key <dir>', 'folder made by `assay keygen`')
    .option('--format <f>', 'json, pdf or both', 'both')
    .option('--from <time>', 'records from this timestamp (ISO 8601)')
    .option('--to <time>', 'records up to this timestamp (ISO 8601)')
    .option('--asset <ids>', 'scope: comma-separated asset ids (default: every asset)')
    .option('--model <names>', 'scope: comma-separated models')
    .option('--prompt-version <versions>', 'scope: comma-separated prompt versions')
    .option('--sections <ids>', `sections to include (default all: ${SECTION_IDS.join(', ')})`)
    .option('--include-pii', 'show personal data in sample evidence unmasked (the report says so)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nThe key passphrase comes from ASSAY_KEY_PASSPHRASE, or is asked on the terminal.')
    .action(async (dir: string, opts: {
      out: string; key: string; format: string; from?: string; to?: string; asset?: string; model?: string; promptVersion?: string;
      sections?: string; includePii?: boolean; json?: boolean;
    }) => {
      if (!['json', 'pdf', 'both'].includes(opts.format)) throw new CliError(`--format: expected json, pdf or both, got "${opts.format}"`);
      const request = {
        assetIds: assetIds(opts.asset), models: list(opts.model), promptVersions: list(opts.promptVersion), from: time(opts.from, '--from'),
        to: time(opts.to, '--to'), sections: sections(opts.sections), includePii: Boolean(opts.includePii),
      };
      const passphrase = await readPassphrase({ confirm: false });
      const [{ loadSigningKeys, KeyError }, { writeReport, ReportOutputError }] = await Promise.all([import('../../reports/keys'), import('../../reports/write-report')]);
      let keys;
      try {
        keys = loadSigningKeys(opts.key, passphrase);
      } catch (err) {
        if (err instanceof KeyError) throw new CliError(err.message);
        throw err;
      }
      const { ws, handlers } = await openForCli(dir);
      try {
        const r = await writeReport(ws, handlers, { outDir: opts.out, format: opts.format as 'json' | 'pdf' | 'both', keys, request });
        const summary = {
          reportId: r.reportId, files: r.files, sha256: r.jsonSha256, pdfSha256: r.pdfSha256, keyId: r.keyId, records: r.report.summary.records,
          findings: r.report.findings.length, audit: { length: r.report.audit.length, merkleRoot: r.report.audit.merkle_root }, timingsMs: r.timingsMs,
        };
        if (opts.json) return printJson(summary);
        process.stdout.write(`report ${r.reportId}: ${summary.records} records, ${summary.findings} findings, audit length ${summary.audit.length}\n`);
        for (const f of r.files) process.stdout.write(`  ${f}\n`);
        process.stdout.write(`sha256 ${r.jsonSha256}\nkey id ${r.keyId}\n`);
      } catch (err) {
        if (err instanceof ReportOutputError) throw new CliError(err.message);
        throw err;
      } finally {
        ws.close();
      }
    });
}
