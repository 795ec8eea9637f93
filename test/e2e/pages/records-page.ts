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
  readonly flagFilter: Locator;
  readonly claims: Locator;
  readonly assetFilter: Locator;
  readonly totals: Locator;
  readonly revealPii: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('records-table');
    this.rows = page.getByTestId('records-row');
    this.scroller = page.getByTestId('records-scroll');
    this.detail = page.getByTestId('record-detail');
    this.modelFilter = page.getByTestId('filter-model');
    this.promptFilter = page.getByTestId('filter-prompt-version');
    this.search = page.getByTestId('records-search');
    this.flagFilter = page.getByTestId('filter-flag');
    this.claims = this.detail.getByTestId('claim');
    this.assetFilter = page.getByTestId('filter-asset');
    this.totals = page.getByTestId('records-totals');
    this.revealPii = page.getByTestId('records-reveal-pii');
  }

  /** Types into the search box; the table follows once typing pauses (poll `total()` for the result). */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** The totals strip once it has loaded: records, tokens, cost and mean latency as shown. */
  async totalsShown(): Promise<{ records: string; tokensIn: string; tokensOut: string; cost: string; latency: string }> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid="records-totals"]')?.getAttribute('aria-busy') === 'false');
    const value = (id: string) => this.page.getByTestId(id).locator('.totals-value').innerText();
    return { records: await value('totals-records'), tokensIn: await value('totals-tokens-in'), tokensOut: await value('totals-tokens-out'), cost: await value('totals-cost'), latency: await value('totals-latency') };
  }

  /** Input and output snippets of the loaded rows, with the text each one marks as a search match. */
  async snippets(): Promise<Array<{ id: number; input: string; output: string; context: string; marked: string[] }>> {
    return this.rows.evaluateAll((rows) => rows.map((row) => ({
      id: Number(row.getAttribute('data-record-id')),
      input: (row.querySelector('[data-testid="snippet-input"]') as HTMLElement | null)?.innerText ?? '',
      output: (row.querySelector('[data-testid="snippet-output"]') as HTMLElement | null)?.innerText ?? '',
      context: (row.querySelector('[data-testid="snippet-context"]') as HTMLElement | null)?.innerText ?? '',
      marked: [...row.querySelectorAll('mark.hl-search')].map((m) => (m as HTMLElement).innerText),
    })));
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

  /** The text of one column (by id: 'model', 'grounding', ...) for every loaded row in the DOM. */
  async columnValues(column: string): Promise<string[]> {
    return this.rows.evaluateAll((rows, id) =>
      rows.map((row) => (row.querySelector(`[role="cell"][data-col="${id}"]`) as HTMLElement | null)?.innerText.trim() ?? ''), column);
  }

  /** The tone of each loaded row's score pill in one score column ('good' | 'warn' | 'bad' | 'none'). */
  async scoreTones(column: 'grounding' | 'toxicity' | 'injection' | 'pii'): Promise<string[]> {
    return this.rows.evaluateAll((rows, id) =>
      rows.map((row) => row.querySelector(`[role="cell"][data-col="${id}"] [data-tone]`)?.getAttribute('data-tone') ?? ''), column);
  }

  /** The flags each loaded row shows as chips, including those folded into a "+N" chip. */
  async rowFlags(): Promise<string[][]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => [
      ...[...row.querySelectorAll('[role="cell"][data-col="flags"] [data-flag]')].map((chip) => chip.getAttribute('data-flag') ?? ''),
      ...[...row.querySelectorAll('[role="cell"][data-col="flags"] [data-flags]')].flatMap((chip) => (chip.getAttribute('data-flags') ?? '').split(' ')),
    ]));
  }

  async filterByFlag(flag: string): Promise<void> {
    await this.flagFilter.selectOption(flag);
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  /** Opens the nth loaded row and waits for its findings to load; returns the record id. */
  async openAnalyzedRow(nth: number): Promise<number> {
    const id = await this.openRow(nth);
    await this.detail.getByTestId('record-findings').waitFor();
    return id;
  }

  /** Claims of the open record as label, text and the evidence quote beside each. */
  async claimList(): Promise<Array<{ label: string; text: string; evidence: string; hasEvidence: boolean; fromContext: boolean }>> {
    return this.claims.evaluateAll((items) => items.map((item) => ({
      label: item.getAttribute('data-label') ?? '',
      text: (item.querySelector('.claim-text') as HTMLElement | null)?.innerText.trim() ?? '',
      evidence: (item.querySelector('.evidence-quote mark') as HTMLElement | null)?.innerText.trim() ?? '',
      hasEvidence: item.querySelector('.evidence-quote') !== null,
      fromContext: ((item.querySelector('.evidence-source') as HTMLElement | null)?.innerText ?? '').startsWith('Context'),
    })));
  }

  async selectClaim(nth: number): Promise<void> {
    await this.claims.nth(nth).getByTestId('claim-select').click();
  }

  /** Text of the highlighted regions in the output, the selected claim, and the evidence highlighted in the contexts. */
  async highlights(): Promise<{ flaggedText: string; selectedClaim: string; contextEvidence: string }> {
    return this.detail.evaluate((panel) => {
      // Overlapping regions split a claim into several marks; joined, they read as the claim again.
      const text = (selector: string) => [...panel.querySelectorAll(selector)].map((el) => (el as HTMLElement).innerText).join('');
      return {
        flaggedText: text('[data-testid="record-output"] mark.hl-unsupported, [data-testid="record-output"] mark.hl-contradicted'),
        selectedClaim: text('[data-testid="record-output"] mark.hl-selected'),
        contextEvidence: text('[data-testid="record-contexts"] mark.hl-evidence-active'),
      };
    });
  }

  /** Each analyzer's stamp line in the open record: "grounding v1.0.0 params 2df28454 run #1". */
  async findingStamps(): Promise<string[]> {
    return this.detail.getByTestId('finding').evaluateAll((cards) =>
      cards.map((card) => (card as HTMLElement).querySelector('header')?.innerText.replace(/\s+/g, ' ').trim() ?? ''));
  }

  /** Clicks the nth loaded row and returns its record id. */
  async openRow(nth: number): Promise<number> {
    const row = this.rows.nth(nth);
    const id = Number(await row.getAttribute('data-record-id'));
    await row.click();
    await this.detail.getByTestId('record-input').waitFor();
    return id;
  }

  /** The record view's note on which prompt asset holds the record's prompt version ('' while it loads). */
  async promptAssetNote(): Promise<string> {
    const note = this.detail.getByTestId('record-prompt-asset');
    return (await note.count()) ? (await note.innerText()).replace(/\s+/g, ' ').trim() : '';
  }

  detailTitle(): Promise<string> {
    return this.detail.locator('.detail-title').innerText();
  }

  detailText(section: 'record-input' | 'record-output' | 'record-contexts' | 'record-metadata' | 'record-scores'): Promise<string> {
    return this.detail.getByTestId(section).innerText();
  }
}
