/** What one page request returns; `total` is the size of the whole filtered result. */
export interface PageResult<T, C = unknown> {
  total: number;
  rows: T[];
  /** Where the next page starts (a keyset cursor), when the server gives one. */
  next?: C | null;
}

/** `after` is the cursor the previous page ended with, when that page is loaded; the server seeks `offset` otherwise. */
export type PageFetcher<T, C = unknown> = (offset: number, limit: number, after: C | undefined) => Promise<PageResult<T, C>>;

export interface PagedRowsOptions {
  pageSize: number;
  /** Requests in flight at once; a fast scroll asks only for what is on screen when a slot frees. */
  maxInFlight?: number;
  /** Pages kept in memory; those farthest from the visible range are dropped first. */
  maxCachedPages?: number;
  /**
   * Rows of the first page to ask for on their own before the rest of it: a screenful, so the first rows are not
   * held up by the server building a whole page (the rest continues from their cursor).
   */
  firstRows?: number;
}

/**
 * A sparse, page-wise cache over one server-side query (one sort and filter). The table asks for the rows it
 * shows; pages load on demand, so a 300k-record workspace costs only what the user scrolls past.
 * Make a new instance when the query changes; a disposed instance ignores replies that arrive late.
 */
export class PagedRows<T, C = unknown> {
  total: number | null = null;
  error: Error | null = null;
  /** Moves on every change, so a view can tell that rows arrived. */
  version = 0;
  private readonly pages = new Map<number, T[]>();
  /** The cursor each loaded page ended with, kept after the page itself is evicted (it is small). */
  private readonly cursors = new Map<number, C>();
  private readonly inFlight = new Set<number>();
  /**
   * Set once a reply carries a cursor (`next`): from then on a page whose predecessor is in flight waits for that
   * cursor rather than having the server seek its offset (at a million records the first seek walks every key).
   */
  private keyset = false;
  private wantFirst = 0;
  private wantLast = 0;
  private disposed = false;
  private readonly pageSize: number;
  private readonly maxInFlight: number;
  private readonly maxCachedPages: number;
  private readonly firstRows: number;

  constructor(
    private readonly fetchPage: PageFetcher<T, C>,
    private readonly onChange: () => void,
    options: PagedRowsOptions,
  ) {
    this.pageSize = options.pageSize;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.maxCachedPages = options.maxCachedPages ?? 60;
    this.firstRows = Math.min(options.firstRows ?? this.pageSize, this.pageSize);
    this.want(0, 0);
  }

  get(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  get loading(): boolean {
    return this.inFlight.size > 0;
  }

  /** Declares the row range on screen (inclusive) and starts loading the pages it needs. */
  want(firstIndex: number, lastIndex: number): void {
    this.wantFirst = Math.max(0, Math.floor(firstIndex / this.pageSize));
    this.wantLast = Math.max(this.wantFirst, Math.floor(Math.max(firstIndex, lastIndex) / this.pageSize));
    this.pump();
  }

  /** After an error, try the visible pages again. */
  retry(): void {
    this.error = null;
    this.pump();
    this.changed();
  }

  dispose(): void {
    this.disposed = true;
  }

  private lastPage(): number {
    return this.total === null ? this.wantLast : Math.max(0, Math.ceil(this.total / this.pageSize) - 1);
  }

  private pump(): void {
    if (this.disposed || this.error !== null) return;
    const last = Math.min(this.wantLast, this.lastPage());
    for (let page = this.wantFirst; page <= last && this.inFlight.size < this.maxInFlight; page += 1) {
      if (this.pages.has(page) || this.inFlight.has(page)) continue;
      if (this.awaitsCursor(page)) continue;
      this.load(page);
    }
  }

  /** The page before this one is loading, or will load first in this range: its cursor is coming. */
  private awaitsCursor(page: number): boolean {
    if (!this.keyset || page === 0 || this.cursors.has(page - 1)) return false;
    return this.inFlight.has(page - 1) || (page - 1 >= this.wantFirst && !this.pages.has(page - 1));
  }

  private load(page: number): void {
    this.inFlight.add(page);
    const done = (result: PageResult<T, C>): void => {
      if (this.disposed) return;
      this.inFlight.delete(page);
      this.total = result.total;
      this.pages.set(page, result.rows);
      if (result.next !== undefined) this.keyset = true;
      if (result.next) this.cursors.set(page, result.next);
      this.evict();
      this.pump();
      this.changed();
    };
    const failed = (error: unknown): void => {
      if (this.disposed) return;
      this.inFlight.delete(page);
      this.error = error instanceof Error ? error : new Error(String(error));
      this.changed();
    };
    if (page > 0 || this.firstRows === this.pageSize) {
      // Scrolling on from a loaded page continues its keyset walk; a jump lets the server seek the offset.
      this.fetchPage(page * this.pageSize, this.pageSize, page > 0 ? this.cursors.get(page - 1) : undefined).then(done, failed);
      return;
    }
    this.fetchPage(0, this.firstRows, undefined).then((head) => {
      if (this.disposed) return;
      if (head.rows.length < this.firstRows) return done(head);
      // Shown at once; the page stays in flight until the rest of it, after the first rows' cursor, arrives.
      if (head.next !== undefined) this.keyset = true;
      this.total = head.total;
      this.pages.set(0, head.rows);
      this.changed();
      this.fetchPage(this.firstRows, this.pageSize - this.firstRows, head.next ?? undefined).then(
        (rest) => done({ ...rest, rows: [...head.rows, ...rest.rows] }),
        // A partial page would never be asked for again: drop it, so a retry loads the whole page.
        (error: unknown) => { this.pages.delete(0); failed(error); },
      );
    }, failed);
  }

  private changed(): void {
    this.version += 1;
    this.onChange();
  }

  private evict(): void {
    if (this.pages.size <= this.maxCachedPages) return;
    const centre = (this.wantFirst + this.wantLast) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, this.pages.size - this.maxCachedPages)) this.pages.delete(page);
  }
}
