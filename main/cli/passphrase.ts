// The key passphrase: ASSAY_KEY_PASSPHRASE, else asked on the terminal without echo. With neither (CI, a pipe),
// the command stops before writing anything.
import { CliError } from './cli-error';

export const PASSPHRASE_ENV = 'ASSAY_KEY_PASSPHRASE';

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new CliError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readPassphrase(options: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new CliError(`no key passphrase: set ${PASSPHRASE_ENV} or run in a terminal to be asked`);
  const first = await askHidden('key passphrase: ');
  if (!first) throw new CliError('no key passphrase given');
  if (options.confirm && (await askHidden('repeat passphrase: ')) !== first) throw new CliError('the passphrases differ; nothing written');
  return first;
}
