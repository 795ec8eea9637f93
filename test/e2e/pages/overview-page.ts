import type { Locator, Page } from 'playwright-core';

export class OverviewPage {
  readonly assetsTable: Locator;
  readonly assetRows: Locator;

  constructor(readonly page: Page) {
    this.assetsTable = page.getByTestId('assets-table');
    this.assetRows = page.getByTestId('asset-row');
  }

  async waitForAssets(): Promise<void> {
    await this.assetRows.first().waitFor();
  }

  /** The number shown on a stat card, e.g. 'stat-records' -> 2000. */
  async stat(testId: 'stat-records' | 'stat-assets' | 'stat-chain'): Promise<number> {
    const text = await this.page.getByTestId(testId).locator('.stat-value').innerText();
    return Number(text.replace(/[^0-9]/g, ''));
  }

  /** Each asset as its cells' text: kind, name (with source path), version, rows, hash, created. */
  async assets(): Promise<string[][]> {
    return this.assetRows.evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText.trim())));
  }
}
