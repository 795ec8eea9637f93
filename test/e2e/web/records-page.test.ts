import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, chromiumPath } from '../pages/demo-session';
import { RecordsPage } from '../pages/records-page';
import { ensureRendererBuilt, serve, type ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: records page e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

const FILLER = 'Thanks for waiting while I checked the order history and the notes our team keeps on every ticket.';
/** 40 support chats: every 4th about refunds, every 8th with a customer's e-mail address in the answer. */
const support = Array.from({ length: 40 }, (_, i) => ({
  id: `s-${i}`, model: i % 2 ? 'gpt-a' : 'gpt-b', tokens_in: 100 + i, tokens_out: 10, latency_ms: 200 + 10 * i, cost: 0.01,
  input: i % 4 === 0 ? `Can I still get a refund for order ${i}? ${FILLER}` : `Where is parcel ${i}?`,
  output: i % 4 === 0
    ? `${FILLER} ${FILLER} Yes: the return window is 30 days, so order ${i} qualifies for a refund.${i % 8 === 0 ? ` We wrote to maria.garcia${i}@example.com.` : ''}`
    : `Parcel ${i} is with the carrier.`,
  contexts: ['Money is paid back within 14 days of receiving the return.'],
  prompt_id: 'support-answer', prompt_version: i % 2 ? 'v1.3' : 'v1.4', prompt_template: `Answer the customer (${i % 2 ? 'v1.3' : 'v1.4'}): {{input}}`,
}));

const XSS = [
  '<script>alert("xss-script")</script>',
  '<img src=x onerror=alert("xss-img")>',
  '<a href="javascript:alert(\'xss-link\')">click</a>',
  '<svg onload=alert("xss-svg")></svg>',
  '<iframe srcdoc="<script>alert(\'xss-iframe\')</script>"></iframe>',
  '<style>body{display:none}</style>',
  'invoice\u202Egnp.exe',
  `x${'A'.repeat(100_000)}`,
];
const hostile = XSS.map((payload, i) => ({
  id: `x-${i}`, model: payload.slice(0, 60), prompt_version: payload.slice(0, 30), input: `${payload} probe`, output: `${payload} probe`,
  contexts: [`${payload} probe`], metadata: { note: payload, nested: { html: payload } }, tokens_in: 1, latency_ms: 1,
}));

describe.skipIf(missing !== undefined)(`Records page in browser mode${skipNote}`, () => {
  let dir: string;
  let served: ServedWorkspace;
  let browser: Browser;
  let app: AppPage;
  let records: RecordsPage;
  const dialogs: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-records-'));
    const ws = path.join(dir, 'ws');
    writeFileSync(path.join(dir, 'support.jsonl'), support.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(path.join(dir, 'hostile.jsonl'), hostile.map((r) => JSON.stringify(r)).join('\n'));
    expect(runCli(['init', ws]).code).toBe(0);
    expect(runCli(['import', ws, path.join(dir, 'support.jsonl'), '--as', 'logs', '--name', 'support']).code).toBe(0);
    expect(runCli(['import', ws, path.join(dir, 'hostile.jsonl'), '--as', 'logs', '--name', 'hostile']).code).toBe(0);
    served = await serve(ws);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    app = new AppPage(page);
    await app.open(served.url);
    await app.go('records');
    records = new RecordsPage(page);
    await records.waitForRows();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows readable snippets with the search terms marked, and quoted phrases match exactly', async () => {
    await records.searchFor('refund');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(10);
    await expect.poll(async () => (await records.snippets()).length).toBe(10);
    for (const row of await records.snippets()) {
      // Long answers are cut around the match, so the match is on screen, not 15 characters of preamble.
      expect(row.output).toMatch(/refund/i);
      expect(row.output.length).toBeGreaterThan(60);
      expect(row.marked.length).toBeGreaterThan(0);
      expect(row.marked.every((m) => /^refunds?$/i.test(m))).toBe(true);
    }
    await records.searchFor('"return window is 30"');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(10);
    await expect.poll(async () => (await records.snippets())[0]?.marked).toEqual(['return window is 30']);
    await records.searchFor('"window return"');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(0);
    // A match in a retrieved context is shown under the output.
    await records.searchFor('"14 days"');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(40);
    await expect.poll(async () => (await records.snippets())[0]?.context ?? '').toContain('Context 1: Money is paid back within 14 days');
    await records.searchFor('');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(48);
  });

  it('names the prompt asset that holds a record\'s prompt version label', async () => {
    await records.openRow(0);
    const facts = await records.detail.getByTestId('record-facts').innerText();
    const label = /support-answer · (v1\.[34])/.exec(facts)?.[1];
    expect(label).toBeDefined();
    await expect.poll(() => records.promptAssetNote(), { timeout: 15_000 })
      .toMatch(new RegExp(`prompt asset #\\d+ \\(support-answer v[12], label ${label!.replace('.', '\\.')}, template stored\\)`));
  });

  it('filters by asset and totals exactly what the filter shows', async () => {
    const options = await records.assetFilter.locator('option').allInnerTexts();
    expect(options[0]).toBe('All log assets');
    expect(options.slice(1).sort()).toEqual(['hostile v1', 'support v1']);
    await records.assetFilter.selectOption({ label: 'support v1' });
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(40);
    const tokensIn = support.reduce((n, r) => n + r.tokens_in, 0);
    const latency = support.reduce((n, r) => n + r.latency_ms, 0) / support.length;
    await expect.poll(() => records.totalsShown(), { timeout: 20_000 }).toEqual({
      records: '40', tokensIn: tokensIn.toLocaleString('en-US'), tokensOut: '400', cost: '$0.4000', latency: `${Math.round(latency)} ms`,
    });
    await records.filterByModel('gpt-a');
    await expect.poll(async () => (await records.totalsShown()).records, { timeout: 20_000 }).toBe('20');
    await records.filterByModel('');
  });

  it('moves the selection with the arrow keys and j/k, keeping the selected row in view below the header', async () => {
    await records.assetFilter.selectOption({ label: 'support v1' });
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(40);
    await records.waitForRows();
    const page = app.page;
    const selected = page.locator('[data-testid="records-row"][aria-selected="true"]');
    const inView = () => selected.evaluate((row) => {
      const scroller = row.closest('[data-testid="records-scroll"]')!.getBoundingClientRect();
      const header = document.querySelector('[data-testid="records-table"] [role="columnheader"]')!.getBoundingClientRect();
      const box = row.getBoundingClientRect();
      return box.top >= header.bottom - 1 && box.bottom <= scroller.bottom + 1;
    });
    await records.scroller.focus();
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowDown');
    await expect.poll(() => selected.getAttribute('data-index'), { timeout: 10_000 }).toBe('29');
    expect(await inView()).toBe(true);
    const id = await selected.getAttribute('data-record-id');
    await expect.poll(() => records.detailTitle(), { timeout: 10_000 }).toBe(`#${id}`);
    for (let i = 0; i < 25; i += 1) await page.keyboard.press('k');
    await expect.poll(() => selected.getAttribute('data-index'), { timeout: 10_000 }).toBe('4');
    expect(await inView()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => selected.count()).toBe(0);
    await records.assetFilter.selectOption({ label: 'All log assets' });
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(48);
  });

  it('masks personal data in the table until the user chooses to show it', async () => {
    await records.searchFor('maria');
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(5);
    await expect.poll(async () => (await records.snippets()).map((r) => r.output).join('\n'), { timeout: 20_000 }).toContain('[EMAIL]');
    expect((await records.snippets()).map((r) => r.output).join('\n')).not.toContain('@example.com');
    await records.revealPii.check();
    await expect.poll(async () => (await records.snippets()).map((r) => r.output).join('\n'), { timeout: 20_000 }).toContain('maria.garcia0@example.com');
    await records.revealPii.uncheck();
    await expect.poll(async () => (await records.snippets()).map((r) => r.output).join('\n'), { timeout: 20_000 }).not.toContain('@example.com');
    await records.searchFor('');
  });

  it('renders hostile inputs, outputs, contexts, model names and metadata as text, fires no dialog and keeps its layout', async () => {
    await records.assetFilter.selectOption({ label: 'hostile v1' });
    await expect.poll(() => records.total(), { timeout: 20_000 }).toBe(XSS.length);
    await expect.poll(async () => (await records.snippets()).length, { timeout: 20_000 }).toBe(XSS.length);
    await records.searchFor('probe');
    await expect.poll(async () => (await records.snippets()).flatMap((r) => r.marked).filter((m) => m === 'probe').length, { timeout: 20_000 }).toBeGreaterThan(XSS.length);
    const page = app.page;
    const text = await records.table.innerText();
    expect(text).toContain('<script>alert("xss-script")</script>');
    expect(text).toContain('<img src=x onerror=alert("xss-img")>');
    const injected = await records.table.evaluate((table) => table.querySelectorAll('script, img, iframe, style, a, [onerror], [onload], [srcdoc]').length);
    expect(injected).toBe(0);
    // The bidi override stays inside its snippet: the next cell's text is not reordered.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.snippet')!).unicodeBidi)).toBe('isolate');
    // 100 KB without a space neither widens the table nor grows a row.
    const box = await records.scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    const heights = await records.rows.evaluateAll((rows) => rows.map((row) => (row as HTMLElement).offsetHeight));
    expect(Math.max(...heights)).toBeLessThanOrEqual(52);
    await records.openRow(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(app.problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
