import type { Locator, Page } from 'playwright-core';

/** The records table: virtualized, so only rows near the viewport exist in the DOM. */
export class RecordsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly scroller: Locator;
  readonly detail: Locator;
  readonly modelFilter: Locator;
  readonly promptFilter: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('records-table');
    this.rows = page.getByTestId('records-row');
    this.scroller = page.getByTestId('records-scroll');
    this.detail = page.getByTestId('record-detail');
    this.modelFilter = page.getByTestId('filter-model');
    this.promptFilter = page.getByTestId('filter-prompt-version');
    this.search = page.getByTestId('records-search');
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor();
  }

  /** The total the page shows for the current filters (null while it is still counting). */
  async total(): Promise<number | null> {
    const value = await this.page.getByTestId('records-total').getAttribute('data-total');
    return value ? Number(value) : null;
  }

  /** Row positions (0-based, in the whole result) of the loaded rows now in the DOM. */
  async renderedIndexes(): Promise<number[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-index'))));
  }

  async scrollToBottom(): Promise<void> {
    await this.scroller.evaluate((element) => { element.scrollTop = element.scrollHeight; });
  }

  async modelOptions(): Promise<string[]> {
    return this.modelFilter.locator('option').evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ''));
  }

  async filterByModel(model: string): Promise<void> {
    await this.modelFilter.selectOption(model);
  }

  /** The text of one column for every loaded row in the DOM, by header position (0-based). */
  async columnValues(column: number): Promise<string[]> {
    return this.rows.evaluateAll((rows, index) =>
      rows.map((row) => (row.querySelectorAll('td')[index] as HTMLElement | undefined)?.innerText.trim() ?? ''), column);
  }

  /** Clicks the nth loaded row and returns its record id. */
  async openRow(nth: number): Promise<number> {
    const row = this.rows.nth(nth);
    const id = Number(await row.getAttribute('data-record-id'));
    await row.click();
    await this.detail.getByTestId('record-input').waitFor();
    return id;
  }

  detailTitle(): Promise<string> {
    return this.detail.locator('.detail-title').innerText();
  }

  detailText(section: 'record-input' | 'record-output' | 'record-contexts' | 'record-metadata'): Promise<string> {
    return this.detail.getByTestId(section).innerText();
  }
}
