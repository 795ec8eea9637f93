import { describe, expect, it } from 'vitest';
import { BASE_STEP, MAX_CONTENT_PX, rowWindow, scrollTopFor, virtualTopOf } from '../../../../../renderer/pages/records/row-window';

const ROW = 50;
const VIEW = 800;

/** Where row `index` is drawn in the scroll content for a window: the layer's offset plus its place in the layer. */
const drawnAt = (w: ReturnType<typeof rowWindow>, index: number) => w.layerTop + (index - w.base) * ROW;

describe('row window of a fixed-height list', () => {
  it('renders the rows in view plus the overscan, and none for an empty list', () => {
    expect(rowWindow({ scrollTop: 0, viewport: VIEW, total: 0, rowHeight: ROW, overscan: 8 })).toMatchObject({ first: 0, last: -1, contentHeight: 0 });
    const top = rowWindow({ scrollTop: 0, viewport: VIEW, total: 1000, rowHeight: ROW, overscan: 8 });
    expect([top.first, top.last, top.contentHeight]).toEqual([0, 15 + 8, 1000 * ROW]);
    const mid = rowWindow({ scrollTop: 5000 + 25, viewport: VIEW, total: 1000, rowHeight: ROW, overscan: 8 });
    // Rows 100..116 are (partly) on screen: 100 cut at the top, 116 at the bottom.
    expect([mid.first, mid.last]).toEqual([92, 124]);
    const end = rowWindow({ scrollTop: 1000 * ROW - VIEW, viewport: VIEW, total: 1000, rowHeight: ROW, overscan: 8 });
    expect(end.last).toBe(999);
  });

  it('below the cap, places every row at index x height, whatever the scroll position', () => {
    for (const scrollTop of [0, 123_457, 3_000_000, 25_000_000]) {
      const w = rowWindow({ scrollTop, viewport: VIEW, total: 550_000, rowHeight: ROW, overscan: 8 });
      expect(w.contentHeight).toBe(550_000 * ROW);
      expect(drawnAt(w, w.first)).toBe(w.first * ROW);
      expect(w.base % BASE_STEP).toBe(0);
      // Offsets inside the layer stay small, however deep the list.
      expect((w.last - w.base) * ROW).toBeLessThan((BASE_STEP + 64) * ROW);
    }
  });

  it('past the cap, keeps the content within it and still reaches the first and the last of a million rows', () => {
    const total = 1_000_000;
    const content = Math.min(total * ROW, MAX_CONTENT_PX);
    expect(content).toBeLessThan(total * ROW);
    const top = rowWindow({ scrollTop: 0, viewport: VIEW, total, rowHeight: ROW, overscan: 8 });
    expect(top.contentHeight).toBe(content);
    expect([top.first, drawnAt(top, 0)]).toEqual([0, 0]);
    const bottom = rowWindow({ scrollTop: content - VIEW, viewport: VIEW, total, rowHeight: ROW, overscan: 8 });
    expect(bottom.last).toBe(total - 1);
    // The last row ends exactly at the bottom of the viewport.
    expect(drawnAt(bottom, total - 1) + ROW).toBeCloseTo(content, 6);
    // Half-way down the scroll range is half-way down the rows.
    const half = virtualTopOf((content - VIEW) / 2, VIEW, total, ROW);
    expect(half).toBeCloseTo((total * ROW - VIEW) / 2, 3);
  });

  it('past the cap, draws the rows in view inside the viewport, in order and without gaps', () => {
    const total = 1_000_000;
    for (const scrollTop of [1, 777_777, 14_999_999, MAX_CONTENT_PX - VIEW - 3]) {
      const w = rowWindow({ scrollTop, viewport: VIEW, total, rowHeight: ROW, overscan: 0 });
      expect(drawnAt(w, w.first)).toBeLessThanOrEqual(scrollTop);
      expect(drawnAt(w, w.first) + ROW).toBeGreaterThan(scrollTop);
      expect(drawnAt(w, w.last) + ROW).toBeGreaterThanOrEqual(scrollTop + VIEW);
      expect(drawnAt(w, w.last)).toBeLessThan(scrollTop + VIEW);
    }
  });

  it('scrolls a row into view with the least movement, stretched or not', () => {
    for (const total of [10_000, 1_000_000]) {
      const content = Math.min(total * ROW, MAX_CONTENT_PX);
      const scrollTop = Math.floor(content / 3);
      const w = rowWindow({ scrollTop, viewport: VIEW, total, rowHeight: ROW, overscan: 0 });
      const inView = w.first + 3;
      expect(scrollTopFor(inView, scrollTop, VIEW, total, ROW)).toBe(scrollTop);
      for (const index of [w.first - 1, w.last + 1, 0, total - 1, Math.floor(total / 2)]) {
        const next = scrollTopFor(index, scrollTop, VIEW, total, ROW);
        const shown = rowWindow({ scrollTop: next, viewport: VIEW, total, rowHeight: ROW, overscan: 0 });
        expect(drawnAt(shown, index)).toBeGreaterThanOrEqual(next - 1e-6);
        expect(drawnAt(shown, index) + ROW).toBeLessThanOrEqual(next + VIEW + 1e-6);
      }
      const start = scrollTopFor(1234, scrollTop, VIEW, total, ROW, 'start');
      const atStart = rowWindow({ scrollTop: start, viewport: VIEW, total, rowHeight: ROW, overscan: 0 });
      // At the top of the viewport: exactly when unstretched, within a pixel or two of rounding when stretched.
      expect(drawnAt(atStart, 1234) - start).toBeGreaterThanOrEqual(0);
      expect(drawnAt(atStart, 1234) - start).toBeLessThan(total * ROW > MAX_CONTENT_PX ? 3 : 1e-6);
    }
  });
});
