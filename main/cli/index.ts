import { Command, CommanderError } from 'commander';
import { commands } from './commands';
import { CliError, EXIT_BAD_INPUT } from './cli-error';
import { ApiError } from '../../shared/contract/bridge';
import { WorkspaceError } from '../storage/workspace-error';

function buildProgram(): Command {
  const program = new Command('assay')
    .description('Assay: offline audits of AI systems (LLM logs, RAG grounding, safety, drift, signed reports).')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI; every failure becomes one line on stderr and an exit code (0 ok, 1 check failed, 2 bad input). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_BAD_INPUT;
    }
    if (err instanceof CliError) {
      process.stderr.write(`assay: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof WorkspaceError || err instanceof ApiError) {
      process.stderr.write(`assay: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`assay: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 70;
  }
}

// `assay ... | head` closes the pipe before the output ends: stop quietly, as Unix tools do, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode === undefined ? 0 : Number(process.exitCode));
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
