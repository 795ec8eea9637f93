// `assay drift` and `assay metrics` as child processes, plus the CSV loader against csv-parse.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { loadCsvTables } from '../../main/tabular/load-tables';
import { readCsvTable } from '../../main/tabular/table-reader';
import { columnValues } from '../../main/cli/commands/metrics';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Runs the real CLI entry (main/cli/index.ts). Until the owner lists registerDrift/registerMetrics in
// main/cli/commands/index.ts, the harness adds them to that list before the program is built.
const HARNESS = `
import { register } from 'tsx/esm/api';
register();
const { commands } = await import('./main/cli/commands/index.ts');
const { registerDrift } = await import('./main/cli/commands/drift.ts');
const { registerMetrics } = await import('./main/cli/commands/metrics.ts');
for (const r of [registerDrift, registerMetrics]) if (!commands.includes(r)) commands.push(r);
await import('./main/cli/index.ts');
`;

function assay(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', HARNESS, 'assay', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const csv = (header: string[], rows: (string | number)[][]): string => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'assay-cli-drift-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each CLI run starts Node and tsx; on a busy machine a test with several runs needs more than the default.
describe('assay drift', { timeout: 180_000 }, () => {
  let ref: string;
  let cur: string;
  beforeAll(() => {
    const n = 300;
    const refRows = Array.from({ length: n }, (_, i) => [((i * 0.618) % 1).toFixed(4), ['red', 'green', 'blue'][i % 3]!, i % 2, `"customer wrote, in message ${i}: all fine${"!".repeat(i % 11)}"`]);
    const curRows = Array.from({ length: n }, (_, i) => [((i * 0.618) % 1 + 0.3).toFixed(4), ['red', 'green', 'blue', 'pink'][i % 4]!, i % 2, `"customer wrote, in message ${i}: all fine${"!".repeat(i % 11)}"`]);
    ref = file('ref.csv', csv(['amount', 'colour', 'flag', 'comment'], refRows));
    cur = file('cur.csv', csv(['amount', 'colour', 'flag', 'comment'], curRows));
  });

  it('prints the JSON contract and exits 0 when drift is found', () => {
    const r = assay('drift', ref, cur, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { columns: Record<string, unknown>[]; share_drifted: number; dataset_drifted: boolean };
    expect(Object.keys(out)).toEqual(['columns', 'share_drifted', 'dataset_drifted']);
    const byName = Object.fromEntries(out.columns.map((c) => [c.name, c]));
    expect(Object.keys(byName.amount!)).toEqual(['name', 'type', 'test', 'statistic', 'p_value', 'threshold', 'drifted', 'psi', 'missing_share', 'unseen_categories']);
    expect(byName.amount).toMatchObject({ type: 'numeric', test: 'ks', threshold: 0.05, drifted: true });
    expect(byName.colour).toMatchObject({ type: 'categorical', test: 'chisquare', drifted: true, unseen_categories: { count: 1, examples: ['pink'] } });
    expect(byName.flag).toMatchObject({ test: 'z', drifted: false, p_value: 1 });
    expect(byName.comment).toMatchObject({ type: 'text', test: 'ks', drifted: false });
    expect(out.share_drifted).toBe(0.5);
    expect(out.dataset_drifted).toBe(true);
  });

  it('prints an aligned table without --json, and honours --columns, --test and --threshold', () => {
    const table = assay('drift', ref, cur, '--columns', 'amount,colour', '--test', 'amount=psi', '--threshold', 'colour=1e-300');
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^column\s+type\s+test\s+statistic\s+p-value\s+threshold\s+drifted\s+psi\s+missing\s+note$/);
    expect(lines[1]).toMatch(/^amount\s+numeric\s+psi\s/);
    expect(lines[2]).toMatch(/^colour\s+categorical\s+chisquare\s.*\s1\.00e-300\s+(yes|no)\s/);
    expect(table.stdout).toMatch(/Drifted columns: \d of 2 tested/);
  });

  it('applies Benjamini-Hochberg when asked and adds the adjusted p-value', () => {
    const r = JSON.parse(assay('drift', ref, cur, '--json', '--correction', 'bh').stdout) as { columns: { p_value_adjusted?: number | null; test: string }[] };
    expect(r.columns.every((c) => 'p_value_adjusted' in c)).toBe(true);
  });

  it('gives every bad column a note, with no NaN or Infinity anywhere', () => {
    const header = ['ok', 'kind', 'gone', 'empty', 'const', 'mixed', 'weird', 'when'];
    const refRows = Array.from({ length: 20 }, (_, i) => [i, i, i, '', 7, i % 2 ? 'x' : i, i === 3 ? 'NaN' : i, `2024-01-${String(i + 1).padStart(2, '0')}`]);
    const curRows = Array.from({ length: 20 }, (_, i) => [i + 0.5, `k${i}`, '', 7, i % 2 ? 'y' : i, i === 4 ? 'inf' : i, `2024-02-${String(i + 1).padStart(2, '0')}`]);
    const a = file('bad-ref.csv', csv(header, refRows));
    const b = file('bad-cur.csv', csv(['ok', 'kind', 'empty', 'const', 'mixed', 'weird', 'when', 'extra'], curRows.map((r) => [...r, 1])));
    const r = assay('drift', a, b, '--json');
    expect(r.code).toBe(0);
    // Notes may mention NaN; values may not (JSON has no NaN, and nulls must come with a note).
    expect(r.stdout).not.toMatch(/[:,[]\s*-?(NaN|Infinity)/);
    const cols = Object.fromEntries((JSON.parse(r.stdout) as { columns: { name: string; note?: string }[] }).columns.map((c) => [c.name, c.note ?? '']));
    expect(cols.ok).toBe('');
    expect(cols.kind).toMatch(/type differs \(reference numeric, current categorical\)/);
    expect(cols.gone).toMatch(/not found in the current file/);
    expect(cols.extra).toMatch(/not found in the reference file/);
    expect(cols.empty).toMatch(/all values missing in both files/);
    expect(cols.const).toMatch(/constant column/);
    expect(cols.mixed).toMatch(/mixed numbers and strings/);
    expect(cols.weird).toMatch(/1 NaN value in reference treated as missing.*1 infinite value in current excluded/);
    expect(cols.when).toMatch(/datetime column: not tested/);
  });

  it('notes files with fewer than 2 rows instead of failing', () => {
    const one = file('one.csv', 'a,b\n1,x\n');
    const r = assay('drift', one, one, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { columns: { note: string }[] }).columns[0]!.note).toMatch(/fewer than 2 rows \(reference has 1\)/);
  });

  it('slices the current file into time windows with --time-column and flags the shifted days', () => {
    const day = (d: number, base: string) => new Date(Date.parse(base) + d * 86_400_000).toISOString().slice(0, 10);
    const rows = (days: number, base: string, shiftFrom: number) =>
      Array.from({ length: days * 60 }, (_, i) => {
        const d = Math.floor(i / 60);
        return [`${day(d, base)}T${String(i % 24).padStart(2, '0')}:00:00Z`, (((i * 0.618) % 1) + (d >= shiftFrom ? 1 : 0)).toFixed(4)];
      });
    const a = file('t-ref.csv', csv(['ts', 'x'], rows(14, '2024-01-01', 99)));
    const b = file('t-cur.csv', csv(['ts', 'x'], rows(6, '2024-02-01', 4)));
    const r = assay('drift', a, b, '--json', '--time-column', 'ts', '--window', 'day');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { columns: { name: string }[]; windows: { name: string; band: { chunks: number }; points: { start: string; alert: boolean }[] }[] };
    expect(out.columns.map((c) => c.name)).toEqual(['x']);
    expect(out.windows[0]!.band.chunks).toBe(14);
    expect(out.windows[0]!.points.filter((p) => p.alert).map((p) => p.start)).toEqual(['2024-02-05', '2024-02-06']);
    expect(assay('drift', a, b, '--time-column', 'x').stderr).toMatch(/not a date or epoch column/);
  });

  it('exits 2 with a one-line message naming the file on unreadable input', () => {
    const cases: [string, RegExp][] = [
      [path.join(dir, 'nope.csv'), /nope\.csv: no such file/],
      [file('empty.csv', ''), /empty\.csv: empty file/],
      [file('binary.csv', '\x00\x01\x02PK\x03'), /binary\.csv: not a text CSV file/],
      [file('broken.csv', 'a,b\n1,"unclosed\n2,3\n'), /broken\.csv: malformed CSV: unclosed quote/],
      [dir, /is a directory/],
    ];
    for (const [bad, message] of cases) {
      const r = assay('drift', ref, bad, '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('exits 2 on bad option values', () => {
    expect(assay('drift', ref, cur, '--test', 'amount=magic').stderr).toMatch(/unknown test "magic"/);
    expect(assay('drift', ref, cur, '--correction', 'holm').code).toBe(2);
    expect(assay('drift', ref, cur, '--threshold', 'amount=-1').code).toBe(2);
  });
});

describe('assay metrics', { timeout: 120_000 }, () => {
  it('classification with scores and segments as JSON', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 2, i % 4 === 1 ? 0 : i % 2, ((i % 2) * 0.5 + (i % 5) * 0.1).toFixed(2), i < 20 ? 'eu' : 'us']);
    const f = file('pred.csv', csv(['label', 'pred', 'p', 'region'], rows));
    const r = assay('metrics', f, '--target', 'label', '--prediction', 'pred', '--score', 'p', '--segment', 'region', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.task).toBe('classification');
    expect(out.classification.accuracy).toBe(0.75);
    expect(out.classification.confusion_matrix).toEqual([[20, 0], [10, 10]]);
    expect(out.scores.positive_label).toBe('1');
    expect(out.scores.roc_auc).toBeGreaterThan(0.9);
    expect(out.segments.map((s: { segment: string }) => s.segment)).toEqual(['eu', 'us']);
  });
  it('regression as a readable report', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i * 1.5, i * 1.5 + (i % 2 ? 1 : -1)]);
    const r = assay('metrics', file('reg.csv', csv(['y', 'yhat'], rows)), '--target', 'y', '--prediction', 'yhat');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Task: regression; 50 rows used, 0 skipped\.\nMAE 1 {2}RMSE 1 {2}R2 0\.99/);
  });
  it('exits 2 naming the missing column', () => {
    const r = assay('metrics', file('m.csv', 'a,b\n1,2\n'), '--target', 'label', '--prediction', 'b');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--target column "label" not found in .*m\.csv \(columns: a, b\)/);
  });
});

