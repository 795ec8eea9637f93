import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { openForCli } from '../open';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the Assay UI for a workspace in your browser (127.0.0.1 only, per-launch token)')
    .argument('<workspace>', 'workspace folder')
    .option('--port <n>', 'port (default: a random free port)')
    .action(async (dir: string, opts: { port?: string }) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: expected a port number, got "${opts.port}"`);
      const [{ ws, handlers, events }, { rendererDist }, { startBrowserServer }] = await Promise.all([
        openForCli(dir, 'browser', 'browser'), import('../../paths'), import('../../server/server'),
      ]);
      const server = await startBrowserServer({ handlers, events, staticDir: rendererDist, port });
      process.stdout.write(`${server.url}\n`);
      const stop = () => {
        void server.close().then(() => {
          ws.close();
          process.exit(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await new Promise(() => undefined);
    });
}
