import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assayBin, repoRoot } from '../../helpers/cli';

export interface ServedWorkspace {
  url: string;
  stop(): Promise<void>;
}

const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/;

/** The server serves dist/renderer; build it when a test run starts without `npm test`'s pretest step. */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'],
    { cwd: repoRoot, stdio: 'pipe', timeout: 120_000 });
}

export function buildDemo(dir: string): void {
  execFileSync(process.execPath, [assayBin, 'demo', '--out', dir], { cwd: repoRoot, stdio: 'pipe', timeout: 180_000 });
}

/** Starts `assay serve` as users do and resolves with the one URL line it prints. */
export function serve(dir: string, timeoutMs = 60_000): Promise<ServedWorkspace> {
  const child = spawn(process.execPath, [assayBin, 'serve', dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`assay serve printed no URL within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').map((each) => each.trim()).find((each) => URL_LINE.test(each));
      if (line) {
        clearTimeout(timer);
        resolve({ url: line, stop: () => stop(child) });
      }
    });
    child.on('exit', (code) => fail(new Error(`assay serve exited with ${code} before printing its URL; stderr: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}
