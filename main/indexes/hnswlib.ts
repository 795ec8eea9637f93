import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type HnswlibModule = typeof import('hnswlib-node');

// hnswlib-node is CommonJS that assigns its exports at run time, which Node's ESM loader cannot name statically.
const require = createRequire(import.meta.url);

/**
 * The tuned copy is compiled with `-mavx2 -mfma` (scripts/ensure-native.mjs, TUNED_HNSWLIB), which also enables
 * SSE3..SSE4.2 and POPCNT: a CPU must list every one of these /proc/cpuinfo flags to run it, and no others are
 * needed (virtualized CPUs often hide `abm`, which the distance kernels never use).
 */
export const TUNED_BUILD_SUFFIX = 'avx2-fma';
export const TUNED_CPU_FLAGS: readonly string[] = ['pni', 'ssse3', 'sse4_1', 'sse4_2', 'popcnt', 'avx', 'avx2', 'fma'];

/** Whether `cpuinfo` (the text of /proc/cpuinfo) lists every flag the tuned build needs. */
export function cpuinfoRunsTunedBuild(cpuinfo: string): boolean {
  const flags = new Set(/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1]?.trim().split(/\s+/) ?? []);
  return TUNED_CPU_FLAGS.every((f) => flags.has(f));
}

function cpuRunsTunedBuild(): boolean {
  if (process.arch !== 'x64' || process.platform !== 'linux') return false;
  try {
    return cpuinfoRunsTunedBuild(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The hnswlib build to load. hnswlib picks its SIMD distance kernels at compile time, and hnswlib-node compiles
 * without any -march flag, so its queries use SSE only. `scripts/ensure-native.mjs hnswlib` (run on install)
 * builds an AVX2 + FMA copy under .native/; packaged apps carry it under resources/native/ (electron-builder.yml).
 * It is used only on a CPU that has those features, and ASSAY_HNSWLIB_BINDING may name another addon file.
 */
export function tunedAddonPath(): string | null {
  if (process.env.ASSAY_HNSWLIB_BINDING) return process.env.ASSAY_HNSWLIB_BINDING;
  const pkg = require.resolve('hnswlib-node/package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  const relative = path.join(`hnswlib-node-${version}-${TUNED_BUILD_SUFFIX}`, 'build', 'Release', 'addon.node');
  // Electron sets resourcesPath; in a packaged app node_modules sits inside the asar archive, so the project
  // root below would not hold .native/.
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const projectRoot = path.resolve(path.dirname(pkg), '..', '..');
  const candidates = [...(resources ? [path.join(resources, 'native', relative)] : []), path.join(projectRoot, '.native', relative)];
  const addon = candidates.find((c) => existsSync(c));
  return addon && cpuRunsTunedBuild() ? addon : null;
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

export const HierarchicalNSW = loaded.lib.HierarchicalNSW;
export type HierarchicalNSW = InstanceType<HnswlibModule['HierarchicalNSW']>;

/**
 * searchKnn for a Float32Array query, which the tuned copy adds (scripts/hnswlib-tuned-patch.mjs): the stock
 * addon reads a query from a plain array with one N-API call per element, about 45 us for 768 values.
 */
export type SearchKnnFloat32 = (query: Float32Array, k: number, filter?: (label: number) => boolean) => { distances: number[]; neighbors: number[] };

export const HNSWLIB_FLOAT32_QUERIES = typeof (HierarchicalNSW.prototype as { searchKnnFloat32?: unknown }).searchKnnFloat32 === 'function';

/** Which build is in use, for benchmarks and diagnostics. */
export const HNSWLIB_BUILD = loaded.build;
