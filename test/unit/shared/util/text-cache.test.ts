import { describe, expect, it } from 'vitest';
import { TextCache } from '../../../../shared/util/text-cache';

describe('TextCache', () => {
  it('computes a text once and returns the same value after', () => {
    const cache = new TextCache<string[]>(10, 1000);
    let calls = 0;
    const split = (t: string) => (calls++, t.split(' '));
    const first = cache.get('a b c', split);
    expect(cache.get('a b c', split)).toBe(first);
    expect(cache.get('d e', split)).toEqual(['d', 'e']);
    expect(calls).toBe(2);
  });

  it('stays within its text and character bounds, starting over when full', () => {
    let calls = 0;
    const len = (t: string) => (calls++, t.length);
    const byTexts = new TextCache<number>(2, 1000);
    for (const t of ['a', 'b', 'c', 'a']) byTexts.get(t, len);
    // 'c' did not fit beside 'a' and 'b', so the cache started over and 'a' was computed again.
    expect(calls).toBe(4);
    calls = 0;
    const byChars = new TextCache<number>(100, 5);
    byChars.get('abcdef', len);
    byChars.get('abcdef', len);
    // A text longer than the whole budget is never kept.
    expect(calls).toBe(2);
  });
});
