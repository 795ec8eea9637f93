import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../helpers/cli';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|mts|mjs)$/.test(name) ? [p] : [];
  });
}

describe('one worker spawner for the app, the CLI and the Electron bundle', () => {
  const files = sources(path.join(repoRoot, 'main'));

  it('starts worker threads only through main/workers/spawn-worker.ts', () => {
    const direct = files.filter((f) => !f.endsWith(path.join('workers', 'spawn-worker.ts')) && /new Worker\(/.test(readFileSync(f, 'utf8')));
    expect(direct.map((f) => path.relative(repoRoot, f))).toEqual([]);
    // No second boot file or hard-coded tsx loader beside a worker.
    const boots = files.filter((f) => f.endsWith('.mjs')).map((f) => path.relative(repoRoot, f));
    expect(boots).toEqual([path.join('main', 'workers', 'worker-boot.mjs')]);
  });

  it('bundles every worker a module starts by name, so the Electron and CLI bundles find it beside themselves', async () => {
    const { workerEntries } = (await import(path.join(repoRoot, 'scripts', 'bundle-targets.mjs'))) as { workerEntries: (root: string) => Record<string, string> };
    const bundled = workerEntries(repoRoot);
    const named = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/siblingModule\(import\.meta\.url, '([\w-]+)'\)/g)) {
        named.add(m[1]!);
        expect(bundled[m[1]!], `${m[1]} is not bundled`).toBe(path.relative(repoRoot, path.join(path.dirname(f), `${m[1]!}.ts`)));
      }
    }
    expect([...named].sort()).toEqual(expect.arrayContaining(['chunk-worker', 'jsonl-worker', 'parse-worker']));
  });
});
