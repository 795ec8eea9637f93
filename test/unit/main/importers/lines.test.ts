import { describe, expect, it } from 'vitest';
import { LineSplitter, type LineProblem } from '../../../../main/importers/containers/lines';

function split(chunks: Buffer[], max?: number): { lines: [number, string][]; problems: LineProblem[] } {
  const lines: [number, string][] = [];
  const problems: LineProblem[] = [];
  const s = new LineSplitter((t, n) => lines.push([n, t]), (p) => problems.push(p), max);
  for (const c of chunks) s.push(c);
  s.end();
  return { lines, problems };
}

describe('JSONL line splitting', () => {
  it('drops a UTF-8 BOM and CR of CRLF line ends, keeps line numbers of blank lines', () => {
    const { lines } = split([Buffer.from('\uFEFF{"a":1}\r\n\r\n{"b":2}\r\n')]);
    expect(lines).toEqual([[1, '{"a":1}'], [2, ''], [3, '{"b":2}']]);
  });

  it('joins a line and a multi-byte character split across chunks', () => {
    const whole = Buffer.from('{"q":"café ✓"}\n{"q":"naïve"}');
    const chunks = [whole.subarray(0, 10), whole.subarray(10, 11), whole.subarray(11)];
    expect(split(chunks).lines).toEqual([[1, '{"q":"café ✓"}'], [2, '{"q":"naïve"}']]);
  });

  it('reports a line with invalid UTF-8 by line and byte offset and keeps its neighbours', () => {
    const bad = Buffer.concat([Buffer.from('{"ok":1}\n{"q":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"ok":2}\n')]);
    const { lines, problems } = split([bad]);
    expect(lines).toEqual([[1, '{"ok":1}'], [3, '{"ok":2}']]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2, byteOffset: 15 });
    expect(problems[0]!.reason).toMatch(/invalid UTF-8/);
  });

  it('skips a line longer than the limit without holding it, and goes on', () => {
    const long = 'x'.repeat(5000);
    const { lines, problems } = split([Buffer.from(`{"a":1}\n${long.slice(0, 2000)}`), Buffer.from(`${long.slice(2000)}\n{"b":2}\n`)], 1024);
    expect(lines.map((l) => l[1])).toEqual(['{"a":1}', '{"b":2}']);
    expect(problems).toMatchObject([{ line: 2, byteOffset: 8 }]);
    expect(problems[0]!.reason).toMatch(/longer than the 1 KiB limit/);
  });

  it('emits a last line that has no newline', () => {
    expect(split([Buffer.from('{"a":1}\n{"b":')]).lines).toEqual([[1, '{"a":1}'], [2, '{"b":']]);
  });

  it('splits big read chunks (decoded in 64 KiB pieces) exactly as the lines are, blank, CRLF, multi-byte and >64 KiB lines included', () => {
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const kind = rand(20);
      want.push(kind === 0 ? '' : kind === 1 ? `{"long":"${'é✓x'.repeat(30_000 + rand(20_000))}"}` : `{"i":${i},"t":"${'ab ç'.repeat(rand(400))}"}`);
    }
    const text = want.map((l, i) => (i % 7 === 0 ? `${l}\r\n` : `${l}\n`)).join('');
    const whole = Buffer.from(text);
    // Read chunks of 1 MiB, as the importer reads files, and of odd sizes that cut lines and characters anywhere.
    for (const size of [1 << 20, 99_991, 3 << 20]) {
      const chunks: Buffer[] = [];
      for (let o = 0; o < whole.length; o += size) chunks.push(whole.subarray(o, o + size));
      const { lines, problems } = split(chunks);
      expect(problems).toEqual([]);
      expect(lines.length).toBe(want.length);
      expect(lines.every(([n, t]) => t === want[n - 1])).toBe(true);
    }
  });
});
