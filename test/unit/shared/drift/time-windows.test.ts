import { describe, it, expect } from 'vitest';
import { bandFromValues, chunkRows, seriesOverWindows, sliceByPeriod, windowStart } from '../../../../shared/drift/time-windows';
import { columnDriftOverTime } from '../../../../shared/drift/drift-over-time';
import { column, spread } from './column-data';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('time windows', () => {
  it('days start at UTC midnight and weeks on Monday', () => {
    const t = Date.parse('2024-03-07T15:30:00Z'); // a Thursday
    expect(new Date(windowStart(t, 'day')).toISOString()).toBe('2024-03-07T00:00:00.000Z');
    expect(new Date(windowStart(t, 'week')).toISOString()).toBe('2024-03-04T00:00:00.000Z');
    expect(new Date(windowStart(Date.parse('2024-03-10T23:00:00Z'), 'week')).toISOString()).toBe('2024-03-04T00:00:00.000Z');
  });
  it('slices rows by window in time order, skipping rows without a time', () => {
    const w = sliceByPeriod([day('2024-01-02'), Number.NaN, day('2024-01-01'), day('2024-01-02') + 5], 'day');
    expect(w.map((x) => x.rows)).toEqual([[2], [0, 3]]);
  });
  it('bands are mean +- 3 std of the reference chunks', () => {
    expect(bandFromValues([1, 2, 3])).toMatchObject({ mean: 2, lower: 2 - 3 * Math.sqrt(2 / 3), upper: 2 + 3 * Math.sqrt(2 / 3), chunks: 3 });
    expect(bandFromValues([5])).toBeNull();
    expect(chunkRows(10, 4)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    expect(chunkRows(9, 4).length).toBe(2);
  });
  it('flags windows outside the band', () => {
    const s = seriesOverWindows([{ start: day('2024-01-01'), rows: [0] }, { start: day('2024-01-02'), rows: [1] }], [[0], [1], [2], [3]], (rows, isRef) =>
      isRef ? [1, 1.1, 0.9, 1][rows[0]!]! : [1, 5][rows[0]!]!,
    );
    expect(s.points.map((p) => [p.start, p.alert])).toEqual([['2024-01-01', false], ['2024-01-02', true]]);
  });
});

describe('columnDriftOverTime', () => {
  it('a shift appearing on day 3 is the only alert; reference chunked by window size', () => {
    const ref = column('x', spread(600));
    const values = [...spread(100), ...spread(100, 0.01), ...spread(100, 0.8)];
    const times = values.map((_, i) => day('2024-05-01') + Math.floor(i / 100) * 86_400_000 + 1000);
    const r = columnDriftOverTime(ref, column('x', values), times, { period: 'day' });
    expect(r.statistic).toBe('wasserstein');
    expect(r.band!.chunks).toBe(6);
    expect(r.points.map((p) => p.alert)).toEqual([false, false, true]);
  });
  it('categorical columns use Jensen-Shannon against the reference mix', () => {
    const ref = column('c', Array.from({ length: 400 }, (_, i) => (i % 2 ? 'a' : 'b')));
    const cur = column('c', [...Array.from({ length: 100 }, (_, i) => (i % 2 ? 'a' : 'b')), ...Array(100).fill('a')]);
    const times = Array.from({ length: 200 }, (_, i) => day('2024-05-01') + (i < 100 ? 0 : 7 * 86_400_000));
    const r = columnDriftOverTime(ref, cur, times, { period: 'week' });
    expect(r.statistic).toBe('jensenshannon');
    expect(r.points[0]!.value).toBeCloseTo(0, 12);
    expect(r.points[1]!.value).toBeGreaterThan(0.3);
    expect(r.points[1]!.alert).toBe(true);
  });
});
