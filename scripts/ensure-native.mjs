#!/usr/bin/env node
// better-sqlite3 is not N-API, so Electron needs its own build. We build a copy for Electron's ABI under
// .native/ and point the app at it (ASSAY_SQLITE_BINDING), leaving node_modules' build for Node: the tests and
// the Electron app then work in either order without rebuilding back and forth.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

/** Copies a package (without its build/ folder) to `dir` and rebuilds it there with node-gyp. */
function rebuildCopy(source, dir, gypArgs, options) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
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
 * hnswlib picks its SIMD distance kernels at compile time and hnswlib-node compiles without -march, so its
 * searches use SSE. Upstream hnswlib builds its Python package with -march=native; we build a copy for
 * x86-64-v3 (AVX2 + FMA, every x86 CPU since about 2015) under .native/, which main/indexes/hnswlib.ts loads only
 * on a CPU with those features. Any failure leaves the stock build in use, so installs never break on it.
 * @returns {string} a one-line outcome
 */
export function ensureTunedHnswlib() {
  if (process.arch !== 'x64' || process.platform !== 'linux') return `hnswlib: stock build (${process.platform}-${process.arch})`;
  const source = path.dirname(require.resolve('hnswlib-node/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8'));
  // Keyed by version so an upgraded hnswlib-node never loads a stale copy.
  const dir = path.resolve('.native', `hnswlib-node-${version}-x86-64-v3`);
  const addon = path.join(dir, 'build', 'Release', 'addon.node');
  if (existsSync(addon)) return `hnswlib: x86-64-v3 build present (${addon})`;
  try {
    const flags = '-march=x86-64-v3 -mtune=generic';
    rebuildCopy(source, dir, [], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // The copy is outside node_modules, so point it at the project's node-addon-api.
      env: { ...process.env, CXXFLAGS: `${process.env.CXXFLAGS ?? ''} ${flags}`, NODE_PATH: path.resolve('node_modules') },
    });
    return `hnswlib: built for x86-64-v3 (${addon})`;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const lines = String(err?.stderr ?? '').split('\n');
    const stderr = (lines.find((l) => /Error:|error:/.test(l)) ?? lines.filter((l) => l.includes('ERR!')).at(-1) ?? '').trim();
    return `hnswlib: x86-64-v3 build failed, the stock build stays in use (${stderr || (err instanceof Error ? err.message.split('\n')[0] : String(err))})`;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? 'electron';
  if (target === 'hnswlib') console.log(ensureTunedHnswlib());
  else if (target !== 'electron') console.log('node_modules already holds the Node build; nothing to do');
  else console.log(ensureElectronSqlite());
}
