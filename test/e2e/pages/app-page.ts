import type { ConsoleMessage, Page } from 'playwright-core';

export type NavTarget = 'overview' | 'records' | 'drift' | 'compare' | 'review' | 'reports' | 'audit';

/** The app shell: navigation, the top bar, and everything the browser complained about while the test ran. */
export class AppPage {
  /** Console errors (CSP violations among them) and uncaught exceptions, in order. */
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('sidebar').waitFor();
  }

  async go(target: NavTarget): Promise<void> {
    await this.page.getByTestId(`nav-${target}`).click();
    await this.page.getByTestId(`page-${target}`).waitFor();
  }

  workspaceName(): Promise<string> {
    return this.page.getByTestId('workspace-name').innerText();
  }

  /** The address bar's query string, to check that the session token does not linger there. */
  search(): Promise<string> {
    return this.page.evaluate(() => window.location.search);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
