import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');

// `npx assay` starts fast only when npm exec finds `assay` among the installed bins: a root-package bin of the same
// name makes it load the whole dependency tree first (~0.85 s per command). scripts/link-cli-bin.mjs links it.
describe('npx assay resolves to the installed link', () => {
  it('package.json declares no root bin named assay', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string; scripts: Record<string, string> };
    expect(typeof pkg.bin === 'object' ? Object.keys(pkg.bin) : []).not.toContain('assay');
    expect(typeof pkg.bin).not.toBe('string');
    expect(pkg.scripts.postinstall).toContain('scripts/link-cli-bin.mjs');
  });

  it('the install linked node_modules/.bin/assay to bin/assay.mjs', () => {
    const link = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'assay.cmd' : 'assay');
    if (process.platform === 'win32') expect(readFileSync(link, 'utf8')).toContain('bin\\assay.mjs');
    else expect(realpathSync(link)).toBe(realpathSync(path.join(root, 'bin', 'assay.mjs')));
  });
});
