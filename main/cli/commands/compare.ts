import type { Command } from 'commander';
import type { ComparisonResult, MetricRow } from '../../../shared/contract/compare-schemas';
import { COMPARE_AXES, CORRECTION_METHODS } from '../../../shared/contract/enum-values';
import { METRIC_NAMES } from '../../../shared/compare/metric-names';
import { CliError } from '../cli-error';
import { openForCli, printJson } from '../open';
import { intOption } from './search';

interface CompareOptions {
  by: string;
  a: string;
  b: string;
  metrics?: string;
  correction: string;
  seed: string;
  resamples: string;
  store?: boolean;
  json?: boolean;
}

function choice<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${name}: expected one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

/** The `assay compare --json` shape: the issue's fields first, then what explains them. */
export function compareJson(r: ComparisonResult): Record<string, unknown> {
  const metrics = r.metrics.map((m) => ({
    name: m.name, a: m.a, b: m.b, diff: m.diff, ci_low: m.ci_low, ci_high: m.ci_high, test: m.test, p_value: m.p_value,
    p_adjusted: m.p_adjusted, significant: m.significant, n_a: m.n_a, n_b: m.n_b, detail: m.detail, estimate: m.estimate,
  }));
  return {
    by: r.by, a: r.a, b: r.b, paired: r.paired, unpaired_a: r.unpaired_a, unpaired_b: r.unpaired_b, metrics, buckets: r.buckets,
    mode: r.mode, correction: r.correction, seed: r.seed, resamples: r.resamples, notes: r.notes, ...(r.id !== undefined ? { id: r.id } : {}),
  };
}

const fmt = (v: number | null, digits = 4) => (v === null ? '-' : Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(digits));
const fmtP = (v: number | null) => (v === null ? '-' : v < 1e-4 ? v.toExponential(1) : v.toFixed(4));

function printTable(r: ComparisonResult): void {
  const out = process.stdout;
  out.write(`${r.by}: A = ${r.a} (${r.records_a} records), B = ${r.b} (${r.records_b} records); ${r.mode}` +
    `${r.mode === 'paired' ? ` on ${r.paired} pairs` : ''}, ${r.correction === 'none' ? 'no correction' : `${r.correction} correction`}\n`);
  for (const note of r.notes) out.write(`  ${note}\n`);
  const rows = r.metrics.map((m: MetricRow) => [
    m.name + (m.estimate ? ' (est.)' : ''), fmt(m.a), fmt(m.b), fmt(m.diff), m.ci_low === null ? '-' : `[${fmt(m.ci_low, 3)}, ${fmt(m.ci_high, 3)}]`,
    m.test, fmtP(m.p_value), fmtP(m.p_adjusted), m.significant ? 'yes' : '',
  ]);
  const head = ['metric', 'A', 'B', 'B - A', '95% CI', 'test', 'p', 'p adj.', 'signif.'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [head, ...rows]) out.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  const b = r.buckets;
  if (r.mode === 'paired') out.write(`buckets (${r.bucket_flag} flag): regressed ${b.regressed}, fixed ${b.fixed}, still failing ${b.still_failing}, unchanged ${b.unchanged}\n`);
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two versions with paired (or unpaired) tests, 95% intervals and a multiple-testing correction')
    .argument('<workspace>', 'workspace folder')
    .requiredOption('--by <axis>', `what differs: ${COMPARE_AXES.join('|')}`)
    .requiredOption('--a <value>', 'version A (the baseline); an asset id for asset and kb_version')
    .requiredOption('--b <value>', 'version B (the candidate)')
    .option('--metrics <names>', `comma-separated (default: all of ${METRIC_NAMES.join(', ')})`)
    .option('--correction <method>', 'holm|bh|none across the metrics shown', 'holm')
    .option('--seed <n>', 'bootstrap seed', '1')
    .option('--resamples <n>', 'bootstrap resamples', '10000')
    .option('--store', 'keep the result in the workspace (audit-logged) for reports')
    .option('--json', 'print the comparison as JSON')
    .action(async (dir: string, opts: CompareOptions) => {
      const by = choice('--by', opts.by, COMPARE_AXES);
      const correction = choice('--correction', opts.correction, CORRECTION_METHODS);
      const metrics = opts.metrics?.split(',').map((s) => s.trim()).filter(Boolean).map((m) => choice('--metrics', m, METRIC_NAMES));
      const seed = intOption('--seed', opts.seed, 0, 2 ** 32 - 1)!;
      const resamples = intOption('--resamples', opts.resamples, 100, 100_000)!;
      const { ws, call } = await openForCli(dir);
      try {
        const r = await call('compare.run', { by, a: opts.a, b: opts.b, metrics, correction, seed, resamples, store: opts.store ?? false });
        if (opts.json) printJson(compareJson(r));
        else printTable(r);
      } finally {
        ws.close();
      }
    });
}
