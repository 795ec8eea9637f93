/**
 * Which rows of a fixed-row-height list are on screen, and where they go, for any scroll position. Pure arithmetic,
 * so the table's scroll handler does no DOM work beyond reading the scroll offset.
 *
 * Chromium cannot lay out a box taller than about 33.5 million pixels, and a million 50 px rows need 50 million:
 * past MAX_CONTENT_PX the scrollable height is capped and the scroll range is mapped proportionally onto the
 * rows ("stretched"), so the last row stays reachable. Rows are placed in a layer whose offset moves with that
 * mapping; below the cap the offset is constant between bases and the browser scrolls the rows on its own.
 */

/** Under Chromium's layout limit (2^25 px, about 33.5 million), with room for the header: 600,000 rows of 50 px. */
export const MAX_CONTENT_PX = 30_000_000;

/** Rows are placed relative to a base row that moves in steps of this many rows, so their offsets stay small. */
export const BASE_STEP = 1024;

export interface WindowInput {
  scrollTop: number;
  /** Height of the area rows show in (the viewport minus the sticky header). */
  viewport: number;
  total: number;
  rowHeight: number;
  overscan: number;
  maxContent?: number;
}

export interface RowWindow {
  /** Inclusive index range to render (overscan included); empty when first > last. */
  first: number;
  last: number;
  /** Height of the scrollable content. */
  contentHeight: number;
  /** The row that row offsets inside the layer count from. */
  base: number;
  /** Where the layer goes in the content: row `base` is drawn at this offset. */
  layerTop: number;
}

export function contentHeightOf(total: number, rowHeight: number, maxContent = MAX_CONTENT_PX): number {
  return Math.min(total * rowHeight, maxContent);
}

/** The virtual offset (as if every row were laid out) at the top of the viewport for a scroll position. */
export function virtualTopOf(scrollTop: number, viewport: number, total: number, rowHeight: number, maxContent = MAX_CONTENT_PX): number {
  const full = total * rowHeight;
  const content = contentHeightOf(total, rowHeight, maxContent);
  const top = Math.max(0, scrollTop);
  if (full <= content) return top;
  const range = Math.max(1, content - viewport);
  return Math.min(top, range) * (full - viewport) / range;
}

export function rowWindow(input: WindowInput): RowWindow {
  const { scrollTop, viewport, total, rowHeight, overscan } = input;
  const maxContent = input.maxContent ?? MAX_CONTENT_PX;
  const contentHeight = contentHeightOf(total, rowHeight, maxContent);
  if (total <= 0) return { first: 0, last: -1, contentHeight: 0, base: 0, layerTop: 0 };
  const virtualTop = virtualTopOf(scrollTop, viewport, total, rowHeight, maxContent);
  const firstShown = Math.min(total - 1, Math.floor(virtualTop / rowHeight));
  const lastShown = Math.min(total - 1, Math.floor((virtualTop + Math.max(viewport, 1) - 1) / rowHeight));
  const first = Math.max(0, firstShown - overscan);
  const last = Math.min(total - 1, lastShown + overscan);
  const base = Math.floor(first / BASE_STEP) * BASE_STEP;
  // Row i is drawn at scrollTop + (i * rowHeight - virtualTop): unstretched that is i * rowHeight, a fixed place.
  const layerTop = Math.max(0, scrollTop) + base * rowHeight - virtualTop;
  return { first, last, contentHeight, base, layerTop };
}

/** The scroll position that brings row `index` fully into view with the least movement ('auto'), or to the top. */
export function scrollTopFor(index: number, current: number, viewport: number, total: number, rowHeight: number,
  align: 'auto' | 'start' = 'auto', maxContent = MAX_CONTENT_PX): number {
  const full = total * rowHeight;
  const content = contentHeightOf(total, rowHeight, maxContent);
  const virtualNow = virtualTopOf(current, viewport, total, rowHeight, maxContent);
  const rowTop = index * rowHeight;
  const up = align === 'start' || rowTop < virtualNow;
  let virtual = virtualNow;
  if (up) virtual = rowTop;
  else if (rowTop + rowHeight > virtualNow + viewport) virtual = rowTop + rowHeight - viewport;
  if (virtual === virtualNow) return current;
  if (full <= content) return virtual;
  const range = Math.max(1, content - viewport);
  // Whole pixels, rounded towards the row, so that a stretched position shows all of it rather than a sliver less.
  const mapped = virtual * range / (full - viewport);
  return Math.min(range, up ? Math.floor(mapped) : Math.ceil(mapped));
}
