import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { repoRoot } from '../../helpers/cli';

const binary = electronBinary() as { path: string; version: string } | { missing: string };
const missing = 'missing' in binary ? binary.missing : undefined;
if (missing) console.warn(`skipping Electron e2e: ${missing}`);

describe('Electron shell', () => {
  it.skipIf(missing !== undefined)(`opens the demo workspace in a hardened window${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-electron-'));
    try {
      execFileSync(process.execPath, ['bin/assay.mjs', 'demo', '--out', path.join(dir, 'demo')], { cwd: repoRoot });
      execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: repoRoot });
      // @ts-expect-error plain .mjs build helper without type declarations
      const { ensureElectronSqlite } = (await import('../../../scripts/ensure-native.mjs')) as { ensureElectronSqlite: () => string };
      const app = await electron.launch({
        executablePath: (binary as { path: string }).path,
        args: [path.join(repoRoot, 'dist/electron/main.mjs'), '--workspace', path.join(dir, 'demo'), '--no-sandbox'],
        env: { ...process.env, ASSAY_SQLITE_BINDING: ensureElectronSqlite() } as Record<string, string>,
      });
      const page = await app.firstWindow();
      // No Node in the page and only the typed bridge on window: isolation, sandbox and no integration hold.
      const exposed = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { assay?: object }).assay ?? {}).sort(),
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'subscribe'] });
      await page.locator('[data-testid="nav-records"]').click();
      await expect.poll(async () => page.locator('[data-testid="records-row"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'electron-records.png') });
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
