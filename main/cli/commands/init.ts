import type { Command } from 'commander';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a new, empty workspace folder (assay.db + indexes/)')
    .argument('<dir>', 'folder to create; must not exist or be empty')
    .option('--name <name>', 'workspace name shown in the app (default: the folder name)')
    .action(async (dir: string, opts: { name?: string }) => {
      const { createWorkspace } = await import('../../storage/workspace');
      const ws = createWorkspace(dir, { name: opts.name });
      ws.close();
      process.stdout.write(`created workspace ${ws.dir}\n`);
    });
}
