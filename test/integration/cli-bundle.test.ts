// The CLI runs from an esbuild bundle that bin/assay.mjs keeps in step with the sources. Checked on a small
// stand-in project (the real bin/ and build scripts, a tiny main/cli/index.ts) so the test can edit "sources".
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli';

let root: string;

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** A CLI that prints a version marker, the file it runs from, and the migrations it would see at run time. */
function writeCli(marker: string): void {
  // The migrations are listed by a module loaded lazily, as main/storage does: in the bundle it is a separate chunk.
  write('main/storage/list-migrations.ts', `import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export const listMigrations = (): string[] => readdirSync(fileURLToPath(new URL('./migrations/', import.meta.url))).sort();
`);
  write('main/cli/index.ts', `const { listMigrations } = await import('../storage/list-migrations');
if (process.argv[2] === 'lazy') await import('./lazy');
process.stdout.write(JSON.stringify({ marker: ${JSON.stringify(marker)}, from: import.meta.url, migrations: listMigrations() }));
`);
}

function run(args: string[] = [], env: Record<string, string> = {}): { marker: string; from: string; migrations: string[] } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'assay.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { marker: string; from: string; migrations: string[] };
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'assay-cli-bundle-'));
  for (const rel of ['bin/assay.mjs', 'scripts/build-cli.mjs', 'scripts/bundle-targets.mjs', 'main/workers/worker-boot.mjs', 'tsconfig.json']) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    cpSync(path.join(repoRoot, rel), path.join(root, rel));
  }
  write('package.json', '{ "name": "stand-in", "type": "module" }\n');
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  write('main/storage/migrations/0001_init.sql', 'select 1;\n');
  write('main/cli/lazy.ts', 'export const x = 1;\n');
  writeCli('v1');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bin/assay.mjs', () => {
  it('runs the bundle, and rebuilds it when a source file changes', () => {
    const first = run();
    expect(first.marker).toBe('v1');
    expect(first.from).toMatch(/\/dist\/cli\/b-[^/]+\/assay\.js$/);
    expect(run().from).toBe(first.from); // unchanged sources: the same build

    writeCli('v2');
    const second = run();
    expect(second.marker).toBe('v2');
    expect(second.from).not.toBe(first.from);
  });

  it('notices a source restored to an older version (a changed mtime, not only a newer one)', () => {
    run();
    const file = path.join(root, 'main/cli/index.ts');
    writeCli('v0');
    utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(run().marker).toBe('v0');
  });

  it('picks up a file added to a folder read at run time (migrations)', () => {
    expect(run().migrations).toEqual(['0001_init.sql']);
    write('main/storage/migrations/0002_more.sql', 'select 2;\n');
    expect(run().migrations).toEqual(['0001_init.sql', '0002_more.sql']);
  });

  it('runs from source when a file does not compile, so commands that do not load it still work', () => {
    run();
    write('main/cli/lazy.ts', 'export const x = ;\n');
    writeCli('v3');
    const r = run();
    expect(r.marker).toBe('v3');
    expect(r.from).toMatch(/\/main\/cli\/index\.ts$/);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/cli/current.json'), 'utf8'))).toHaveProperty('failed');
    // Fixed: back on a bundle.
    write('main/cli/lazy.ts', 'export const x = 1;\n');
    expect(run(['lazy']).from).toMatch(/\/dist\/cli\/b-/);
  });

  it('builds once when several commands start together after a change', async () => {
    run();
    writeCli('v4');
    const outs = await Promise.all([0, 1, 2].map(() => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'bin', 'assay.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
    })));
    const froms = outs.map((o) => JSON.parse(o) as { marker: string; from: string });
    expect(froms.map((f) => f.marker)).toEqual(['v4', 'v4', 'v4']);
    expect(new Set(froms.map((f) => f.from)).size).toBe(1);
  });

  it('ASSAY_CLI_FROM_SOURCE=1 runs the TypeScript sources', () => {
    expect(run([], { ASSAY_CLI_FROM_SOURCE: '1' }).from).toMatch(/\/main\/cli\/index\.ts$/);
  });
});
