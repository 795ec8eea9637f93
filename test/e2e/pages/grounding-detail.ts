import type { Locator, Page } from 'playwright-core';

/** The grounding parts of the open record on the Records page: its evidence KB, why it does not apply, conflicts. */
export class GroundingDetail {
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.detail = page.getByTestId('record-detail');
  }

  /** The grounding finding's KB line: "Evidence KB plugs v1 (asset 2)" or "No knowledge base: ...". */
  kb(): Promise<string> {
    return this.detail.locator('[data-analyzer="grounding"] [data-testid="finding-kb"]').innerText();
  }

  /** The reason grounding does not apply, or '' when it does. */
  async notApplicable(): Promise<string> {
    const note = this.detail.getByTestId('grounding-not-applicable');
    return (await note.count()) > 0 ? note.innerText() : '';
  }

  /** Evidence quotes marked as contradicting their claim. */
  contradictions(): Promise<number> {
    return this.detail.getByTestId('evidence-contradicts').count();
  }

  /** The claims header: "1 of 1 checked claim not supported · ...". */
  claimCounts(): Promise<string> {
    return this.detail.getByTestId('claim-counts').innerText();
  }
}
