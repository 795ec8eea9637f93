import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../../helpers/cli';
import { AppPage } from './app-page';
import { buildDemo, ensureRendererBuilt, serve, type ServedWorkspace } from './serve-demo';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Why browser e2e tests skip here, or undefined when Debian's Chromium is present. */
export const chromiumMissing = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`;
export const resultsDir = path.join(repoRoot, 'test-results');

export interface DemoSession {
  app: AppPage;
  served: ServedWorkspace;
  /** The served workspace folder: browser-mode imports may name files inside it by relative path. */
  workspaceDir: string;
  close(): Promise<void>;
}

/** Builds the demo into a temp folder, serves it in browser mode and opens headless Chromium on it. */
export async function openDemoSession(prefix: string, viewport: { width: number; height: number }): Promise<DemoSession> {
  ensureRendererBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  buildDemo(path.join(dir, 'demo'));
  const served = await serve(path.join(dir, 'demo'));
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  const app = new AppPage(await browser.newPage({ viewport }));
  mkdirSync(resultsDir, { recursive: true });
  return {
    app,
    served,
    workspaceDir: path.join(dir, 'demo'),
    async close() {
      await browser.close();
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
