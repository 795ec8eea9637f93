/**
 * The Records table at a million records.
 *
 *   npx tsx bench/records-scale.ts                    # generate 1M records in the OS temp folder, then measure
 *   npx tsx bench/records-scale.ts --n 200000         # a smaller workspace
 *   npx tsx bench/records-scale.ts --reuse DIR        # measure a workspace generated earlier (bench/records-scale-data.ts)
 *   npx tsx bench/records-scale.ts --skip-browser     # API figures only (--skip-api: Chromium figures only)
 *   npx tsx bench/records-scale.ts --static DIR       # Chromium figures over another renderer build (vite build --outDir DIR)
 *   npx tsx bench/records-scale.ts --starts 5 [--drop-caches] [--baseline DIR] [--waterfall]
 *                                                     # only the first load after each server start (records-scale-first-load.ts)
 *
 * Prints, with the load average at each step:
 * 1. API vs direct: ten query shapes (sorts, filters, asset, flag, FTS words and phrases), 5 runs each, round-robin
 *    (50 queries). "API" is `records.list` and `records.browse` (the page's call: snippets, PII masking) through
 *    the same dispatch every host uses; "direct" is the same first page as one plain SQL statement
 *    (WHERE ... ORDER BY ... LIMIT 200) on a separate connection to the SQLite file. p50/p95 and the p95 ratio.
 * 2. In Chromium (browser mode, `assay serve`): time from navigation to the first rows of the Records page, and
 *    long tasks while scrolling through 10,000 rows: by wall time (PerformanceObserver 'longtask') and by the main
 *    thread's CPU time (a trace), which a machine shared with other work does not inflate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { callApi } from '../main/api/dispatch';
import { EventBus } from '../main/api/event-bus';
import { createHandlers } from '../main/api/handlers';
import { openWorkspace } from '../main/storage/workspace';
import type { RecordQuery } from '../shared/contract/schemas';
import { ftsQueryOf } from '../main/storage/records-query';
import { serve } from '../test/e2e/pages/serve-demo';
import { generateRecordsWorkspace } from './records-scale-data';
import { firstLoads } from './records-scale-first-load';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const n = Number(arg('--n') ?? 1_000_000);
const reuse = arg('--reuse');
const staticDir = arg('--static');
const load = () => os.loadavg()[0]!.toFixed(1);

let dir = reuse;
let tempRoot: string | null = null;
if (!dir) {
  tempRoot = mkdtempSync(path.join(os.tmpdir(), 'assay-records-scale-'));
  dir = path.join(tempRoot, 'ws');
  const g = generateRecordsWorkspace(dir, n);
  console.log(`generated ${n.toLocaleString('en-US')} records in ${(g.ms / 1000).toFixed(1)} s (load ${load()})`);
  g.ws.close();
}

type Shape = { name: string; query: RecordQuery; direct: { where: string; args: (string | number)[]; order: string; from?: string } };
const LEFT = 'records r LEFT JOIN record_scores s ON s.record_id = r.id';
const fts = (q: string) => ftsQueryOf(q)!;
const SHAPES: Shape[] = [
  { name: 'id asc', query: { sort: 'id' }, direct: { where: '', args: [], order: 'r.id' } },
  { name: 'timestamp desc', query: { sort: 'timestamp', dir: 'desc' }, direct: { where: '', args: [], order: 'r.timestamp DESC NULLS LAST, r.id DESC' } },
  { name: 'grounding asc', query: { sort: 'grounding' }, direct: { where: '', args: [], order: 's.grounding NULLS LAST, r.id' } },
  { name: 'asset 2, latency desc', query: { assetId: 2, sort: 'latencyMs', dir: 'desc' }, direct: { where: 'WHERE r.asset_id = 2', args: [], order: 'r.latency_ms DESC NULLS LAST, r.id DESC' } },
  { name: 'model, cost desc', query: { model: 'gpt-4o', sort: 'cost', dir: 'desc' }, direct: { where: "WHERE r.model = 'gpt-4o'", args: [], order: 'r.cost DESC NULLS LAST, r.id DESC' } },
  { name: 'flag hallucination', query: { flag: 'hallucination' }, direct: { where: 'WHERE s.flag_hallucination = 1', args: [], order: 'r.id' } },
  { name: 'prompt v1.3, tokens in', query: { promptVersion: 'v1.3', sort: 'tokensIn' }, direct: { where: "WHERE r.prompt_version = 'v1.3'", args: [], order: 'r.tokens_in NULLS LAST, r.id' } },
  { name: 'FTS word', query: { search: 'firmware' }, direct: { where: 'WHERE r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)', args: [fts('firmware')], order: 'r.id' } },
  { name: 'FTS phrase', query: { search: '"tracking label"' }, direct: { where: 'WHERE r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)', args: [fts('"tracking label"')], order: 'r.id' } },
  { name: 'FTS + model, timestamp desc', query: { search: 'refund', model: 'claude-3-haiku', sort: 'timestamp', dir: 'desc' },
    direct: { where: "WHERE r.model = 'claude-3-haiku' AND r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)", args: [fts('refund')], order: 'r.timestamp DESC NULLS LAST, r.id DESC' } },
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

async function apiVsDirect(): Promise<void> {
  const ws = openWorkspace(dir!, { actor: 'bench' });
  const handlers = createHandlers(ws, new EventBus());
  const direct = new Database(path.join(dir!, 'assay.db'), { readonly: true });
  const times = { list: [] as number[], browse: [] as number[], direct: [] as number[] };
  const perShape = new Map<string, { list: number[]; browse: number[]; direct: number[] }>();
  console.log(`\nAPI vs direct SQL, first page of 200 rows, 10 shapes x 5 runs round-robin (load ${load()})`);
  for (let round = 0; round < 5; round += 1) {
    for (const shape of SHAPES) {
      const entry = perShape.get(shape.name) ?? { list: [], browse: [], direct: [] };
      perShape.set(shape.name, entry);
      let t = performance.now();
      const sql = `SELECT r.*, s.grounding, s.toxicity, s.injection, s.context_injection, s.pii, s.flag_hallucination, s.flag_toxic, s.flag_injection, s.flag_pii
        FROM ${LEFT} ${shape.direct.where} ORDER BY ${shape.direct.order} LIMIT 200`;
      const rows = direct.prepare(sql).all(...shape.direct.args);
      const d = performance.now() - t;
      t = performance.now();
      const page = await callApi(handlers, 'records.list', { ...shape.query, limit: 200 });
      const l = performance.now() - t;
      t = performance.now();
      await callApi(handlers, 'records.browse', { ...shape.query, limit: 200 });
      const b = performance.now() - t;
      if (rows.length !== page.rows.length) throw new Error(`${shape.name}: direct gave ${rows.length} rows, API ${page.rows.length}`);
      times.direct.push(d); times.list.push(l); times.browse.push(b);
      entry.direct.push(d); entry.list.push(l); entry.browse.push(b);
    }
  }
  for (const [name, e] of perShape) {
    console.log(`  ${name.padEnd(30)} direct median ${pct(e.direct, 0.5).toFixed(1).padStart(7)} ms   list ${pct(e.list, 0.5).toFixed(1).padStart(7)} ms   browse ${pct(e.browse, 0.5).toFixed(1).padStart(7)} ms   (first list ${e.list[0]!.toFixed(0)} ms incl. count)`);
  }
  const p95 = { direct: pct(times.direct, 0.95), list: pct(times.list, 0.95), browse: pct(times.browse, 0.95) };
  console.log(`  p50 direct ${pct(times.direct, 0.5).toFixed(1)} ms, list ${pct(times.list, 0.5).toFixed(1)} ms, browse ${pct(times.browse, 0.5).toFixed(1)} ms`);
  console.log(`  p95 direct ${p95.direct.toFixed(1)} ms, records.list ${p95.list.toFixed(1)} ms (ratio ${(p95.list / p95.direct).toFixed(2)}), records.browse ${p95.browse.toFixed(1)} ms (ratio ${(p95.browse / p95.direct).toFixed(2)}); goal <= 2 (load ${load()})`);
  direct.close();
  ws.close();
}

/** The same server `assay serve` starts, in this process, over another renderer build (`--static DIR`): a baseline. */
async function serveBuild(workspace: string, root: string): Promise<{ url: string; stop(): Promise<void> }> {
  const [{ openForCli }, { startBrowserServer }] = await Promise.all([import('../main/cli/open'), import('../main/server/server')]);
  const { ws, handlers, events } = await openForCli(workspace, 'browser', 'browser');
  const server = await startBrowserServer({ handlers, events, staticDir: path.resolve(root), port: 0 });
  return { url: server.url, stop: async () => { await server.close(); ws.close(); } };
}

