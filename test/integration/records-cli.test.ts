import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-records-cli-');

const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({
  id: `t-${i}`, model: i % 2 ? 'gpt-a' : 'gpt-b', latency_ms: 100 + i,
  input: i === 5 ? '=HYPERLINK("http://evil.example","click")' : `Where is order ${i}?`,
  output: i % 4 === 0 ? `Order ${i} ships today; questions to sam.lee@example.org` : `Order ${i} is in transit.`,
  contexts: ['Orders ship within two days.'],
}));

describe('assay records export', () => {
  it('writes the filtered, sorted view as CSV or JSONL, masking personal data unless --reveal-pii', { timeout: 180_000 }, () => {
    const dir = tmp();
    const ws = path.join(dir, 'ws');
    const file = path.join(dir, 'logs.jsonl');
    writeFileSync(file, lines.join('\n'));
    expect(runCli(['init', ws]).code).toBe(0);
    expect(runCli(['import', ws, file, '--as', 'logs']).code).toBe(0);
    // The import leaves full-text indexing to the first search, outside its own run.
    const watermark = () => {
      const db = new Database(path.join(ws, 'assay.db'), { readonly: true });
      try { return db.prepare('SELECT indexed_through FROM records_fts_state').pluck().get(); } finally { db.close(); }
    };
    expect(watermark()).toBe(0);

    const jsonl = path.join(dir, 'out.jsonl');
    const r = runCli(['records', 'export', ws, '--out', jsonl, '--model', 'gpt-b', '--sort', 'latencyMs', '--dir', 'desc', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 6, format: 'jsonl', piiMasked: true });
    const rows = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; output: string; latency_ms: number });
    expect(rows.map((x) => x.id)).toEqual(['t-10', 't-8', 't-6', 't-4', 't-2', 't-0']);
    expect(rows.find((x) => x.id === 't-8')!.output).toBe('Order 8 ships today; questions to [EMAIL]');

    const csv = path.join(dir, 'out.csv');
    expect(runCli(['records', 'export', ws, '--out', csv, '--search', '"ships today"', '--reveal-pii']).code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 3);
    expect(text).toContain('sam.lee@example.org');
    expect(watermark()).toBe(12);

    // Spreadsheet formulas in logged text are neutralized.
    expect(runCli(['records', 'export', ws, '--out', csv, '--search', 'HYPERLINK']).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('refuses bad options with exit 2 and leaves an existing file as it was', { timeout: 180_000 }, () => {
    const dir = tmp();
    const ws = path.join(dir, 'ws');
    expect(runCli(['init', ws]).code).toBe(0);
    const out = path.join(dir, 'keep.csv');
    writeFileSync(out, 'precious');
    for (const args of [['--sort', 'nope'], ['--flag', 'bad'], ['--view', 'missing'], ['--asset', 'x']]) {
      const r = runCli(['records', 'export', ws, '--out', out, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runCli(['records', 'export', ws, '--out', path.join(dir, 'out.txt')]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(existsSync(path.join(dir, 'out.txt'))).toBe(false);
  });
});
