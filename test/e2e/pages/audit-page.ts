import type { Locator, Page } from 'playwright-core';

export class AuditPage {
  readonly chainStatus: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.chainStatus = page.getByTestId('chain-status');
    this.rows = page.getByTestId('audit-row');
  }

  async waitForChain(): Promise<void> {
    await this.chainStatus.waitFor();
    await this.rows.first().waitFor();
  }

  async chainIntact(): Promise<boolean> {
    return (await this.chainStatus.getAttribute('data-chain-ok')) === 'true';
  }

  /** Each entry as [seq, at, actor, action, payload summary, short hash]. */
  async entries(): Promise<string[][]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell as HTMLElement).innerText.trim())));
  }
}
