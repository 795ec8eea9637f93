import { describe, expect, it } from 'vitest';
import { ascendingOrder, isAscending, parseDigitBlob, parseIdBlob } from '../../../../main/storage/id-lists';

const blob = (s: string) => Buffer.from(s, 'latin1');

describe('id lists read in bulk', () => {
  it('parses group_concat blobs of ids and of one-digit codes; no rows is an empty list', () => {
    expect(Array.from(parseIdBlob(blob('1,20,300,4000000007')))).toEqual([1, 20, 300, 4000000007]);
    expect(Array.from(parseIdBlob(blob('0')))).toEqual([0]);
    expect(parseIdBlob(null)).toHaveLength(0);
    expect(Array.from(parseDigitBlob(blob('01234')))).toEqual([0, 1, 2, 3, 4]);
    expect(parseDigitBlob(null)).toHaveLength(0);
  });

  it('orders distinct ids ascending, with packed doubles and, past 2^53, with a comparator', () => {
    const ids = [50, 3, 7_000_000_000, 12, 0, 9];
    expect(Array.from(ascendingOrder(ids), (i) => ids[i])).toEqual([0, 3, 9, 12, 50, 7_000_000_000]);
    const huge = [2 ** 52, 5, 2 ** 51, 1];
    expect(Array.from(ascendingOrder(huge), (i) => huge[i])).toEqual([1, 5, 2 ** 51, 2 ** 52]);
    expect(isAscending([1, 2, 5])).toBe(true);
    expect(isAscending([1, 1])).toBe(false);
  });
});
