// How the app protects the report signing key's passphrase. With Electron safeStorage backed by a real OS
// keychain (macOS Keychain, Windows DPAPI, libsecret or KWallet on Linux) the passphrase is sealed by the OS and
// the user is not asked; on Linux, safeStorage may fall back to 'basic_text' (a hard-coded key, i.e. plain text
// in disguise), which is refused: the user then types the passphrase at each signing. Pure functions over an
// injected safeStorage so they are tested without Electron.

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export type KeyProtection = { kind: 'os'; backend: string } | { kind: 'passphrase'; reason: string };

/** Linux backends that do not protect anything: the basic_text fallback, and none detected yet. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function chooseKeyProtection(platform: string, safe: SafeStorageLike | null): KeyProtection {
  if (!safe) return { kind: 'passphrase', reason: 'no OS keychain in this host (browser mode or CLI)' };
  if (!safe.isEncryptionAvailable()) return { kind: 'passphrase', reason: 'the OS keychain is not available' };
  if (platform === 'linux') {
    const backend = safe.getSelectedStorageBackend?.() ?? 'unknown';
    if (WEAK_LINUX_BACKENDS.has(backend)) return { kind: 'passphrase', reason: `safeStorage would use its ${backend} fallback, which stores secrets readably` };
    return { kind: 'os', backend };
  }
  return { kind: 'os', backend: platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : platform };
}

/** Seals a secret for storage on disk; only with OS protection. */
export function sealSecret(protection: KeyProtection, safe: SafeStorageLike, secret: string): string {
  if (protection.kind !== 'os') throw new Error(`refusing to store the key passphrase: ${protection.reason}`);
  return safe.encryptString(secret).toString('base64');
}

export function unsealSecret(protection: KeyProtection, safe: SafeStorageLike, sealed: string): string {
  if (protection.kind !== 'os') throw new Error(`cannot read the stored passphrase: ${protection.reason}`);
  return safe.decryptString(Buffer.from(sealed, 'base64'));
}
