import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type HnswlibModule = typeof import('hnswlib-node');

// hnswlib-node is CommonJS that assigns its exports at run time, which Node's ESM loader cannot name statically.
const require = createRequire(import.meta.url);

/** CPU features the x86-64-v3 level (AVX2, FMA, BMI) assumes; running that build without them would crash. */
const X86_64_V3_FLAGS = ['avx', 'avx2', 'fma', 'bmi1', 'bmi2', 'f16c', 'movbe', 'abm'];

function cpuRunsX8664V3(): boolean {
  if (process.arch !== 'x64' || process.platform !== 'linux') return false;
  try {
    const flags = new Set(/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim().split(/\s+/) ?? []);
    return X86_64_V3_FLAGS.every((f) => flags.has(f));
  } catch {
    return false;
  }
}

/**
 * The hnswlib build to load. hnswlib picks its SIMD distance kernels at compile time, and hnswlib-node compiles
 * without any -march flag, so its queries use SSE only. `scripts/ensure-native.mjs hnswlib` (run on install)
 * builds a copy for x86-64-v3 (AVX2 + FMA) under .native/; it is used only on a CPU that has those features,
 * and ASSAY_HNSWLIB_BINDING may name another addon file.
 */
export function tunedAddonPath(): string | null {
  if (process.env.ASSAY_HNSWLIB_BINDING) return process.env.ASSAY_HNSWLIB_BINDING;
  const pkg = require.resolve('hnswlib-node/package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  const projectRoot = path.resolve(path.dirname(pkg), '..', '..');
  const addon = path.join(projectRoot, '.native', `hnswlib-node-${version}-x86-64-v3`, 'build', 'Release', 'addon.node');
  return existsSync(addon) && cpuRunsX8664V3() ? addon : null;
}

function loadHnswlib(): { lib: HnswlibModule; build: string } {
  const tuned = tunedAddonPath();
  if (tuned) {
    try {
      return { lib: require(tuned) as HnswlibModule, build: `addon ${tuned}` };
    } catch {
      // A stale or foreign addon file: the stock build still works.
    }
  }
  return { lib: require('hnswlib-node') as HnswlibModule, build: 'stock hnswlib-node (SSE)' };
}

const loaded = loadHnswlib();

/** Which build is in use, for benchmarks and diagnostics. */
export const HNSWLIB_BUILD = loaded.build;
export const HierarchicalNSW = loaded.lib.HierarchicalNSW;
export type HierarchicalNSW = InstanceType<HnswlibModule['HierarchicalNSW']>;
