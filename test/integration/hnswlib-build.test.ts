import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const script = path.join(repoRoot, 'test', 'fixtures', 'scripts', 'hnswlib-roundtrip.ts');
const stockAddon = path.join(path.dirname(createRequire(import.meta.url).resolve('hnswlib-node/package.json')), 'build', 'Release', 'addon.node');

function run(mode: 'build' | 'load', file: string, binding?: string): { build: string; neighbours: number[][] } {
  const env = { ...process.env };
  if (binding === undefined) delete env.ASSAY_HNSWLIB_BINDING;
  else env.ASSAY_HNSWLIB_BINDING = binding;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, mode, file], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`hnswlib child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { build: string; neighbours: number[][] };
}

describe('hnswlib build selection', () => {
  const tmp = useTempDir('assay-hnswlib-');

  it('falls back to the stock build when the tuned addon cannot be loaded', () => {
    const out = run('build', path.join(tmp(), 'a.hnsw'), path.join(tmp(), 'missing.node'));
    expect(out.build).toMatch(/^stock/);
    expect(out.neighbours[0]![0]).toBe(0);
  });

  it('reads an index written by the stock build and finds the same neighbours with the build this machine picks', () => {
    const file = path.join(tmp(), 'b.hnsw');
    const stock = run('build', file, stockAddon);
    const local = run('load', file);
    expect(existsSync(file)).toBe(true);
    expect(local.neighbours).toEqual(stock.neighbours);
  });
});
