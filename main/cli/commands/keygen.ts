import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { printJson } from '../open';
import { readPassphrase } from '../passphrase';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('create report signing keys: Ed25519 for report.json (DIR/assay-report.pub.pem is the public key) and RSA + a self-signed certificate for the PDF')
    .requiredOption('--out <dir>', 'folder for the keys (private keys are encrypted with the passphrase)')
    .option('--name <cn>', 'common name in the PDF certificate', 'Assay report signer')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nThe passphrase comes from ASSAY_KEY_PASSPHRASE, or is asked on the terminal.')
    .action(async (opts: { out: string; name: string; json?: boolean }) => {
      const passphrase = await readPassphrase({ confirm: true });
      const { generateKeys, KeyError } = await import('../../reports/keys');
      try {
        const r = generateKeys(opts.out, passphrase, opts.name);
        if (opts.json) return printJson(r);
        process.stdout.write(`keys written to ${r.dir}\nkey id ${r.keyId}\npublic key ${r.files[1]}\n`);
      } catch (err) {
        if (err instanceof KeyError) throw new CliError(err.message);
        throw err;
      }
    });
}