async function inChromium(): Promise<void> {
  const served = staticDir ? await serveBuild(dir!, staticDir) : await serve(dir!, 180_000);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    const firstRows: number[] = [];
    const shell: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.goto(`${served.url.replace(/#.*$/, '')}#/records`);
      // The app shell (sidebar) first: what the machine takes to load and run the bundle, whatever the page.
      await page.getByTestId('sidebar').waitFor({ timeout: 60_000 });
      shell.push(await page.evaluate(() => performance.now()));
      await page.getByTestId('records-row').first().waitFor({ timeout: 60_000 });
      firstRows.push(await page.evaluate(() => performance.now()));
    }
    const secs = (xs: number[]) => xs.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ');
    console.log(`\nChromium: first rows of the Records page ${secs(firstRows)} from navigation start (goal < 1.5 s); app shell drawn at ${secs(shell)} (load ${load()})`);
    await page.evaluate(() => { (window as unknown as { __longTasks: number[] }).__longTasks = []; });
    const rowHeight = await page.getByTestId('records-row').first().evaluate((r) => (r as HTMLElement).offsetHeight);
    // A trace of top-level tasks only (cheap to record) gives each task's CPU time on the page's main thread beside
    // its wall time: on a loaded machine wall time also counts the time the thread waited for a core.
    await browser.startTracing(page, { categories: ['toplevel'] });
    const t0 = Date.now();
    // About 12 rows per step every 16 ms, as a fast wheel or a trackpad fling scrolls, for at most 90 s. Past
    // 600,000 rows the table maps its scroll range onto the rows (renderer/pages/records/row-window.ts), so the
    // step and the target are scaled to stay 12 rows and 10,000 rows. The position is kept here rather than read
    // back, as a wheel does not force a layout. A string, so that no helper the TypeScript loader adds to
    // functions has to exist in the page.
    const reached = await page.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('[data-testid="records-scroll"]');
      const total = Number(document.querySelector('[data-testid="records-table"]').getAttribute('aria-rowcount')) - 1;
      const full = total * ${rowHeight};
      const body = document.querySelector('.records-body');
      const header = body ? el.scrollHeight - body.offsetHeight : 0;
      const k = Math.min(1, (el.scrollHeight - el.clientHeight) / Math.max(1, full + header - el.clientHeight));
      const target = Math.min(el.scrollHeight - el.clientHeight, 10000 * ${rowHeight} * k);
      const deadline = Date.now() + 90000;
      let at = el.scrollTop;
      function step() {
        at = Math.min(target, at + 600 * k);
        el.scrollTop = at;
        if (at >= target - 1 || Date.now() > deadline) {
          setTimeout(() => resolve(Math.max(...[...document.querySelectorAll('[data-testid="records-row"]')].map((r) => Number(r.getAttribute('data-index'))))), 1500);
        } else setTimeout(step, 16);
      }
      step();
    })`) as number;
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const cpu = mainThreadTasks(trace.traceEvents);
    console.log(`Chromium: scrolled to row ${reached.toLocaleString('en-US')} in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      `long tasks (wall): ${longTasks.length}, over 50 ms: ${longTasks.filter((d) => d > 50).length}, longest ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms; ` +
      `main-thread tasks by CPU time: ${cpu.count}, over 50 ms: ${cpu.over50}, longest ${cpu.longest.toFixed(0)} ms, total ${(cpu.total / 1000).toFixed(1)} s (load ${load()})`);
  } finally {
    await browser.close();
    await served.stop();
  }
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }

/** CPU time (tdur) of the renderer main thread's top-level tasks in a Chromium trace, in ms. */
function mainThreadTasks(events: TraceEvent[]): { count: number; over50: number; longest: number; total: number } {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const cpu = events
    .filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && main.has(`${e.pid}:${e.tid}`))
    .map((e) => (e.tdur ?? 0) / 1000);
  return { count: cpu.length, over50: cpu.filter((t) => t > 50).length, longest: cpu.length ? Math.max(...cpu) : 0, total: cpu.reduce((a, b) => a + b, 0) };
}

const starts = arg('--starts');
if (starts !== undefined) {
  const baseline = arg('--baseline');
  await firstLoads({
    workspace: dir, starts: Number(starts), dropCaches: args.includes('--drop-caches'), waterfall: args.includes('--waterfall'),
    builds: [{ label: 'this build', dir: staticDir ?? null }, ...(baseline ? [{ label: 'baseline', dir: baseline }] : [])],
  });
} else {
  if (!args.includes('--skip-api')) await apiVsDirect();
  if (!args.includes('--skip-browser')) await inChromium();
}
if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
