import type { Locator, Page } from 'playwright-core';

/** The Review page: reviewer identity, sample form, queue list and the keyboard-driven workbench. */
export class ReviewPageModel {
  readonly workbench: Locator;
  readonly record: Locator;
  readonly stats: Locator;

  constructor(readonly page: Page) {
    this.workbench = page.getByTestId('review-workbench');
    this.record = page.getByTestId('review-record');
    this.stats = page.getByTestId('review-stats');
  }

  async setReviewer(name: string): Promise<void> {
    // The page is a lazily loaded chunk: wait until it shows either the current reviewer or the form.
    const current = this.page.getByTestId('reviewer-current');
    await current.or(this.page.getByTestId('reviewer-name')).first().waitFor();
    if (await current.count()) await this.page.getByTestId('reviewer-change').click();
    await this.page.getByTestId('reviewer-name').fill(name);
    await this.page.getByTestId('reviewer-set').click();
    await this.page.getByTestId('reviewer-current').waitFor();
  }

  async drawQueue(o: { name: string; size: number; seed: number; blind?: boolean; minReviews?: number }): Promise<void> {
    const p = this.page;
    await p.getByTestId('sample-name').fill(o.name);
    await p.getByTestId('sample-sizing').selectOption('fixed');
    await p.getByTestId('sample-size').fill(String(o.size));
    await p.getByTestId('sample-seed').fill(String(o.seed));
    if (o.minReviews) await p.getByTestId('sample-min-reviews').fill(String(o.minReviews));
    if (o.blind) await p.getByTestId('sample-blind').check();
    await p.getByTestId('sample-submit').click();
    await p.locator(`[data-testid="review-workbench"][data-queue="${o.name}"]`).waitFor();
    await this.record.waitFor();
  }

  /** The record on screen; null while the next one loads. */
  async recordId(): Promise<number | null> {
    const id = await this.record.getAttribute('data-record', { timeout: 2000 }).catch(() => null);
    return id === null ? null : Number(id);
  }

  /** How many items this reviewer has judged, as the progress bar says. */
  async myCount(): Promise<number> {
    return Number(await this.page.getByTestId('review-mine-count').getAttribute('data-count'));
  }

  async position(): Promise<number> {
    return Number(await this.page.getByTestId('review-position').getAttribute('data-position'));
  }

  /** Leaves any focused field so the page's keys reach the workbench. */
  async blur(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /** POST /api/METHOD with the session cookie, as the page's own client does; throws the API's error message. */
  async api<T>(method: string, input: unknown): Promise<T> {
    const reply = await this.page.evaluate(async ([m, body]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    }, [method, input] as const);
    if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
    return reply.value as T;
  }
}
