import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollTopFor, type RowWindow } from './row-window';

interface Options {
  total: number;
  rowHeight: number;
  overscan: number;
  /** The sticky header's height: rows show in the viewport below it. */
  headerHeight: number;
}

export interface RowWindowState {
  /** Inclusive index range to render. */
  first: number;
  last: number;
  /** Rows are placed at (index - base) * rowHeight inside the layer. */
  base: number;
  contentHeight: number;
  /** Attach to the element that holds the rows: its offset is kept in step with the scroll position here. */
  layerRef: (element: HTMLDivElement | null) => void;
  /** Scrolls so that row `index` is in view. */
  scrollToIndex(index: number, align?: 'auto' | 'start'): void;
}

type Range = Pick<RowWindow, 'first' | 'last' | 'base' | 'contentHeight'>;

const sameRange = (a: Range, b: Range) => a.first === b.first && a.last === b.last && a.base === b.base && a.contentHeight === b.contentHeight;

/**
 * The rows to render for a scroller of fixed-height rows. React renders only when the range changes, not on every
 * scroll event; the layer's offset, which moves on every event once the list is stretched (row-window.ts), is set
 * on the element directly. The viewport height comes from a ResizeObserver and the offset from the scroll event,
 * so nothing here forces a layout after React has changed the rows.
 */
export function useRowWindow(scrollRef: RefObject<HTMLDivElement | null>, { total, rowHeight, overscan, headerHeight }: Options): RowWindowState {
  const viewport = useRef(0);
  // Read in the scroll event and kept: reading scrollTop after React changed the rows would force a layout.
  const scrollTop = useRef(0);
  const layer = useRef<HTMLDivElement | null>(null);
  const layerTop = useRef<number | null>(null);
  // The base the rows in the DOM were placed for: the layer's offset must match it until React places them anew.
  const renderedBase = useRef(0);

  const compute = useCallback((): RowWindow => rowWindow({
    scrollTop: scrollTop.current, viewport: Math.max(0, viewport.current - headerHeight), total, rowHeight, overscan,
  }), [total, rowHeight, overscan, headerHeight]);
  const [range, setRange] = useState<Range>(() => compute());

  const placeLayer = useCallback((w: RowWindow) => {
    const top = w.layerTop + (renderedBase.current - w.base) * rowHeight;
    if (layer.current && layerTop.current !== top) {
      layer.current.style.transform = `translateY(${top}px)`;
      layerTop.current = top;
    }
  }, [rowHeight]);

  // The latest compute for the listeners, which are attached once per element.
  const latest = useRef({ compute, placeLayer });
  latest.current = { compute, placeLayer };
  const update = useCallback(() => {
    const next = latest.current.compute();
    latest.current.placeLayer(next);
    setRange((current) => (sameRange(current, next) ? current : next));
  }, []);

  useLayoutEffect(() => {
    renderedBase.current = range.base;
    update();
  }, [range, compute, update]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    viewport.current = el.clientHeight;
    scrollTop.current = el.scrollTop;
    update();
    const onScroll = () => {
      scrollTop.current = el.scrollTop;
      update();
    };
    const resize = new ResizeObserver((entries) => {
      viewport.current = entries[0]?.contentRect.height ?? el.clientHeight;
      update();
    });
    resize.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, update]);

  const layerRef = useCallback((element: HTMLDivElement | null) => {
    layer.current = element;
    layerTop.current = null;
    if (element) latest.current.placeLayer(latest.current.compute());
  }, []);

  const scrollToIndex = useCallback((index: number, align: 'auto' | 'start' = 'auto') => {
    const el = scrollRef.current;
    if (!el) return;
    const top = scrollTopFor(index, scrollTop.current, Math.max(0, viewport.current - headerHeight), total, rowHeight, align);
    if (top !== scrollTop.current) el.scrollTop = top;
  }, [scrollRef, total, rowHeight, headerHeight]);

  return { ...range, layerRef, scrollToIndex };
}
