#!/usr/bin/env node
// better-sqlite3 is not N-API, so Electron needs its own build. We build a copy for Electron's ABI under
// .native/ and point the app at it (ASSAY_SQLITE_BINDING), leaving node_modules' build for Node: the tests and
// the Electron app then work in either order without rebuilding back and forth.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const require = createRequire(import.meta.url);

/** @returns {string} path of better_sqlite3.node built for the installed Electron */
export function ensureElectronSqlite() {
  const electron = electronBinary();
  if ('missing' in electron) throw new Error(electron.missing);
  const dir = path.resolve('.native', `electron-${electron.version}`, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  console.log(`building better-sqlite3 for Electron ${electron.version} (once; cached in .native/)`);
  execFileSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electron.version}`, '--runtime=electron',
    '--dist-url=https://electronjs.org/headers'], { cwd: dir, stdio: 'inherit' });
  return binding;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2] ?? 'electron';
  if (target !== 'electron') {
    console.log('node_modules already holds the Node build; nothing to do');
  } else {
    console.log(ensureElectronSqlite());
  }
}
