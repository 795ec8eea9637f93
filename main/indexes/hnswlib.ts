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

/** The portable copy of the patched sources (scripts/ensure-native.mjs, PORTABLE_HNSWLIB). */
export const PORTABLE_BUILD_SUFFIX = 'patched';

/**
 * The hnswlib build to load. hnswlib picks its SIMD distance kernels at compile time, and hnswlib-node compiles
 * without any -march flag, so its queries use SSE only. `scripts/ensure-native.mjs hnswlib` (run on install)
 * builds an AVX2 + FMA copy under .native/, used only on a CPU that has those features, and a portable copy of the
 * same patched sources (the int8 space, Float32Array queries) for other CPUs; packaged apps carry both under
 * resources/native/ (electron-builder.yml). ASSAY_HNSWLIB_BINDING may name another addon file.
 */
export function tunedAddonPath(): string | null {
  if (process.env.ASSAY_HNSWLIB_BINDING) return process.env.ASSAY_HNSWLIB_BINDING;
  const pkg = require.resolve('hnswlib-node/package.json');
  const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
  // Electron sets resourcesPath; in a packaged app node_modules sits inside the asar archive, so the project
  // root below would not hold .native/.
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const projectRoot = path.resolve(path.dirname(pkg), '..', '..');
  const find = (suffix: string) => {
    const relative = path.join(`hnswlib-node-${version}-${suffix}`, 'build', 'Release', 'addon.node');
    const candidates = [...(resources ? [path.join(resources, 'native', relative)] : []), path.join(projectRoot, '.native', relative)];
    return candidates.find((c) => existsSync(c)) ?? null;
  };
  const tuned = cpuRunsTunedBuild() ? find(TUNED_BUILD_SUFFIX) : null;
  return tuned ?? (process.arch === 'x64' && process.platform === 'linux' ? find(PORTABLE_BUILD_SUFFIX) : null);
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

/**
 * How an index stores and compares its vectors. 'cosine' is hnswlib's float32 space. 'cosine-int8' (added by the
 * tuned copy, scripts/hnswlib-tuned-patch.mjs) walks the graph on 8-bit copies of the vectors and re-ranks the
 * walk's ef candidates with exact float32 cosine distances, which it keeps next to them: about 1.25x the bytes,
 * much less memory traffic per search, and the same distances in the same order as an exact float comparison of
 * the candidates.
 */
export type HnswSpace = 'cosine' | 'cosine-int8';

/** A new, uninitialized index in `space` (hnswlib-node's typings name only its own spaces). */
export function newHnswIndex(space: HnswSpace, dimension: number): HierarchicalNSW {
  const Index = HierarchicalNSW as unknown as new (space: HnswSpace, dimension: number) => HierarchicalNSW;
  return new Index(space, dimension);
}

function buildHasSpace(space: HnswSpace): boolean {
  try {
    newHnswIndex(space, 4);
    return true;
  } catch {
    // The stock addon (or a tuned copy built before the space existed) refuses the name.
    return false;
  }
}

/** Whether the loaded build can open and build 'cosine-int8' indexes. */
export const HNSWLIB_INT8_SPACE = buildHasSpace('cosine-int8');

/** Which build is in use, for benchmarks and diagnostics. */
export const HNSWLIB_BUILD = loaded.build;
