import type { Locator, Page } from 'playwright-core';

/** The population-profile card on the Overview and its two-group comparison on the Compare page. */
export class PopulationProfileModel {
  readonly card: Locator;
  readonly marker: Locator;
  readonly slices: Locator;
  readonly compare: Locator;
  readonly compareMarker: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('population-card');
    this.marker = page.getByTestId('population-marker');
    this.slices = page.getByTestId('population-slice');
    this.compare = page.getByTestId('profile-compare');
    this.compareMarker = page.getByTestId('profile-compare-marker');
  }

  /** The overall rate tile of a flag as shown, e.g. "12.50%". */
  async rate(flag: string): Promise<string> {
    return this.page.getByTestId(`population-rate-${flag}`).locator('.kpi-value').innerText();
  }

  async records(): Promise<number> {
    const text = await this.page.getByTestId('population-records').locator('.kpi-value').innerText();
    return Number(text.replace(/[^0-9]/g, ''));
  }

  /** Each slice row's cells: value, records, four flag rates, tokens in/out, cost. */
  async sliceRows(): Promise<string[][]> {
    await this.slices.first().waitFor();
    return this.slices.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
  }

  async histogramCount(score: string): Promise<number> {
    return Number(await this.page.getByTestId(`population-hist-${score}`).getAttribute('data-count'));
  }

  async pick(side: 'a' | 'b', value: string): Promise<void> {
    await this.page.getByTestId(`profile-compare-${side}`).selectOption(value);
  }

  /** The comparison row of a flag, once it shows A = a and B = b. */
  async compareRow(flag: string, a: string, b: string): Promise<{ cells: string[]; significant: boolean }> {
    await this.page.waitForFunction(([x, y]) => {
      const head = document.querySelector('[data-testid="profile-compare-rates"] thead')?.textContent ?? '';
      return head.includes(`A: ${x}`) && head.includes(`B: ${y}`);
    }, [a, b], { timeout: 30_000 });
    const row = this.page.getByTestId(`profile-compare-row-${flag}`);
    return { cells: await row.locator('td').allInnerTexts(), significant: (await row.getAttribute('data-significant')) === 'yes' };
  }
}
