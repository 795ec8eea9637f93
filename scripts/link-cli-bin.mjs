#!/usr/bin/env node
// Links `assay` into node_modules/.bin on install, so that `npx assay` finds it among the installed bins and runs
// it at once. package.json deliberately declares no "bin" named assay: when the root package itself has a bin of
// the requested name, npm exec treats it as a package to install into its npx cache and loads the whole
// dependency tree (arborist) first, which cost about 0.85 s on every `npx assay` command (measured 1.5-1.7 s vs
// 0.7-0.8 s for `npx --no-install assay --version`).
import { chmodSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join('..', '..', 'bin', 'assay.mjs');

function linkPosix() {
  const link = path.join(binDir, 'assay');
  try {
    if (lstatSync(link).isSymbolicLink() && readlinkSync(link) === target) return;
    unlinkSync(link);
  } catch {
    // no link yet
  }
  symlinkSync(target, link);
  chmodSync(path.join(root, 'bin', 'assay.mjs'), 0o755);
}

/** npm's own shims on Windows are .cmd files that run node on the script. */
function linkWindows() {
  writeFileSync(path.join(binDir, 'assay.cmd'), `@node "%~dp0\\${target}" %*\r\n`);
}

mkdirSync(binDir, { recursive: true });
if (process.platform === 'win32') linkWindows();
else linkPosix();
