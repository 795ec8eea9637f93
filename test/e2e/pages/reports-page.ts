import type { Locator, Page } from 'playwright-core';

/** The Reports page: scope and preview, keys, generate and sign, past reports, and the Verify screen. */
export class ReportsPageModel {
  readonly preview: Locator;
  readonly keyStatus: Locator;
  readonly done: Locator;
  readonly rows: Locator;
  readonly verifyResult: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId('report-preview');
    this.keyStatus = page.getByTestId('report-key-status');
    this.done = page.getByTestId('report-done');
    this.rows = page.getByTestId('report-row');
    this.verifyResult = page.getByTestId('verify-result');
  }

  async showPreview(): Promise<void> {
    await this.page.getByTestId('report-preview-button').click();
    await this.preview.waitFor();
  }

  async sectionStates(): Promise<string[]> {
    return this.page.getByTestId('preview-sections').locator('li').allInnerTexts();
  }

  async createKeys(passphrase: string): Promise<void> {
    await this.page.getByTestId('report-passphrase').fill(passphrase);
    await this.page.getByTestId('report-keygen').click();
    await this.page.getByTestId('report-keygen').waitFor({ state: 'detached' });
  }

  async generate(passphrase: string): Promise<void> {
    await this.page.getByTestId('report-passphrase').fill(passphrase);
    await this.page.getByTestId('report-generate').click();
  }

  async verifyFiles(files: string[], options: { against?: boolean } = {}): Promise<{ ok: string | null; checks: string[] }> {
    await this.page.getByTestId('reports-mode-verify').click();
    if (options.against) await this.page.getByTestId('verify-against').check();
    await this.page.getByTestId('verify-input').setInputFiles(files);
    // The result names the files it checked, so an earlier result on screen is not mistaken for this one.
    await this.verifyResult.filter({ hasText: files.map((f) => f.split('/').pop()!).join(', ') }).waitFor({ timeout: 60_000 });
    return { ok: await this.verifyResult.getAttribute('data-ok'), checks: await this.page.getByTestId('verify-check').allInnerTexts() };
  }
}
