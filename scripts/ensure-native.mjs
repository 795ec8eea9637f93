#!/usr/bin/env node
// better-sqlite3 is not N-API, so Electron needs its own build. We build a copy for Electron's ABI under
// .native/ and point the app at it (ASSAY_SQLITE_BINDING), leaving node_modules' build for Node: the tests and
// the Electron app then work in either order without rebuilding back and forth.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';
import { patchTunedHnswlib, TUNED_PATCH_LEVEL } from './hnswlib-tuned-patch.mjs';

const require = createRequire(import.meta.url);

/** Copies a package (without its build/ folder) to `dir`, lets `prepare` edit the copy, and rebuilds it with node-gyp. */
function rebuildCopy(source, dir, gypArgs, options, prepare = () => {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  prepare(dir);
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  execFileSync(process.execPath, [gyp, 'rebuild', '--release', ...gypArgs], { cwd: dir, ...options });
}

/** @returns {string} path of better_sqlite3.node built for the installed Electron */
export function ensureElectronSqlite() {
  const electron = electronBinary();
  if ('missing' in electron) throw new Error(electron.missing);
  const dir = path.resolve('.native', `electron-${electron.version}`, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  console.log(`building better-sqlite3 for Electron ${electron.version} (once; cached in .native/)`);
  rebuildCopy(source, dir, [`--target=${electron.version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { stdio: 'inherit' });
  return binding;
}

/**
 * Compiler flags for the tuned hnswlib copy, and the /proc/cpuinfo flags a CPU must list to run it. hnswlib's
 * distance kernels use AVX (256-bit float lanes) when __AVX__ is defined, and FMA lets the compiler fuse their
 * multiply-adds; `-mavx2 -mfma` also turns on SSE3..SSE4.2 and POPCNT, so the check lists exactly those. A wider
 * level such as -march=x86-64-v3 would add BMI/ABM/MOVBE that the kernels never use, and virtualized CPUs often
 * hide `abm` while exposing AVX2 and FMA. main/indexes/hnswlib.ts keeps its own copy of this list (it must not
 * import scripts/); test/integration/hnswlib-build.test.ts checks that both lists agree.
 */
export const TUNED_HNSWLIB = {
  suffix: 'avx2-fma',
  cxxflags: '-mavx2 -mfma -mtune=generic',
  cpuFlags: ['pni', 'ssse3', 'sse4_1', 'sse4_2', 'popcnt', 'avx', 'avx2', 'fma'],
};

/**
 * The same patched sources compiled without extra flags, for a CPU without AVX2 and FMA: it runs anywhere the
 * stock build runs and can still open and build the int8-walk indexes (scripts/hnswlib-tuned-patch.mjs), which the
 * stock build cannot, so an index built on one machine opens on another.
 */
export const PORTABLE_HNSWLIB = { suffix: 'patched', cxxflags: '' };

/**
 * hnswlib picks its SIMD distance kernels at compile time and hnswlib-node compiles without -march, so its
 * searches use SSE. Upstream hnswlib builds its Python package with -march=native; we build a copy with AVX2 and
 * FMA under .native/ (electron-builder.yml ships it as an extra resource), which main/indexes/hnswlib.ts loads only
 * on a CPU with those features, and a portable copy of the same patched sources for other CPUs. Any failure leaves
 * the stock build in use, so installs never break on it.
 * @returns {string} a one-line outcome per copy
 */
export function ensureTunedHnswlib() {
  if (process.arch !== 'x64' || process.platform !== 'linux') return `hnswlib: stock build (${process.platform}-${process.arch})`;
  return [TUNED_HNSWLIB, PORTABLE_HNSWLIB].map(ensurePatchedCopy).join('\n');
}

function ensurePatchedCopy(variant) {
  const source = path.dirname(require.resolve('hnswlib-node/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  // Keyed by version so an upgraded hnswlib-node never loads a stale copy.
  const dir = path.resolve('.native', `hnswlib-node-${version}-${variant.suffix}`);
  const addon = path.join(dir, 'build', 'Release', 'addon.node');
  const flags = variant.cxxflags || 'no extra flags';
  // A copy compiled with older source patches (scripts/hnswlib-tuned-patch.mjs) is rebuilt.
  const patchMarker = path.join(dir, 'assay-patch-level');
  const patchLevel = existsSync(patchMarker) ? readFileSync(patchMarker, 'utf8').trim() : '0';
  if (existsSync(addon) && patchLevel === String(TUNED_PATCH_LEVEL)) return `hnswlib: ${variant.suffix} build present (${addon})`;
  try {
    // Node's own headers next to the running binary (Debian's /usr/include/node) spare node-gyp a download,
    // which fails offline; they match this Node exactly, and the N-API addon also loads in Electron.
    const nodeHeaders = path.resolve(path.dirname(process.execPath), '..');
    const nodedir = existsSync(path.join(nodeHeaders, 'include', 'node', 'common.gypi')) ? [`--nodedir=${nodeHeaders}`] : [];
    rebuildCopy(source, dir, nodedir, {
      stdio: ['ignore', 'ignore', 'pipe'],
      // The copy is outside node_modules, so point it at the project's node-addon-api.
      env: { ...process.env, CXXFLAGS: `${process.env.CXXFLAGS ?? ''} ${variant.cxxflags}`, NODE_PATH: path.resolve('node_modules') },
    }, patchTunedHnswlib);
    writeFileSync(patchMarker, `${TUNED_PATCH_LEVEL}\n`);
    return `hnswlib: ${variant.suffix} copy built with ${flags} and source patch level ${TUNED_PATCH_LEVEL} (${addon})`;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const lines = String(err?.stderr ?? '').split('\n');
    const stderr = (lines.find((l) => /Error:|error:/.test(l)) ?? lines.filter((l) => l.includes('ERR!')).at(-1) ?? '').trim();
    return `hnswlib: ${variant.suffix} build failed, ${variant === TUNED_HNSWLIB ? 'the portable or stock build' : 'the stock build'} stays in use (${stderr || (err instanceof Error ? err.message.split('\n')[0] : String(err))})`;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? 'electron';
  if (target === 'hnswlib') console.log(ensureTunedHnswlib());
  else if (target !== 'electron') console.log('node_modules already holds the Node build; nothing to do');
  else console.log(ensureElectronSqlite());
}
