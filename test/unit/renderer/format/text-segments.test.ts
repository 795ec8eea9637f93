import { describe, expect, it } from 'vitest';
import { excerptAround, segmentText, type Highlight } from '../../../../renderer/format/text-segments';

const mark = (start: number, end: number, name: string): Highlight => ({ start, end, classes: [name] });
const view = (text: string, highlights: Highlight[]) =>
  segmentText(text, highlights).map((run) => [run.text, run.marks.map((m) => m.classes[0]).join('+')]);

describe('segmentText', () => {
  it('cuts the text into runs that join back to the original, marking the highlighted ones', () => {
    const text = 'The fee is 25% on opened items.';
    const runs = segmentText(text, [mark(11, 14, 'number')]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(view(text, [mark(11, 14, 'number')])).toEqual([['The fee is ', ''], ['25%', 'number'], [' on opened items.', '']]);
  });

  it('splits overlapping regions so each run lists every region covering it', () => {
    // A PII entity inside an unsupported claim.
    expect(view('Call Anna at 555-0100 today', [mark(0, 27, 'claim'), mark(13, 21, 'pii')])).toEqual([
      ['Call Anna at ', 'claim'], ['555-0100', 'claim+pii'], [' today', 'claim'],
    ]);
  });

  it('clips regions past the end and drops empty, reversed or non-numeric ones instead of failing', () => {
    const text = 'short';
    expect(view(text, [mark(3, 99, 'tail'), mark(-5, 1, 'head'), mark(2, 2, 'empty'), mark(4, 1, 'reversed'), mark(Number.NaN, 3, 'nan')]))
      .toEqual([['s', 'head'], ['ho', ''], ['rt', 'tail']]);
    expect(view('', [mark(0, 3, 'x')])).toEqual([]);
    expect(view('plain', [])).toEqual([['plain', '']]);
  });

  it('keeps text that looks like markup as text', () => {
    const text = '<script>alert(1)</script>';
    expect(segmentText(text, [mark(0, 8, 'x')]).map((run) => run.text).join('')).toBe(text);
  });
});

describe('excerptAround', () => {
  it('quotes a window around the evidence that starts and ends on whole words', () => {
    const text = 'Returns are free. You have 30 days from delivery to return a product. Refunds take 5 days to arrive.';
    const start = text.indexOf('You');
    const end = text.indexOf('product.') + 'product.'.length;
    const { from, to } = excerptAround(text, start, end, 10);
    expect(from).toBeLessThanOrEqual(start);
    expect(to).toBeGreaterThanOrEqual(end);
    expect(text[from - 1] === undefined || text[from - 1] === ' ').toBe(true);
    expect(to === text.length || text[to] === ' ').toBe(true);
  });

  it('returns the whole text when it is short', () => {
    expect(excerptAround('All of it.', 0, 3, 50)).toEqual({ from: 0, to: 10 });
  });
});
