/**
 * The Records page's first load after `assay serve` starts (bench/records-scale.ts --starts N): the figure a user
 * meets when they open a big workspace, with the server's SQLite connection, the OS page cache (with
 * --drop-caches, as root) and the browser all cold. For each start: time from navigation to the first rows, then
 * a second load on the same server (warm), and the first load's waterfall: every request with when it was sent,
 * when its answer began and ended, and the handler's own time (the Server-Timing header), so a request that
 * waited behind another on the server's one thread shows as a gap between sent and handled.
 * `--baseline DIR` alternates with another renderer build (vite build --outDir DIR) in the same run.
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve, type ServedWorkspace } from '../test/e2e/pages/serve-demo';

export interface FirstLoadOptions {
  workspace: string;
  starts: number;
  dropCaches: boolean;
  /** Renderer builds to compare, by label; a null dir is the build `assay serve` serves by default. */
  builds: { label: string; dir: string | null }[];
  waterfall: boolean;
}

export interface Entry { name: string; start: number; request: number; response: number; end: number; server: number | null }

const load = () => os.loadavg()[0]!.toFixed(1);

export function dropPageCache(): boolean {
  try {
    execSync('sync; echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }

/** CPU time (ms) of the page's main-thread tasks in a trace. */
function mainThreadCpu(trace: { traceEvents: TraceEvent[] }): number {
  const main = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  return trace.traceEvents
    .filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && main.has(`${e.pid}:${e.tid}`))
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
}

/** Starts a server for the workspace; `assay serve` of this checkout unless another is given (a baseline). */
export type StartServer = (workspace: string) => Promise<ServedWorkspace>;

export async function oneStart(workspace: string, dir: string | null, start: StartServer = (ws) => serve(ws, 180_000)):
  Promise<{ cold: number; warm: number; cpu: number; entries: Entry[] }> {
  const before = process.env.ASSAY_RENDERER_DIR;
  if (dir) process.env.ASSAY_RENDERER_DIR = dir.endsWith('/') ? dir : `${dir}/`;
  const served = await start(workspace);
  if (dir) {
    if (before === undefined) delete process.env.ASSAY_RENDERER_DIR;
    else process.env.ASSAY_RENDERER_DIR = before;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // When the first row enters the DOM and the frame that shows it starts, read in the page: Playwright's own
    // wait polls and crosses processes, which on a loaded machine adds tens of ms. A string, so that no helper the
    // TypeScript loader adds to functions has to exist in the page.
    await page.addInitScript(`(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="records-row"]')) return;
        seen.disconnect();
        window.__rowsInserted = performance.now();
        requestAnimationFrame(() => { window.__rowsFrame = performance.now(); });
      });
      seen.observe(document, { childList: true, subtree: true });
    })()`);
    const times: number[] = [];
    let entries: Entry[] = [];
    let cpu = 0;
    for (let i = 0; i < 2; i += 1) {
      // Top-level tasks only, cheap to record: the main thread's CPU time, which waiting for a core does not inflate.
      if (i === 0) await browser.startTracing(page, { categories: ['toplevel'] });
      await page.goto(`${served.url.replace(/#.*$/, '')}#/records`);
      await page.waitForFunction(() => (window as unknown as { __rowsFrame?: number }).__rowsFrame !== undefined, undefined, { timeout: 60_000 });
      times.push(await page.evaluate(() => (window as unknown as { __rowsFrame: number }).__rowsFrame));
      if (i === 0) cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] });
      if (i === 0) {
        // Let the rest of the first load (totals, the rest of the first page) finish, for the waterfall.
        await page.waitForTimeout(1500);
        entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming;
          return { name: r.name.replace(/^.*\//, ''), start: r.startTime, request: r.requestStart, response: r.responseStart, end: r.responseEnd,
            server: r.serverTiming[0]?.duration ?? null };
        }));
      }
    }
    return { cold: times[0]!, warm: times[1]!, cpu, entries };
  } finally {
    await browser.close();
    await served.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function firstLoads(o: FirstLoadOptions): Promise<void> {
  const canDrop = !o.dropCaches || dropPageCache();
  if (!canDrop) console.log('\n(cannot drop the OS page cache: not root; first loads are warm-OS only)');
  console.log(`\nFirst load of the Records page after each \`assay serve\` start, ${o.starts} start(s) per build, ` +
    `${o.dropCaches && canDrop ? 'OS page cache dropped before each start' : 'OS page cache warm'} (load ${load()})`);
  const results = new Map<string, { cold: number[]; warm: number[]; cpu: number[] }>(o.builds.map((b) => [b.label, { cold: [], warm: [], cpu: [] }]));
  for (let round = 0; round < o.starts; round += 1) {
    for (const build of o.builds) {
      if (o.dropCaches && canDrop) dropPageCache();
      const r = await oneStart(o.workspace, build.dir);
      const acc = results.get(build.label)!;
      acc.cold.push(r.cold);
      acc.warm.push(r.warm);
      acc.cpu.push(r.cpu);
      console.log(`  ${build.label.padEnd(10)} start ${round + 1}: first rows ${secs(r.cold)}, page main-thread CPU until then ${r.cpu.toFixed(0)} ms ` +
        `(then ${secs(r.warm)} on the same server) (load ${load()})`);
      if (o.waterfall && round === 0) {
        for (const e of r.entries) {
          console.log(`      ${e.name.slice(0, 34).padEnd(34)} sent ${e.start.toFixed(0).padStart(5)}  answer ${e.response.toFixed(0).padStart(5)}-${e.end.toFixed(0).padStart(5)} ms` +
            `${e.server === null ? '' : `  handler ${e.server.toFixed(0)} ms`}`);
        }
      }
    }
  }
  for (const [label, r] of results) {
    console.log(`  ${label}: first rows after a start median ${secs(median(r.cold))} (max ${secs(Math.max(...r.cold))}), ` +
      `main-thread CPU median ${median(r.cpu).toFixed(0)} ms, reload median ${secs(median(r.warm))}; goal < 1.5 s (load ${load()})`);
  }
}
