import { describe, expect, it } from 'vitest';
import { formatCost, formatCount, formatLatency, formatTimestamp, prettyJson, shortHash, summarizePayload } from '../../../../renderer/format/format';

describe('display formatting', () => {
  it('shows missing numbers as a dash, not as zero', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatCost(undefined)).toBe('—');
    expect(formatLatency(null)).toBe('—');
    expect(formatCount(0)).toBe('0');
  });

  it('groups thousands and keeps sub-cent costs readable', () => {
    expect(formatCount(300000)).toBe('300,000');
    expect(formatCost(0.000123)).toBe('$0.00012');
    expect(formatCost(0.5)).toBe('$0.5000');
    expect(formatCost(12.345)).toBe('$12.35');
    expect(formatLatency(850)).toBe('850 ms');
    expect(formatLatency(12_500)).toBe('12.5 s');
  });

  it('shows timestamps in UTC whatever the machine’s zone, and leaves unparseable ones as they are', () => {
    expect(formatTimestamp('2024-10-03T16:05:09+02:00')).toBe('2024-10-03 14:05:09 UTC');
    expect(formatTimestamp('last tuesday')).toBe('last tuesday');
  });

  it('cuts hashes to a prefix', () => {
    expect(shortHash('a'.repeat(64))).toBe('a'.repeat(12));
    expect(shortHash(null)).toBe('—');
  });

  it('summarizes audit payloads on one line', () => {
    expect(summarizePayload({ assetId: 1, name: 'support logs', kinds: ['a', 'b'], nested: { x: 1 } }))
      .toBe('assetId: 1 · name: support logs · kinds: [2] · nested: {…}');
    expect(summarizePayload({})).toBe('{}');
    expect(summarizePayload(null)).toBe('—');
    expect(summarizePayload({ text: 'x'.repeat(500) }).length).toBeLessThanOrEqual(140);
  });

  it('pretty-prints JSON and survives values JSON cannot encode', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(prettyJson(cyclic)).toBe('[object Object]');
  });
});
