import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpuinfoRunsTunedBuild, PORTABLE_BUILD_SUFFIX, TUNED_BUILD_SUFFIX, TUNED_CPU_FLAGS } from '../../main/indexes/hnswlib';
import { repoRoot } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';

const script = path.join(repoRoot, 'test', 'fixtures', 'scripts', 'hnswlib-roundtrip.ts');
const stockAddon = path.join(path.dirname(createRequire(import.meta.url).resolve('hnswlib-node/package.json')), 'build', 'Release', 'addon.node');

function run(mode: 'build' | 'load', file: string, binding?: string): { build: string; neighbours: number[][]; float32: number[][] | null } {
  const env = { ...process.env };
  if (binding === undefined) delete env.ASSAY_HNSWLIB_BINDING;
  else env.ASSAY_HNSWLIB_BINDING = binding;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, mode, file], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`hnswlib child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { build: string; neighbours: number[][]; float32: number[][] | null };
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
    // The stock addon has no Float32Array search; the tuned one (patched on install) answers it identically.
    expect(stock.float32).toBeNull();
    if (local.float32) expect(local.float32).toEqual(stock.neighbours);
  });

  // The flags of a virtualized AMD EPYC that exposes AVX2 and FMA but hides abm (and lacks AVX-512).
  const epyc = 'processor\t: 0\nflags\t\t: fpu sse sse2 pni ssse3 fma sse4_1 sse4_2 popcnt movbe avx f16c bmi1 avx2 bmi2\n';

  it('runs the tuned build on a CPU with AVX2 and FMA even when it hides abm', () => {
    expect(cpuinfoRunsTunedBuild(epyc)).toBe(true);
  });

  it('keeps the stock build on a CPU without FMA or AVX2', () => {
    expect(cpuinfoRunsTunedBuild(epyc.replace(' fma', ''))).toBe(false);
    expect(cpuinfoRunsTunedBuild(epyc.replace(' avx2', ''))).toBe(false);
    expect(cpuinfoRunsTunedBuild('flags\t\t: fpu sse sse2\n')).toBe(false);
  });

  it('checks at run time exactly the CPU flags the install script compiles for', async () => {
    type Tuned = { suffix: string; cpuFlags: string[] };
    // @ts-expect-error -- a plain .mjs script (postinstall runs it without a TypeScript loader), typed by the cast
    const { TUNED_HNSWLIB, PORTABLE_HNSWLIB } = (await import('../../scripts/ensure-native.mjs')) as { TUNED_HNSWLIB: Tuned; PORTABLE_HNSWLIB: { suffix: string } };
    expect([...TUNED_CPU_FLAGS].sort()).toEqual([...TUNED_HNSWLIB.cpuFlags].sort());
    expect(TUNED_BUILD_SUFFIX).toBe(TUNED_HNSWLIB.suffix);
    expect(PORTABLE_BUILD_SUFFIX).toBe(PORTABLE_HNSWLIB.suffix);
  });

  it.runIf(process.arch === 'x64' && process.platform === 'linux')('loads the tuned build on this machine when its CPU allows it and the copy is built, else the portable patched copy', () => {
    const pkg = createRequire(import.meta.url).resolve('hnswlib-node/package.json');
    const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
    const addon = path.join(repoRoot, '.native', `hnswlib-node-${version}-${TUNED_BUILD_SUFFIX}`, 'build', 'Release', 'addon.node');
    const portable = path.join(repoRoot, '.native', `hnswlib-node-${version}-${PORTABLE_BUILD_SUFFIX}`, 'build', 'Release', 'addon.node');
    const out = run('build', path.join(tmp(), 'c.hnsw'));
    if (cpuinfoRunsTunedBuild(readFileSync('/proc/cpuinfo', 'utf8')) && existsSync(addon)) {
      expect(out.build).toBe(`addon ${addon}`);
      expect(out.float32).toEqual(out.neighbours);
    } else if (existsSync(portable)) {
      expect(out.build).toBe(`addon ${portable}`);
    } else {
      expect(out.build).toMatch(/^stock/);
    }
    expect(out.neighbours[0]![0]).toBe(0);
  });
});
