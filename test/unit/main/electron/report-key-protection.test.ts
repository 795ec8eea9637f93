import { describe, expect, it } from 'vitest';
import { chooseKeyProtection, sealSecret, unsealSecret, type SafeStorageLike } from '../../../../main/electron/report-key-protection';

function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike {
  // A reversible transform stands in for the OS keychain; what matters is which path the functions choose.
  return {
    isEncryptionAvailable: () => available,
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: (s) => Buffer.from(`sealed:${s}`).reverse(),
    decryptString: (b) => Buffer.from(b).reverse().toString().replace(/^sealed:/, ''),
  };
}

describe('report key protection', () => {
  it('uses the OS keychain where safeStorage has a real backend', () => {
    expect(chooseKeyProtection('darwin', fakeSafeStorage(true))).toEqual({ kind: 'os', backend: 'keychain' });
    expect(chooseKeyProtection('win32', fakeSafeStorage(true))).toEqual({ kind: 'os', backend: 'dpapi' });
    expect(chooseKeyProtection('linux', fakeSafeStorage(true, 'gnome_libsecret'))).toEqual({ kind: 'os', backend: 'gnome_libsecret' });
  });

  it('never uses the basic_text fallback on Linux, nor an undetected backend', () => {
    expect(chooseKeyProtection('linux', fakeSafeStorage(true, 'basic_text'))).toMatchObject({ kind: 'passphrase', reason: expect.stringMatching(/basic_text/) });
    expect(chooseKeyProtection('linux', fakeSafeStorage(true, 'unknown')).kind).toBe('passphrase');
    expect(chooseKeyProtection('linux', fakeSafeStorage(true)).kind).toBe('passphrase');
  });

  it('falls back to a passphrase without a keychain or outside Electron', () => {
    expect(chooseKeyProtection('darwin', fakeSafeStorage(false)).kind).toBe('passphrase');
    expect(chooseKeyProtection('linux', null).kind).toBe('passphrase');
  });

  it('seals and unseals only under OS protection', () => {
    const safe = fakeSafeStorage(true, 'kwallet5');
    const os = chooseKeyProtection('linux', safe);
    const sealed = sealSecret(os, safe, 'correct horse');
    expect(sealed).not.toContain('correct horse');
    expect(unsealSecret(os, safe, sealed)).toBe('correct horse');
    const weak = chooseKeyProtection('linux', fakeSafeStorage(true, 'basic_text'));
    expect(() => sealSecret(weak, safe, 'x')).toThrow(/refusing to store/);
    expect(() => unsealSecret(weak, safe, sealed)).toThrow(/cannot read/);
  });
});
