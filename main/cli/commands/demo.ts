import path from 'node:path';
import type { Command } from 'commander';
import envPaths from 'env-paths';

export function defaultDemoDir(): string {
  return path.join(envPaths('assay', { suffix: '' }).data, 'demo');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build the demo workspace (seeded, deterministic) and print its path')
    .option('--out <dir>', 'where to build it (default: the user data folder)')
    .option('--force', 'rebuild an existing demo workspace')
    .action(async (opts: { out?: string; force?: boolean }) => {
      // Loaded on use: the generator is large and other commands should not pay for it.
      const { buildDemoWorkspace } = await import('../../demo/build-demo-workspace');
      const result = await buildDemoWorkspace(opts.out ?? defaultDemoDir(), { force: opts.force });
      if (result.reused) process.stderr.write('demo workspace already built; reusing it (--force rebuilds)\n');
      process.stdout.write(`${result.dir}\n`);
    });
}
