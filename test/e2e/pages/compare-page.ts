import type { Locator, Page } from 'playwright-core';

/** The Compare page: axis and version pickers, the metric table, charts, buckets and the side-by-side view. */
export class ComparePageModel {
  readonly metrics: Locator;
  readonly mode: Locator;

  constructor(readonly page: Page) {
    this.metrics = page.getByTestId('compare-metrics');
    this.mode = page.getByTestId('compare-mode');
  }

  row(metric: string): Locator {
    return this.page.getByTestId(`compare-row-${metric}`);
  }

  async cells(metric: string): Promise<string[]> {
    return this.row(metric).locator('td').allInnerTexts();
  }

  async by(axis: string): Promise<void> {
    await this.page.getByTestId(`compare-by-${axis}`).click();
  }

  async pick(side: 'a' | 'b', value: string): Promise<void> {
    await this.page.getByTestId(`compare-${side}`).selectOption(value);
  }

  /** Waits until the metric table shows a result for A = a and B = b. */
  async waitFor(a: string, b: string): Promise<void> {
    await this.page.waitForFunction(([x, y]) => {
      const sa = document.querySelector<HTMLSelectElement>('[data-testid="compare-a"]');
      const sb = document.querySelector<HTMLSelectElement>('[data-testid="compare-b"]');
      return sa?.value === x && sb?.value === y && document.querySelector('[data-testid="compare-metrics"]') !== null;
    }, [a, b], { timeout: 60_000 });
  }

  async bucket(name: string): Promise<void> {
    await this.page.getByTestId(`compare-bucket-${name}`).click();
  }
}
