import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordInput } from '../../../../shared/contract/record-input';
import { sha256Hex } from '../../../../shared/util/hash';
import { CREDIT_COLUMNS, demoFiles, generateDemo } from '../../../../main/demo/generate/index';
import { writeDemoFiles } from '../../../../main/demo/write-demo-files';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-demo-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const digest = (seed: number) => sha256Hex([...demoFiles(generateDemo(seed))].map(([name, text]) => `${name}\n${sha256Hex(text)}`).join('\n'));

describe('generateDemo', () => {
  it('is byte-identical for the same seed and differs for another seed', () => {
    expect(digest(42)).toBe(digest(42));
    expect(digest(42)).not.toBe(digest(7));
  });

  it('rejects a seed that is not a whole number', () => {
    expect(() => generateDemo(1.5)).toThrow(/whole number/);
  });
});

describe('writeDemoFiles', () => {
  it('writes the knowledge base, logs and both credit CSVs, and reports what it wrote', () => {
    const result = writeDemoFiles(tempDir(), 42);
    expect(result.counts.kbDocs).toBeGreaterThanOrEqual(40);
    expect(result.counts.logs).toBeGreaterThanOrEqual(1900);
    expect(result.counts.referenceRows).toBe(5000);
    expect(result.counts.currentRows).toBe(5000);

    const mdFiles = readdirSync(result.kbDir).filter((f) => f.endsWith('.md'));
    expect(mdFiles.length).toBe(result.counts.kbDocs);
    for (const file of mdFiles) expect(readFileSync(path.join(result.kbDir, file), 'utf8')).toMatch(/^# \S/);

    const lines = readFileSync(result.logsPath, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(result.counts.logs);
    for (const line of lines) expect(() => RecordInput.parse(JSON.parse(line))).not.toThrow();

    for (const [file, rows] of [[result.referencePath, result.counts.referenceRows], [result.currentPath, result.counts.currentRows]] as const) {
      const records = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
      expect(records.length).toBe(rows);
      expect(Object.keys(records[0] ?? {})).toEqual([...CREDIT_COLUMNS]);
      expect(records.some((r) => r.employment_years === '')).toBe(true);
    }
  });

  it('writes the same bytes on every run with the same seed', () => {
    const a = writeDemoFiles(tempDir(), 5);
    const b = writeDemoFiles(tempDir(), 5);
    for (const key of ['logsPath', 'referencePath', 'currentPath'] as const) {
      expect(sha256Hex(readFileSync(a[key], 'utf8'))).toBe(sha256Hex(readFileSync(b[key], 'utf8')));
    }
  });

  it('explains where it could not write', () => {
    const blocker = path.join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'x');
    expect(() => writeDemoFiles(blocker)).toThrow(/could not write demo files to .*not-a-folder/);
    expect(() => writeDemoFiles('')).toThrow(/non-empty path/);
  });
});
