// Reference and tabular profiles through the real CLI: a profile with exact values gives the same drift as its
// CSV, sketch-only profiles merge and say which statistics are approximate, bad profiles and mismatched schemas
// are refused naming the file; and the parallel parser (files split at line ends) reads quoted newlines right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliAsync } from '../helpers/cli';
import { createRng } from '../../shared/stats/prng';
import { parseFilesParallel } from '../../main/tabular/parallel-tables';
import { TablePool } from '../../main/tabular/table-pool';
import { assembleColumn } from '../../main/tabular/assemble-column';

let dir: string;
const at = (name: string): string => path.join(dir, name);

/** Numeric columns (one shifted in the current file), a categorical one, and enough rows to be split in ranges. */
function writeData(name: string, rows: number, seed: number, shift: number): string {
  const rng = createRng(seed);
  const lines = ['a,b,city'];
  for (let r = 0; r < rows; r++) {
    let x = -6;
    for (let k = 0; k < 12; k++) x += rng();
    const city = rng() < 0.5 + shift ? 'Paris' : rng() < 0.5 ? 'Lyon' : 'Nice';
    lines.push(`${(x + shift).toFixed(4)},${(rng() * 100).toFixed(2)},${city}`);
  }
  writeFileSync(at(name), `${lines.join('\n')}\n`);
  return at(name);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'assay-drift-profile-'));
  writeData('ref.csv', 260_000, 1, 0);
  writeData('cur.csv', 200_000, 2, 0.1);
  writeData('part1.csv', 3000, 3, 0.1);
  writeData('part2.csv', 2000, 4, 0.1);
  writeFileSync(at('other.csv'), 'a,z\n1,2\n3,4\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay profile and drift --reference', { timeout: 240_000 }, () => {
  it('drift from a reference profile equals drift from the reference CSV, and says every statistic is exact', async () => {
    const made = await runCliAsync(['profile', at('ref.csv'), '--out', at('ref.assay-profile'), '--json']);
    expect(made.code, made.stderr).toBe(0);
    const info = JSON.parse(made.stdout) as { rows: number; columns: { name: string; exact: boolean }[] };
    expect(info.rows).toBe(260_000);
    expect(info.columns.every((c) => c.exact)).toBe(true);
    const fromCsv = await runCliAsync(['drift', at('ref.csv'), at('cur.csv'), '--json']);
    const fromProfile = await runCliAsync(['drift', '--reference', at('ref.assay-profile'), at('cur.csv'), '--json']);
    expect(fromProfile.code, fromProfile.stderr).toBe(0);
    const { approximate_columns: approx, ...report } = JSON.parse(fromProfile.stdout) as Record<string, unknown>;
    expect(approx).toEqual([]);
    expect(report).toEqual(JSON.parse(fromCsv.stdout));
    expect((report as { columns: { name: string; drifted: boolean }[] }).columns.find((c) => c.name === 'a')!.drifted).toBe(true);
    const ks = await runCliAsync(['drift', '--reference', at('ref.assay-profile'), at('cur.csv'), '--test', 'all=ks']);
    expect(ks.stdout).toMatch(/All statistics are exact/);
  });

  it('merges sketch-only profiles of parts and marks the sketched statistics approximate', async () => {
    for (const p of ['part1', 'part2']) {
      const r = await runCliAsync(['profile', at(`${p}.csv`), '--out', at(`${p}.assay-profile`), '--exact-cap', '0']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/sketch only .*: a, b/);
    }
    const merged = await runCliAsync(['profile', 'merge', at('part1.assay-profile'), at('part2.assay-profile'), '--out', at('parts.assay-profile'), '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect((JSON.parse(merged.stdout) as { rows: number }).rows).toBe(5000);
    const drift = await runCliAsync(['drift', at('ref.assay-profile'), at('parts.assay-profile'), '--json']);
    expect(drift.code, drift.stderr).toBe(0);
    const out = JSON.parse(drift.stdout) as { approximate_columns: string[]; columns: { name: string; note?: string; drifted: boolean }[] };
    expect(out.approximate_columns).toEqual(['a', 'b']);
    expect(out.columns.find((c) => c.name === 'a')!.note).toMatch(/approximate: Wasserstein from quantile sketches .* within/);
    expect(out.columns.find((c) => c.name === 'city')!.note ?? '').not.toMatch(/approximate/);
  });

  it('refuses mismatched schemas and damaged profiles, naming the file (exit 2)', async () => {
    const other = await runCliAsync(['profile', at('other.csv'), '--out', at('other.assay-profile')]);
    expect(other.code).toBe(0);
    const bad = await runCliAsync(['profile', 'merge', at('ref.assay-profile'), at('other.assay-profile'), '--out', at('x.assay-profile')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/other\.assay-profile: columns differ \(missing b, city; extra z\)/);
    const bytes = readFileSync(at('ref.assay-profile'));
    writeFileSync(at('cut.assay-profile'), bytes.subarray(0, bytes.length - 10));
    const cut = await runCliAsync(['drift', at('cut.assay-profile'), at('cur.csv')]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cut\.assay-profile: value block is \d+ bytes, header says \d+/);
    writeFileSync(at('notes.assay-profile'), 'hello\n');
    const wrong = await runCliAsync(['drift', '--reference', at('notes.assay-profile'), at('cur.csv')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/notes\.assay-profile: not an Assay tabular profile/);
  });
});

describe('parallel CSV parsing', { timeout: 120_000 }, () => {
  it('reads a file with quoted line breaks the same when split at line ends (falls back to one range)', async () => {
    const lines = ['id,text,v'];
    for (let i = 0; i < 120_000; i++) lines.push(`${i},"line one\nline ""two"", ${i % 7}",${(i % 13) / 4}`);
    writeFileSync(at('quoted.csv'), `${lines.join('\n')}\n`);
    const pool = new TablePool(2);
    try {
      const parsed = await parseFilesParallel(pool, [at('quoted.csv')]);
      const [f] = parsed.files;
      expect(f!.rows).toBe(120_000);
      expect(f!.raggedRows).toBe(0);
      const text = assembleColumn(f!.parts.get('text')!);
      expect(text.dictionary).toHaveLength(7);
      expect(text.dictionary[0]).toBe('line one\nline "two", 0');
      const v = assembleColumn(f!.parts.get('v')!);
      expect(v.profile.numbers).toBe(120_000);
      expect(v.numbers![0]).toBe(0);
      expect(v.numbers![v.numbers!.length - 1]).toBe(3);
      parsed.dispose();
    } finally {
      await pool.close();
    }
  });
});
