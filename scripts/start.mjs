#!/usr/bin/env node
// `npm start`: builds the UI, makes sure the demo workspace exists, then opens it in Electron when its binary
// is present, else serves the same UI in browser mode and prints the URL.
import { execFileSync, spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './ensure-native.mjs';

const cli = ['bin/assay.mjs'];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim();

execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
const workspace = process.env.ASSAY_WORKSPACE ?? run(process.execPath, [...cli, 'demo']).split('\n').pop();
// Say where the data lives: the user may want to open it with the CLI, back it up or delete it.
console.log(`${process.env.ASSAY_WORKSPACE ? 'workspace' : 'demo workspace'}: ${workspace}`);

const electron = electronBinary();
if ('missing' in electron) {
  console.log(`Electron is not available (${electron.missing}); serving the same UI in browser mode instead.`);
  const child = spawn(process.execPath, [...cli, 'serve', workspace], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  const binding = ensureElectronSqlite();
  const child = spawn(electron.path, ['dist/electron/main.mjs', '--workspace', workspace], {
    stdio: 'inherit', env: { ...process.env, ASSAY_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
