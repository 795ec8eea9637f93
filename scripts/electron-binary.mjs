// Where the Electron binary is, or why it is not usable here (its download can fail on offline machines).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {{ path: string, version: string } | { missing: string }} */
export function electronBinary() {
  let version;
  try {
    version = require('electron/package.json').version;
  } catch {
    return { missing: 'the electron package is not installed (its binary download failed or was skipped)' };
  }
  try {
    return { path: require('electron'), version };
  } catch (err) {
    return { missing: `electron ${version} has no binary (${err.message.split('\n')[0]})` };
  }
}
