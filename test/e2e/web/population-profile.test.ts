// A population profile imported with `assay import --as profile` as the browser shows it: population-wide figures
// on the Overview, marked with their record count and profile sha256 apart from the workspace's own records, and
// two groups (model A vs model B) compared on the Compare page with unpaired tests from counts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assayBin, repoRoot } from '../../helpers/cli';
import { AppPage } from '../pages/app-page';
import { chromiumMissing as missing, chromiumPath } from '../pages/demo-session';
import { OverviewPage } from '../pages/overview-page';
import { PopulationProfileModel } from '../pages/population-profile';
import { ensureRendererBuilt, serve, type ServedWorkspace } from '../pages/serve-demo';

if (missing) console.warn(`skipped: population profile e2e: ${missing}`);
const skipNote = missing ? ` (skipped: ${missing})` : '';

/** 4,000 scored lines: model-a flags hallucination in 10% of its 2,400 records, model-b in 5% of its 1,600. */
function scoredLines(): string {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const a = i < 2400;
    const k = a ? i : i - 2400;
    lines.push(JSON.stringify({
      id: `r${i}`, model: a ? 'model-a' : 'model-b', prompt_version: 'v1', timestamp: `2026-11-0${1 + (i % 3)}T10:00:00Z`, tokens_in: 20, tokens_out: 10,
      scores: { grounding: a ? (k % 10 === 0 ? 0.1 : 0.8) : (k % 20 === 0 ? 0.1 : 0.9), pii: 0 },
      flags: { hallucination: a ? k % 10 === 0 : k % 20 === 0, toxic: false, injection: false, pii: i % 100 === 0 },
    }));
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(missing !== undefined)(`population profile on the Overview and Compare pages${skipNote}`, () => {
  let dir: string;
  let served: ServedWorkspace;
  let browser: Browser;
  let app: AppPage;
  let population: PopulationProfileModel;
  let sha256: string;

  beforeAll(async () => {
    ensureRendererBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'assay-e2e-population-'));
    const ws = path.join(dir, 'ws');
    const run = (...args: string[]) => promisify(execFile)(process.execPath, [assayBin, ...args], { cwd: repoRoot, timeout: 120_000 });
    await run('init', ws);
    // Three records of the workspace's own, so workspace figures and population figures differ.
    writeFileSync(path.join(dir, 'logs.jsonl'), [0, 1, 2].map((i) => JSON.stringify({ id: `w${i}`, input: `q${i}`, output: `a${i}` })).join('\n') + '\n');
    await run('import', ws, path.join(dir, 'logs.jsonl'));
    const scored = path.join(dir, 'scored.jsonl');
    writeFileSync(scored, scoredLines());
    const profile = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [assayBin, 'profile', '--by', 'model,prompt_version,day', '--analyzers', 'grounding,pii'], { cwd: repoRoot, timeout: 120_000 },
        (err, stdout) => (err ? reject(err) : resolve(stdout)));
      child.stdin!.end(scoredLines());
    });
    writeFileSync(path.join(dir, 'profile.json'), profile);
    const imported = await run('import', ws, path.join(dir, 'profile.json'), '--as', 'profile', '--json');
    sha256 = (JSON.parse(imported.stdout) as { sha256: string }).sha256;
    served = await serve(ws);
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    app = new AppPage(await browser.newPage({ viewport: { width: 1440, height: 1600 } }));
    population = new PopulationProfileModel(app.page);
    await app.open(served.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows population-wide figures on the Overview, marked apart from the workspace records', async () => {
    await app.go('overview');
    await population.card.waitFor();
    expect(await population.marker.innerText()).toBe(`population-wide (4,000 records, from profile sha256 ${sha256.slice(0, 12)}…)`);
    expect(await new OverviewPage(app.page).stat('stat-records')).toBe(3);
    expect(await population.records()).toBe(4000);
    // (240 + 80) / 4000 records flag hallucination.
    expect(await population.rate('hallucination')).toBe('8.00%');
    const rows = await population.sliceRows();
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['model-a', '2,400', '10.00%'], ['model-b', '1,600', '5.00%']]);
    expect(await population.histogramCount('grounding')).toBe(4000);
    await app.screenshot(path.join(repoRoot, 'test-results', 'population-overview.png'));
  });

  it('compares model A with model B from the profile counts, with intervals and the test named', async () => {
    await app.go('compare');
    await population.compare.waitFor();
    expect(await population.compareMarker.innerText()).toContain('population-wide (4,000 records, from profile sha256');
    await population.pick('a', 'model-a');
    await population.pick('b', 'model-b');
    const halluc = await population.compareRow('hallucination', 'model-a', 'model-b');
    expect(halluc.cells.slice(0, 4)).toEqual(['Hallucination', '10.00%', '5.00%', '−5.00 pp']);
    expect(halluc.cells[5]).toBe('two-proportion z (= 2×2 χ²)');
    expect(halluc.significant).toBe(true);
    const toxic = await population.compareRow('toxic', 'model-a', 'model-b');
    expect(toxic.cells[5]).toBe("Fisher's exact");
    await app.screenshot(path.join(repoRoot, 'test-results', 'population-compare.png'));
    expect(toxic.significant).toBe(false);
    expect(await app.page.getByTestId('profile-compare-notes').innerText()).toMatch(/Unpaired tests only/);
  });
});