describe('CSV loader', { timeout: 120_000 }, () => {
  const tricky = '\ufeffid;"na;me";note\r\n1;"Smith, ""Jo""";"two\nlines"\r\n2;plain;\r\n3; spaced ;"x"\r\n;;\r\n4;last;end';

  it('reads quotes, escaped quotes, embedded newlines, CRLF, a BOM and a sniffed delimiter like csv-parse', () => {
    const f = file('tricky.csv', tricky);
    const expected = parse(tricky, { delimiter: ';', bom: true, skip_empty_lines: true }) as string[][];
    const table = readCsvTable(f, { spillDir: null });
    expect(table.delimiter).toBe(';');
    expect(table.columns.map((c) => c.name)).toEqual(expected[0]);
    const asText = (v: string | number | null): string => (v === null ? '' : String(v));
    const [loaded] = [{ columns: table.columns }];
    const values = loaded.columns.map((c) =>
      columnValues({ ...c, numbers: (c.numbers?.kind === 'memory' ? c.numbers.data : null) as Float64Array | null, dates: null, codes: (c.codes?.kind === 'memory' ? c.codes.data : null) as Int32Array | null }),
    );
    const rows = expected.slice(1).map((row) => row.map((cell) => cell.trim()));
    rows.forEach((row, r) => row.forEach((cell, c) => expect(asText(values[c]![r]!)).toBe(cell)));
    expect(table.rows).toBe(5);
  });

  it('parses numbers exactly as Number() does and keeps everything else as text', () => {
    const cells = ['1e', '-', '.5', '5.', '+3', '1e400', '-1e400', '-0', '12345678901234567890', ' 42 ', '0x10', '"1,5"', '1.7976931348623157e308', '4.9e-324', '0.1', '123456.789e-3', 'inf', 'NaN', ''];
    const f = file('numbers.csv', `v\n${cells.join('\n')}\n`);
    const table = readCsvTable(f, { spillDir: null });
    const c = table.columns[0]!;
    const values = columnValues({ ...c, numbers: (c.numbers?.kind === 'memory' ? c.numbers.data : null) as Float64Array | null, dates: null, codes: (c.codes?.kind === 'memory' ? c.codes.data : null) as Int32Array | null });
    const numbersAt = (i: number): number => (c.numbers?.kind === 'memory' ? c.numbers.data[i]! : Number.NaN);
    expect(values.slice(0, 5)).toEqual(['1e', '-', 0.5, 5, 3]);
    expect([numbersAt(5), numbersAt(6)]).toEqual([Infinity, -Infinity]);
    expect(Object.is(numbersAt(7), -0)).toBe(true);
    expect(values.slice(8, 12)).toEqual([Number('12345678901234567890'), 42, '0x10', '1,5']);
    expect(values.slice(12, 16)).toEqual([1.7976931348623157e308, 4.9e-324, 0.1, 123.456789]);
    // The trailing blank line is skipped, as pandas and csv-parse (skip_empty_lines) do.
    expect(c.profile).toMatchObject({ rows: 18, posInf: 2, negInf: 1, nan: 1, missing: 0, strings: 4 });
  });

  it('handles a wide file (3,000 columns) in spill mode without running out of memory or descriptors', async () => {
    const header = Array.from({ length: 3000 }, (_, j) => `c${j}`);
    const f = file('wide.csv', csv(header, Array.from({ length: 4 }, (_, i) => header.map((_, j) => (i * j) % 7))));
    const [t] = await loadCsvTables([f], { parallel: false, memoryBudgetMb: 0.001 });
    expect(t!.names).toHaveLength(3000);
    expect(Array.from(t!.column('c2999')!.numbers!)).toEqual([0, 3, 6, 2]);
    t!.dispose();
  });

  it('spilled, parallel and in-memory loading give the same columns', async () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => [i % 97 === 0 ? '' : (i * 1.37) % 11, ['a', 'b', 'c'][i % 3]!, i % 1000 === 5 ? 'NaN' : i]);
    const a = file('big-a.csv', csv(['x', 'cat', 'n'], rows));
    const b = file('big-b.csv', csv(['x', 'cat', 'n'], rows.slice(0, 50_000)));
    const memory = await loadCsvTables([a, b], { parallel: false });
    const spilled = await loadCsvTables([a, b], { parallel: true, memoryBudgetMb: 0.1 });
    for (let t = 0; t < 2; t++) {
      for (const name of ['x', 'cat', 'n']) {
        const m = memory[t]!.column(name)!;
        const s = spilled[t]!.column(name)!;
        expect(s.profile).toEqual(m.profile);
        expect(Array.from(s.numbers ?? [])).toEqual(Array.from(m.numbers ?? []));
        expect(Array.from(s.codes ?? [])).toEqual(Array.from(m.codes ?? []));
      }
    }
    expect(memory[0]!.column('n')!.profile).toMatchObject({ rows: 70_000, nan: 70, numbers: 69_930 });
    for (const t of [...memory, ...spilled]) t.dispose();
  });
});
