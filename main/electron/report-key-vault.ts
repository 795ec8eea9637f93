// Installs the OS-keychain vault for the report signing key's passphrase when safeStorage has a real backend
// (report-key-protection.ts decides; basic_text is refused). Otherwise the app asks for the passphrase at signing.
import path from 'node:path';
import { safeStorage } from 'electron';
import { appKeyDir, sealedFileVault, setReportVault } from '../reports/app-keys';
import { chooseKeyProtection, sealSecret, unsealSecret } from './report-key-protection';

/** Call once the app is ready (safeStorage answers only then). */
export function installReportKeyVault(): void {
  const protection = chooseKeyProtection(process.platform, safeStorage);
  if (protection.kind !== 'os') return;
  setReportVault(sealedFileVault(path.join(appKeyDir(), 'passphrase.sealed'),
    (secret) => sealSecret(protection, safeStorage, secret), (sealed) => unsealSecret(protection, safeStorage, sealed)));
}
