import type { Locator, Page } from 'playwright-core';

export type FlagKpi = 'analyzed' | 'hallucination' | 'toxic' | 'injection' | 'pii';

export interface LastRun {
  status: string;
  scored: string;
  analyzers: string;
  /** The evidence KB as "name vN", or "none". */
  kb: string;
}

export class OverviewPage {
  readonly assetsTable: Locator;
  readonly assetRows: Locator;
  readonly analysisCard: Locator;
  readonly runButton: Locator;
  readonly progress: Locator;
  readonly runRows: Locator;
  /** The evidence-KB picker on the analysis card (shown once the workspace has a KB). */
  readonly kbPicker: Locator;

  constructor(readonly page: Page) {
    this.assetsTable = page.getByTestId('assets-table');
    this.assetRows = page.getByTestId('asset-row');
    this.analysisCard = page.getByTestId('analysis-card');
    this.runButton = page.getByTestId('analysis-run');
    this.progress = page.getByTestId('analysis-progress');
    this.runRows = page.getByTestId('analysis-run-row');
    this.kbPicker = page.getByTestId('analysis-kb');
  }

  /** The KB picker's selected option as shown, e.g. "plugs v1 (previous run)". */
  async kbChoice(): Promise<string> {
    await this.kbPicker.waitFor();
    return this.kbPicker.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  }

  /** Analyzer chips on the analysis card as "id vX", once the list has loaded. */
  async analyzers(): Promise<string[]> {
    await this.page.getByTestId('analyzer-list').locator('li').first().waitFor();
    return this.page.getByTestId('analyzer-list').locator('.analyzer-chip').evaluateAll((chips) =>
      chips.map((chip) => (chip as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  /**
   * Clicks "Run analysis" and waits for the run to finish, sampling the progress bar meanwhile. Returns the
   * largest `done` the bar showed, so a test can tell that progress was reported while the job ran.
   */
  async runAnalysis(timeoutMs = 120_000): Promise<{ maxDone: number; total: number | null }> {
    const runsBefore = await this.runRows.count();
    await this.runButton.click();
    let maxDone = 0;
    let total: number | null = null;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.progress.count() > 0) {
        const done = Number(await this.progress.getAttribute('data-done').catch(() => null) ?? 0);
        const shownTotal = await this.progress.getAttribute('data-total').catch(() => null);
        maxDone = Math.max(maxDone, Number.isFinite(done) ? done : 0);
        if (shownTotal) total = Number(shownTotal);
      } else if (await this.runRows.count() > runsBefore && await this.runButton.isEnabled()) {
        return { maxDone, total };
      }
      if (Date.now() > deadline) throw new Error(`the analysis did not finish within ${timeoutMs} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Starts the analysis and waits until its first batch is committed (the bar shows records done). */
  async startAnalysis(timeoutMs = 60_000): Promise<number> {
    await this.runButton.click();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = Number(await this.progress.getAttribute('data-done', { timeout: 1_000 }).catch(() => '0'));
      if (done > 0) return done;
      if (Date.now() > deadline) throw new Error(`no analysis progress within ${timeoutMs} ms`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Clicks Cancel on the running analysis and waits for the card to report how it ended. */
  async cancelAnalysis(): Promise<string> {
    await this.page.getByTestId('analysis-cancel').click();
    const outcome = this.page.getByTestId('analysis-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    return (await outcome.getAttribute('data-status')) ?? '';
  }

  /** The newest analysis run as the runs table shows it. */
  async lastRun(): Promise<LastRun> {
    const row = this.runRows.first();
    const cells = await row.locator('td').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    return { status: (await row.getAttribute('data-status')) ?? '', scored: cells[3] ?? '', analyzers: cells[4] ?? '', kb: cells[5] ?? '' };
  }

  /** The count on a flag KPI tile (waits for the tiles, which appear once records are analyzed). */
  async kpi(flag: FlagKpi): Promise<number> {
    const tile = this.page.getByTestId(`kpi-${flag}`);
    await tile.waitFor();
    const text = await tile.locator('.kpi-value').innerText();
    return Number(text.replace(/[^0-9]/g, ''));
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
