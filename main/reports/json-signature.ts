// The detached signature over report.json: the file is the report's RFC 8785 bytes, report.json.sig is the raw
// 64-byte Ed25519 signature over exactly those bytes, report.sig.json says how to check it.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { keyIdOf } from './keys';

export const SignatureInfo = z.object({
  alg: z.literal('Ed25519'),
  canonicalization: z.literal('RFC 8785 (JCS)'),
  file: z.string(),
  report_id: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  key_id: z.string().regex(/^[0-9a-f]{64}$/),
  public_key_pem: z.string(),
  signed_at: z.string(),
  verify_with: z.string(),
}).strict();
export type SignatureInfo = z.infer<typeof SignatureInfo>;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function signReportBytes(bytes: Buffer, reportId: string, privateKey: KeyObject, signedAt: string): { signature: Buffer; info: SignatureInfo } {
  const signature = sign(null, bytes, privateKey);
  const publicKey = createPublicKey(privateKey);
  return {
    signature,
    info: {
      alg: 'Ed25519', canonicalization: 'RFC 8785 (JCS)', file: 'report.json', report_id: reportId, sha256: sha256Hex(bytes),
      key_id: keyIdOf(publicKey), public_key_pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), signed_at: signedAt,
      verify_with: 'openssl pkeyutl -verify -pubin -inkey assay-report.pub.pem -rawin -in report.json -sigfile report.json.sig',
    },
  };
}

/** True when `signature` is a valid Ed25519 signature of `bytes` under the PEM public key. */
export function verifyReportBytes(bytes: Buffer, signature: Buffer, publicKeyPem: string): boolean {
  if (signature.length !== 64) return false;
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') return false;
  return verify(null, bytes, key, signature);
}
