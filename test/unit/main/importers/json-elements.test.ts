import { describe, expect, it } from 'vitest';
import { JsonElementScanner, type JsonItem, type JsonProblem } from '../../../../main/importers/containers/json-elements';

function scan(text: string | Buffer, opts: { streamKeys?: string[]; whole?: boolean; max?: number; chunk?: number } = {}) {
  const items: JsonItem[] = [];
  const problems: JsonProblem[] = [];
  const s = new JsonElementScanner((i) => items.push(i), (p) => problems.push(p), {
    streamKeys: new Set(opts.streamKeys ?? ['data', 'observations']), whole: opts.whole ?? false, maxItemBytes: opts.max ?? 1 << 20,
  });
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  const step = opts.chunk ?? buf.length;
  for (let i = 0; i < buf.length; i += step) s.push(buf.subarray(i, i + step));
  s.end();
  return { items, problems, values: items.map((i) => JSON.parse(i.text) as unknown) };
}

describe('streaming JSON element scanner', () => {
  it('yields each element of a top-level array, whatever the chunk size', () => {
    const doc = '[{"a":"x,]}\\"y"}, 2, "s", {"n":[1,{"m":null}]} ,[3]]';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      expect(scan(doc, { chunk }).values).toEqual([{ a: 'x,]}"y' }, 2, 's', { n: [1, { m: null }] }, [3]]);
    }
  });

  it('streams the collection key of a top-level object and passes the other keys whole', () => {
    const doc = '{"trace": {"id": "t1"}, "observations": [{"id": "o1"}, {"id": "o2"}], "meta": {"page": 1}}';
    const { items } = scan(doc, { chunk: 5 });
    expect(items.map((i) => [i.key, i.element, JSON.parse(i.text)])).toEqual([
      ['trace', false, { id: 't1' }], ['observations', true, { id: 'o1' }], ['observations', true, { id: 'o2' }], ['meta', false, { page: 1 }],
    ]);
  });

  it('reads a single object whole when asked', () => {
    expect(scan('\n  {"request": {"a": [1]}, "response": {}}\n', { whole: true }).values).toEqual([{ request: { a: [1] }, response: {} }]);
  });

  it('keeps the elements before a truncation and reports where the file ends', () => {
    const { values, problems } = scan('[{"a":1},\n{"b":2},\n{"c":');
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3 });
    expect(problems[0]!.reason).toMatch(/truncated JSON: the file ends inside element 3/);
  });

  it('reports an array that is never closed', () => {
    const { values, problems } = scan('[{"a":1}, {"b":2}');
    expect(values).toHaveLength(2);
    expect(problems[0]!.reason).toMatch(/before the array is closed; 2 element/);
  });

  it('stops at a syntax error between elements, naming line and byte', () => {
    const { values, problems } = scan('[{"a":1}\n{"b":2}]');
    expect(values).toEqual([{ a: 1 }]);
    expect(problems[0]!.reason).toMatch(/expected "," or "]" after element 1, found "\{" \(line 2, byte 9\); the rest of the file was not read/);
  });

  it('skips an element larger than the limit and keeps the others', () => {
    const big = `{"x":"${'y'.repeat(300)}"}`;
    const { values, problems } = scan(`[{"a":1},${big},{"b":2}]`, { max: 100, chunk: 64 });
    expect(values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(problems[0]!.reason).toMatch(/element 2 is 308 bytes, larger than the 100 bytes limit/);
  });

  it('reports an element with invalid UTF-8', () => {
    const buf = Buffer.concat([Buffer.from('[{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"},{"b":1}]')]);
    const { values, problems } = scan(buf);
    expect(values).toEqual([{ b: 1 }]);
    expect(problems[0]!.reason).toMatch(/invalid UTF-8/);
  });

  it('drops a UTF-8 BOM', () => {
    expect(scan('\uFEFF[1]').values).toEqual([1]);
  });
});
