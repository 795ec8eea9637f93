import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HNSWLIB_INT8_SPACE, PORTABLE_BUILD_SUFFIX } from '../../main/indexes/hnswlib';
import { repoRoot } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const script = path.join(repoRoot, 'test', 'fixtures', 'scripts', 'hnsw-space-roundtrip.ts');
const hnswlibPackage = createRequire(import.meta.url).resolve('hnswlib-node/package.json');
const stockAddon = path.join(path.dirname(hnswlibPackage), 'build', 'Release', 'addon.node');
const { version } = JSON.parse(readFileSync(hnswlibPackage, 'utf8')) as { version: string };
// The patched sources compiled without -mavx2 -mfma (scripts/ensure-native.mjs), for CPUs without them.
const portableAddon = path.join(repoRoot, '.native', `hnswlib-node-${version}-${PORTABLE_BUILD_SUFFIX}`, 'build', 'Release', 'addon.node');

interface Outcome {
  build: string;
  defaultSpace: string;
  space?: string;
  sha256?: string;
  neighbours?: number[][];
  error?: { code: string; message: string };
}

/** Runs the fixture with the build this machine picks (binding undefined) or with the given addon file. */
function run(args: string[], binding?: string): Outcome {
  const env = { ...process.env };
  if (binding !== undefined) env.ASSAY_HNSWLIB_BINDING = binding;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`hnsw child failed (status ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Outcome;
}

describe('HNSW spaces across hnswlib builds', () => {
  const tmp = useTempDir('assay-hnsw-space-');

  it('builds float32 indexes with the stock build, and the build this machine picks opens them with the same neighbours', () => {
    const file = path.join(tmp(), 'float.hnsw');
    const stock = run(['build', file], stockAddon);
    expect(stock.build).toBe(`addon ${stockAddon}`);
    expect(stock.defaultSpace).toBe('cosine');
    expect(stock.space).toBe('cosine');
    const local = run(['load', file, stock.sha256!]);
    expect(local.error).toBeUndefined();
    expect(local.space).toBe('cosine');
    expect(local.neighbours).toEqual(stock.neighbours);
    expect(local.neighbours![0]![0]).toBe(0);
  });

  it.runIf(HNSWLIB_INT8_SPACE)('gives a clear, rebuildable IndexError when the stock build opens an int8 index, never a crash', () => {
    const file = path.join(tmp(), 'int8.hnsw');
    const tuned = run(['build', file]);
    expect(tuned.space).toBe('cosine-int8');
    expect(tuned.neighbours![0]![0]).toBe(0);
    const stock = run(['load', file, tuned.sha256!], stockAddon);
    expect(stock.error?.code).toBe('provider_unavailable');
    expect(stock.error?.message).toMatch(/the test index: index file .*int8\.hnsw walks int8 vectors, which needs the tuned hnswlib build; this process uses addon .*hnswlib-node\/build\/Release\/addon\.node/);
    expect(stock.error?.message).toMatch(/--rebuild/);
    // And the tuned build reads its own file back with the neighbours it found when it built it.
    expect(run(['load', file, tuned.sha256!]).neighbours).toEqual(tuned.neighbours);
  });

  it.runIf(HNSWLIB_INT8_SPACE && existsSync(portableAddon))('opens an int8 index with the portable patched copy, with the same neighbours', () => {
    const file = path.join(tmp(), 'int8-portable.hnsw');
    const built = run(['build', file]);
    const portable = run(['load', file, built.sha256!], portableAddon);
    expect(portable.build).toBe(`addon ${portableAddon}`);
    expect(portable.defaultSpace).toBe('cosine-int8');
    expect(portable.space).toBe('cosine-int8');
    expect(portable.neighbours).toEqual(built.neighbours);
  });
});
