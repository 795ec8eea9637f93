import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ascendingOrder, idsSha256, isAscending, mergeAscending, parseDigitBlob, parseIdBlob } from '../../../../main/storage/id-lists';

const blob = (s: string) => Buffer.from(s, 'latin1');

describe('id lists read in bulk', () => {
  it('parses group_concat blobs of ids and of one-digit codes; no rows is an empty list', () => {
    expect(Array.from(parseIdBlob(blob('1,20,300,4000000007')))).toEqual([1, 20, 300, 4000000007]);
    expect(Array.from(parseIdBlob(blob('0')))).toEqual([0]);
    expect(parseIdBlob(null)).toHaveLength(0);
    expect(Array.from(parseDigitBlob(blob('01234')))).toEqual([0, 1, 2, 3, 4]);
    expect(parseDigitBlob(null)).toHaveLength(0);
    expect(Array.from(parseIdBlob(blob('7\n80\n9000000001'), 10))).toEqual([7, 80, 9000000001]);
  });

  it('fingerprints ids as their decimal lines, the text group_concat(id, newline) returns', () => {
    const ids = [0, 1, 9, 10, 99, 100, 101, 123456789, 2 ** 31 - 1, 2 ** 31, 2 ** 40, 2 ** 53 - 1];
    expect(idsSha256(ids)).toBe(createHash('sha256').update(ids.join('\n')).digest('hex'));
    expect(idsSha256([])).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('merges ascending lists into one, naming the list each id came from', () => {
    const lists = [[2, 9, 40], [], [1, 3, 4, 50], [7]].map((l) => Float64Array.from(l));
    const { ids, from } = mergeAscending(lists);
    expect(Array.from(ids)).toEqual([1, 2, 3, 4, 7, 9, 40, 50]);
    expect(Array.from(from)).toEqual([2, 0, 2, 2, 3, 0, 0, 2]);
    expect(mergeAscending([]).ids).toHaveLength(0);
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
