// Where the app keeps its report signing keys and how it gets their passphrase: a vault that either holds it
// sealed by the OS keychain (Electron sets one at start-up, see main/electron/report-key-protection.ts) or holds
// nothing, so the passphrase is asked at each signing (browser mode, or no usable keychain).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

export interface PassphraseVault {
  protection: 'os' | 'passphrase';
  load(): string | null;
  store(passphrase: string): void;
}

export const askEachTime: PassphraseVault = { protection: 'passphrase', load: () => null, store: () => undefined };

let current: PassphraseVault = askEachTime;

export function setReportVault(vault: PassphraseVault): void {
  current = vault;
}

export function reportVault(): PassphraseVault {
  return current;
}

/** ASSAY_KEY_DIR, else `report-keys` in the user's config folder: never inside a workspace, which gets shared. */
export function appKeyDir(): string {
  return process.env.ASSAY_KEY_DIR || path.join(envPaths('assay', { suffix: '' }).config, 'report-keys');
}

/** A vault file holding the passphrase as sealed by `seal` (the OS keychain); `unseal` reverses it. */
export function sealedFileVault(file: string, seal: (s: string) => string, unseal: (s: string) => string): PassphraseVault {
  return {
    protection: 'os',
    load: () => (existsSync(file) ? unseal(readFileSync(file, 'utf8').trim()) : null),
    store: (passphrase) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${seal(passphrase)}\n`, { mode: 0o600 });
    },
  };
}
