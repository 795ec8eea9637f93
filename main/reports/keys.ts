// Report signing keys. Two keys because the two signatures have different readers: Ed25519 for the detached JSON
// signature (small, deterministic, `openssl pkeyutl -rawin` checks it) and RSA-3072 with a self-signed
// certificate in PKCS#12 for the PDF signature, since PDF readers (Poppler, Acrobat) verify CMS with RSA.
// Both private keys are stored encrypted under the passphrase; nothing is written unless everything succeeded.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export const KEY_FILES = {
  privateKey: 'assay-report.key.pem',
  publicKey: 'assay-report.pub.pem',
  pdfP12: 'assay-pdf.p12',
  pdfCert: 'assay-pdf.cert.pem',
} as const;

export const MIN_PASSPHRASE = 8;

export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyError';
  }
}

export interface SigningKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  pdfP12: Buffer;
  passphrase: string;
}

/** Key id = SHA-256 of the public key's SubjectPublicKeyInfo DER, hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

function selfSignedP12(commonName: string, passphrase: string): { p12: Buffer; certPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 30)}`;
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
  const attrs = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'Assay report signer (self-signed)' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256', friendlyName: commonName });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), certPem: forge.pki.certificateToPem(cert) };
}

export interface KeygenResult {
  dir: string;
  keyId: string;
  files: string[];
}

/** Creates both key pairs in `dir`; refuses to overwrite existing keys. Files appear only once all are made. */
export function generateKeys(dir: string, passphrase: string, commonName = 'Assay report signer'): KeygenResult {
  if (passphrase.length < MIN_PASSPHRASE) throw new KeyError(`passphrase too short: at least ${MIN_PASSPHRASE} characters`);
  const abs = path.resolve(dir);
  for (const f of Object.values(KEY_FILES)) {
    if (existsSync(path.join(abs, f))) throw new KeyError(`${path.join(abs, f)}: exists; refusing to overwrite a key (choose another --out)`);
  }
  const ed = generateKeyPairSync('ed25519');
  const privatePem = ed.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
  const publicPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const { p12, certPem } = selfSignedP12(commonName, passphrase);
  mkdirSync(abs, { recursive: true });
  const staging = path.join(abs, `.keygen-${process.pid}`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path.join(staging, KEY_FILES.privateKey), privatePem, { mode: 0o600 });
    writeFileSync(path.join(staging, KEY_FILES.pdfP12), p12, { mode: 0o600 });
    writeFileSync(path.join(staging, KEY_FILES.publicKey), publicPem);
    writeFileSync(path.join(staging, KEY_FILES.pdfCert), certPem);
    for (const f of Object.values(KEY_FILES)) renameSync(path.join(staging, f), path.join(abs, f));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { dir: abs, keyId: keyIdOf(ed.publicKey), files: Object.values(KEY_FILES).map((f) => path.join(abs, f)) };
}

function readKeyFile(dir: string, name: string): Buffer {
  const file = path.join(path.resolve(dir), name);
  if (!existsSync(file)) throw new KeyError(`${file}: missing; create keys with \`assay keygen --out ${dir}\``);
  return readFileSync(file);
}

/** Loads and decrypts both keys; a wrong passphrase is named as such, for either file. */
export function loadSigningKeys(dir: string, passphrase: string): SigningKeys {
  const pem = readKeyFile(dir, KEY_FILES.privateKey);
  const p12 = readKeyFile(dir, KEY_FILES.pdfP12);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new KeyError(`${path.join(path.resolve(dir), KEY_FILES.privateKey)}: wrong passphrase (or not an encrypted Ed25519 key)`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyError(`${KEY_FILES.privateKey}: not an Ed25519 key (${privateKey.asymmetricKeyType})`);
  try {
    forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch {
    throw new KeyError(`${path.join(path.resolve(dir), KEY_FILES.pdfP12)}: wrong passphrase (or not a PKCS#12 file)`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey), pdfP12: p12, passphrase };
}
