// The Compare page in browser mode on the demo workspace (2 models x 3 prompt versions, analyzed), plus two
// prompt versions that answered the same 24 questions: metric rows with intervals and tests, charts, the paired
// design with buckets and both answers side by side, hostile log content rendered as text, and the answer time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assayBin, repoRoot } from '../../helpers/cli';
import { AppPage } from '../pages/app-page';
import { ComparePageModel } from '../pages/compare-page';
import { chromiumMissing as missing, chromiumPath } from '../pages/demo-session';
import { ensureRendererBuilt, serve, type ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: compare page e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function pairedLogs(file: string): void {
  const lines: string[] = [];
  for (let i = 0; i < 24; i++) {
    const q = `Paired question ${i}: what is the return window for order ${7000 + i}?`;
    const ctx = [`Orders like ${7000 + i} can be returned within 30 days of delivery.`];
    for (const v of ['pair-v1', 'pair-v2']) {
      // v2 leaks an email on a third of the items that v1 answered cleanly: regressions in the PII flag.
      const leak = v === 'pair-v2' && i % 3 === 0;
      const out = `Orders like ${7000 + i} can be returned within 30 days of delivery.${leak ? ' Write to lena.berg@example.com.' : ''}${i === 1 ? ` ${HOSTILE}` : ''}`;
      lines.push(JSON.stringify({ id: `${v}-${i}`, timestamp: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, model: 'gpt-4o-mini',
        prompt_id: 'support-answer', prompt_version: v, input: q, output: out, contexts: ctx }));
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe.skipIf(missing !== undefined)(`compare page on the demo workspace${skipNote}`, () => {
  let dir: string;
  let served: ServedWorkspace;
  let browser: Browser;
  let app: AppPage;
  let compare: ComparePageModel;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-compare-'));
    const ws = path.join(dir, 'demo');
    pairedLogs(path.join(dir, 'paired.jsonl'));
    // Asynchronously, so the test worker keeps answering the runner while the demo is built and analyzed.
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [assayBin, ...args], { cwd: repoRoot, timeout: 240_000 });
    await run('demo', '--out', ws);
    await run('import', ws, path.join(dir, 'paired.jsonl'), '--as', 'logs');
    await run('analyze', ws);
    served = await serve(ws);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    app = new AppPage(await browser.newPage({ viewport: { width: 1440, height: 1600 } }));
    compare = new ComparePageModel(app.page);
    await app.open(served.url);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compares two demo prompt versions: every metric with value, difference, interval, test and p-values', async () => {
    await app.go('compare');
    await compare.pick('a', 'v1.3');
    await compare.pick('b', 'v1.4');
    await compare.waitFor('v1.3', 'v1.4');
    expect(await compare.metrics.locator('tbody tr').count()).toBe(12);
    const hall = await compare.cells('hallucination_rate');
    expect(hall[1]).toMatch(/%$/);
    expect(hall[4]).toContain('…');
    expect(hall[5]).toBe('Fisher exact');
    expect(hall[6]).toMatch(/^\d|e/);
    expect(await compare.mode.innerText()).toContain('Unpaired');
    expect(Number(await app.page.getByTestId('compare-chart-points').getAttribute('data-bars'))).toBeGreaterThanOrEqual(4);
    expect(Number(await app.page.getByTestId('compare-chart-relative').getAttribute('data-bars'))).toBe(4);
    expect(await app.page.getByTestId('compare-notes').innerText()).toMatch(/unpaired/);
  }, 120_000);

  it('switches axis to the two models', async () => {
    await compare.by('model');
    await compare.pick('a', 'gpt-4o-mini');
    await compare.pick('b', 'claude-3-5-haiku');
    await compare.waitFor('gpt-4o-mini', 'claude-3-5-haiku');
    const cost = await compare.cells('cost_mean');
    expect(cost[5]).toBe('Mann-Whitney U');
    // claude-3-5-haiku costs more per token than gpt-4o-mini: the difference is significant and worse.
    expect(await compare.row('cost_mean').getAttribute('data-significant')).toBe('yes');
  }, 120_000);

  it('pairs the same inputs, buckets the PII regressions and shows both answers side by side as text', async () => {
    await compare.by('prompt_version');
    await compare.pick('a', 'pair-v1');
    await compare.pick('b', 'pair-v2');
    await compare.waitFor('pair-v1', 'pair-v2');
    expect(await compare.mode.innerText()).toContain('Paired: 24');
    const pii = await compare.cells('pii_rate');
    expect(pii[5]).toBe('exact McNemar');
    await compare.bucket('regressed');
    const pairs = app.page.getByTestId('compare-pair');
    expect(await pairs.count()).toBeGreaterThanOrEqual(8);
    await pairs.first().click();
    await app.page.getByTestId('compare-side-a').waitFor();
    await expect.poll(() => app.page.getByTestId('compare-side-b').innerText(), { timeout: 20_000 }).toContain('lena.berg@example.com');
    // The hostile answer is text on the page, never markup.
    await compare.bucket('unchanged');
    await compare.bucket('regressed');
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(app.problems).toEqual([]);
    await app.screenshot(path.join(repoRoot, 'test-results', 'compare-page.png'));
  }, 120_000);

  it('answers a comparison of two demo versions in under a second (timed through the API in the page)', async () => {
    const ms = await app.page.evaluate(async () => {
      const started = performance.now();
      const res = await fetch('/api/compare.run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 'prompt_version', a: 'v1.3', b: 'v1.4' }) });
      await res.json();
      return performance.now() - started;
    });
    console.log(`compare.run v1.3 vs v1.4 on the demo: ${ms.toFixed(0)} ms (load ${os.loadavg()[0]!.toFixed(1)})`);
    // 1 s is the target on an idle machine; the bound leaves room for a loaded CI runner.
    expect(ms).toBeLessThan(5_000);
  }, 60_000);
});
