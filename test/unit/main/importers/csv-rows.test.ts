import { describe, expect, it } from 'vitest';
import { CsvRows, completeUtf8Length, type CsvProblem, type CsvRow } from '../../../../main/importers/containers/csv-rows';

function parse(input: Buffer | string, chunk = 1 << 20) {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const c = new CsvRows((r) => rows.push(r), (p) => problems.push(p), ',');
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input);
  for (let i = 0; i < buf.length; i += chunk) c.push(buf.subarray(i, i + chunk));
  c.end();
  return { rows, problems };
}

describe('CSV rows', () => {
  it('keeps quoted newlines and quotes inside a field, with the lines each record spans', () => {
    const { rows } = parse('id,note\r\n1,"two\nlines"\r\n2,"say ""hi"""\r\n');
    expect(rows.map((r) => [r.fields, r.line, r.endLine])).toEqual([
      [['id', 'note'], 1, 1], [['1', 'two\nlines'], 2, 3], [['2', 'say "hi"'], 4, 4],
    ]);
  });

  it('passes ragged rows through for the caller to judge', () => {
    expect(parse('a,b\n1\n2,3,4\n').rows.map((r) => r.fields)).toEqual([['a', 'b'], ['1'], ['2', '3', '4']]);
  });

  it('reports a record with invalid UTF-8 and keeps the rest, even when a character is split across chunks', () => {
    const buf = Buffer.concat([Buffer.from('a,b\n1,é\n2,'), Buffer.from([0xff]), Buffer.from('x\n3,ü\n')]);
    for (const chunk of [1, 3, 1000]) {
      const { rows, problems } = parse(buf, chunk);
      expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['1', 'é'], ['3', 'ü']]);
      expect(problems).toMatchObject([{ line: 3, fatal: false }]);
    }
  });

  it('reports an unclosed quote at the end instead of swallowing the file silently', () => {
    const { rows, problems } = parse('a,b\n1,2\n3,"never closed\n4,5\n');
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
    expect(problems[0]).toMatchObject({ line: 3, fatal: true });
    expect(problems[0]!.reason).toMatch(/never closed/);
  });

  it('finds where an incomplete UTF-8 sequence starts at a chunk end', () => {
    const e = Buffer.from('aé');
    expect(completeUtf8Length(e.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(e)).toBe(3);
    expect(completeUtf8Length(Buffer.from('✓').subarray(0, 2))).toBe(0);
  });
});
