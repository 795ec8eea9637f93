// Checks a signed report PDF without a PDF library: the signature's ByteRange must cover the whole file (bytes
// appended after signing are named), the CMS messageDigest must equal the SHA-256 of the signed ranges, and the
// RSA signature over the signed attributes must verify with the certificate inside the CMS. Also reads the
// files embedded by render-report-pdf (report.json and its signature) so they can be verified in turn.
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import forge from 'node-forge';

export interface PdfSignatureCheck {
  ok: boolean;
  problems: string[];
  appendedBytes: number;
  certificateSha256: string | null;
  certificateSubject: string | null;
  signingTime: string | null;
}

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

function lastByteRange(text: string): [number, number, number, number] | null {
  const all = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = all.at(-1);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}

/** The signed attributes re-encoded as the SET they are signed as (RFC 5652 §5.4). */
function signedAttributesDer(attrs: forge.asn1.Asn1): Buffer {
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs.value as forge.asn1.Asn1[]);
  return Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
}

function attribute(attrs: forge.asn1.Asn1, oid: string): forge.asn1.Asn1 | null {
  for (const a of attrs.value as forge.asn1.Asn1[]) {
    const [type, values] = a.value as forge.asn1.Asn1[];
    if (type && forge.asn1.derToOid(type.value as string) === oid) return ((values?.value as forge.asn1.Asn1[]) ?? [])[0] ?? null;
  }
  return null;
}

export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const result: PdfSignatureCheck = { ok: false, problems: [], appendedBytes: 0, certificateSha256: null, certificateSubject: null, signingTime: null };
  const text = pdf.toString('latin1');
  const range = lastByteRange(text);
  if (!range) {
    result.problems.push('signature: the PDF carries no signature (no /ByteRange)');
    return result;
  }
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) {
    result.problems.push(`signature: /ByteRange [${range.join(' ')}] does not fit the file (${pdf.length} bytes)`);
    return result;
  }
  if (c + d < pdf.length) {
    result.appendedBytes = pdf.length - (c + d);
    result.problems.push(`signature: ${result.appendedBytes} bytes appended after the signed PDF (signature covers bytes 0-${c + d - 1} of ${pdf.length})`);
  }
  // The placeholder is zero-padded; the DER parser stops at the end of the CMS structure.
  const hex = text.slice(b, c).replace(/^</, '').replace(/>$/, '');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length === 0) {
    result.problems.push('signature: /Contents is not a hex CMS signature');
    return result;
  }
  try {
    const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const der = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    // forge accepts an options object here (its type definitions only know the older boolean form).
    const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean }) => forge.asn1.Asn1;
    const asn1 = fromDer(forge.util.createBuffer(der.toString('binary')), { strict: false, parseAllBytes: false });
    const msg = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[] } };
    const cert = msg.certificates[0];
    const signerInfo = msg.rawCapture.signerInfos[0];
    if (!cert || !signerInfo) throw new Error('no certificate or signer in the CMS');
    const x509 = new X509Certificate(forge.pki.certificateToPem(cert));
    result.certificateSha256 = x509.fingerprint256.replace(/:/g, '').toLowerCase();
    result.certificateSubject = x509.subject.replace(/\n/g, ', ');
    const parts = signerInfo.value as forge.asn1.Asn1[];
    const attrs = parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const digestAlg = parts[2] && forge.asn1.derToOid(((parts[2].value as forge.asn1.Asn1[])[0]!.value) as string);
    const sig = parts.find((p) => p.tagClass === forge.asn1.Class.UNIVERSAL && p.type === forge.asn1.Type.OCTETSTRING);
    if (!attrs || !sig) throw new Error('signer info lacks signed attributes or the signature');
    if (digestAlg !== OID_SHA256) throw new Error(`digest algorithm ${digestAlg} is not SHA-256`);
    const digest = attribute(attrs, OID_MESSAGE_DIGEST);
    const time = attribute(attrs, OID_SIGNING_TIME);
    if (time) result.signingTime = String(forge.asn1.utcTimeToDate(time.value as string).toISOString());
    const expected = createHash('sha256').update(signed).digest('hex');
    if (!digest || Buffer.from(digest.value as string, 'binary').toString('hex') !== expected) {
      result.problems.push('signature: digest mismatch: the signed bytes of the PDF were changed');
    } else if (!verifySignature('sha256', signedAttributesDer(attrs), x509.publicKey, Buffer.from(sig.value as string, 'binary'))) {
      result.problems.push('signature: the CMS signature does not verify with its certificate');
    }
  } catch (err) {
    result.problems.push(`signature: cannot read the CMS signature (${(err as Error).message})`);
  }
  result.ok = result.problems.length === 0;
  return result;
}

function objectBody(text: string, id: number): { dict: string; streamStart: number } | null {
  const head = new RegExp(`(?:^|[\\r\\n])${id} 0 obj`, 'g').exec(text);
  if (!head) return null;
  const start = head.index + head[0].length;
  // The dictionary ends where the keyword `stream` follows `>>` (a MIME subtype such as octet-stream is not it).
  const open = />>\s*stream\r?\n/g;
  open.lastIndex = start;
  const m = open.exec(text);
  const endobj = text.indexOf('endobj', start);
  if (!m || (endobj >= 0 && endobj < m.index)) return null;
  return { dict: text.slice(start, m.index), streamStart: m.index + m[0].length };
}

/** Files embedded in the PDF (from its Filespec dictionaries), by name; inflated when Flate-compressed. */
export function embeddedFiles(pdf: Buffer): Map<string, Buffer> {
  const text = pdf.toString('latin1');
  const out = new Map<string, Buffer>();
  for (const m of text.matchAll(/\/Type \/Filespec[^]*?\/F \(([^()\\]*)\)[^]*?\/EF <<\s*\/F (\d+) 0 R/g)) {
    const name = m[1]!;
    const body = objectBody(text, Number(m[2]));
    if (!body || out.has(name)) continue;
    const length = /\/Length (\d+)/.exec(body.dict);
    if (!length) continue;
    const raw = pdf.subarray(body.streamStart, body.streamStart + Number(length[1]));
    try {
      out.set(name, /\/Filter \/FlateDecode/.test(body.dict) ? inflateSync(raw) : Buffer.from(raw));
    } catch {
      // A damaged stream is reported by the caller as a missing embedded file.
    }
  }
  return out;
}
