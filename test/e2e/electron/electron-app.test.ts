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
      const { ensureElectronSqlite } = (await import('../../../scripts/ensure-native.mjs')) as { ensureElectronSqlite: () => string };
      const app = await electron.launch({
        executablePath: (binary as { path: string }).path,
        args: [path.join(repoRoot, 'dist/electron/main.mjs'), '--workspace', path.join(dir, 'demo'), '--no-sandbox'],
        env: { ...process.env, ASSAY_SQLITE_BINDING: ensureElectronSqlite() } as Record<string, string>,
      });
      const page = await app.firstWindow();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows()[0]!;
        return w.webContents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      await page.locator('[data-testid="nav-records"]').click();
      await expect.poll(async () => page.locator('[data-testid="records-row"]').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(repoRoot, 'test-results', 'electron-records.png') });
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
