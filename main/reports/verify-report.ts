// `assay verify`: checks a report.json (with report.json.sig and report.sig.json beside it) or a report.pdf (with
// them embedded) offline, and with a workspace recomputes every number and the audit anchor. Each failure is one
// line naming what failed: signature, hash, schema, numbers, audit.
import { createPublicKey } from 'node:crypto';
import Ajv2020Module from 'ajv/dist/2020.js';
import reportSchemaJson from '../../shared/report/report-v1.schema.json';
import { jcs } from '../../shared/report/jcs';
import { verifyConsistency } from '../../shared/report/merkle';
import { ReportV1 } from '../../shared/report/report-schema';
import { auditTreeHead } from '../storage/audit-merkle';
import type { Workspace } from '../storage/workspace';
import { buildReport } from './build-report';
import { SignatureInfo, sha256Hex, verifyReportBytes } from './json-signature';
import { keyIdOf } from './keys';
import { checkPdfSignature, embeddedFiles } from './pdf/verify-pdf';
import type { SectionHandlers } from './sections/context';
import { REPORT_FILES } from './write-report';

export interface ReportFiles {
  kind: 'json' | 'pdf';
  /** report.json bytes, or the PDF's bytes for kind 'pdf'. */
  bytes: Buffer;
  signature: Buffer | null;
  signatureInfo: Buffer | null;
}

export interface VerifyCheck {
  name: 'schema' | 'hash' | 'signature' | 'pdf-signature' | 'numbers' | 'audit';
  ok: boolean;
  detail: string;
}

export interface VerifyResult {
  ok: boolean;
  kind: 'json' | 'pdf';
  reportId: string | null;
  sha256: string | null;
  keyId: string | null;
  /** False when no --pub was given: the signature then only proves the report matches the key it names. */
  keyPinned: boolean;
  pdfCertificateSha256: string | null;
  checks: VerifyCheck[];
}

type Ajv2020Ctor = new (opts: { allErrors: boolean; strict: boolean }) => {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
};
const Ajv2020 = ((Ajv2020Module as unknown as { default?: Ajv2020Ctor }).default ?? Ajv2020Module) as unknown as Ajv2020Ctor;
let validator: ReturnType<InstanceType<Ajv2020Ctor>['compile']> | null = null;

/** Validates against the published JSON Schema file, as an outside checker would. */
export function validateReportSchema(value: unknown): string[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(reportSchemaJson);
  if (validator(value)) return [];
  return (validator.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

/** Paths whose values differ between two JSON values (at most `limit`). */
export function jsonDiff(a: unknown, b: unknown, path = '$', out: string[] = [], limit = 8): string[] {
  if (out.length >= limit) return out;
  if (a === b) return out;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    out.push(`${path}: report ${JSON.stringify(a)?.slice(0, 80)}, workspace ${JSON.stringify(b)?.slice(0, 80)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: differs in kind`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: report has ${a.length} entries, workspace ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) jsonDiff(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) jsonDiff(ao[k], bo[k], `${path}.${k}`, out, limit);
  return out;
}

/** What a rebuild compares: everything but the identity of this report and the audit anchor (checked by its tree). */
function comparable(r: ReportV1): unknown {
  return {
    ...r, report_id: null, created_at: null, audit: null,
    findings: r.findings.filter((f) => f.evidence.kind !== 'audit'),
    summary: { ...r.summary, verdicts: r.summary.verdicts.filter((v) => v.id !== 'audit') },
  };
}

function checkAgainst(report: ReportV1, ws: Workspace, handlers: SectionHandlers): Promise<VerifyCheck[]> {
  const checks: VerifyCheck[] = [];
  const anchored = report.audit.length;
  const now = auditTreeHead(ws.db);
  if (now.length < anchored) {
    checks.push({ name: 'audit', ok: false, detail: `audit log shorter: the workspace holds ${now.length} entries, the report anchored ${anchored}` });
  } else if (now.tree.root(anchored) !== report.audit.merkle_root) {
    checks.push({ name: 'audit', ok: false, detail: `audit log changed: its first ${anchored} entries no longer give the anchored tree head ${report.audit.merkle_root.slice(0, 16)}…` });
  } else if (!now.chainIntact) {
    checks.push({ name: 'audit', ok: false, detail: 'audit log changed: the hash chain is broken (see `assay audit-log verify`)' });
  } else {
    checks.push({ name: 'audit', ok: true, detail: `the workspace log (${now.length} entries) starts with the ${anchored} anchored entries` });
  }
  return buildReport(ws, handlers, report.scope, { reportId: report.report_id, createdAt: report.created_at }).then(({ report: rebuilt }) => {
    const diff = jsonDiff(comparable(report), comparable(rebuilt));
    checks.push(diff.length
      ? { name: 'numbers', ok: false, detail: `numbers differ from the workspace: ${diff.join('; ')}` }
      : { name: 'numbers', ok: true, detail: 'every number recomputed from the workspace matches' });
    return checks;
  });
}

export async function verifyReport(files: ReportFiles, options: { publicKeyPem?: string; against?: { ws: Workspace; handlers: SectionHandlers } } = {}): Promise<VerifyResult> {
  const checks: VerifyCheck[] = [];
  const result: VerifyResult = { ok: false, kind: files.kind, reportId: null, sha256: null, keyId: null, keyPinned: Boolean(options.publicKeyPem), pdfCertificateSha256: null, checks };
  let json = files.bytes;
  let sig = files.signature;
  let sigInfoBytes = files.signatureInfo;
  if (files.kind === 'pdf') {
    const pdf = checkPdfSignature(files.bytes);
    result.pdfCertificateSha256 = pdf.certificateSha256;
    checks.push(pdf.ok
      ? { name: 'pdf-signature', ok: true, detail: `PDF signature valid over the whole file (certificate SHA-256 ${pdf.certificateSha256})` }
      : { name: 'pdf-signature', ok: false, detail: pdf.problems.join('; ') });
    const embedded = embeddedFiles(files.bytes);
    const inner = embedded.get(REPORT_FILES.json);
    if (!inner) {
      checks.push({ name: 'hash', ok: false, detail: 'hash: the PDF does not embed report.json' });
      return finish(result);
    }
    json = inner;
    sig = embedded.get(REPORT_FILES.sig) ?? null;
    sigInfoBytes = embedded.get(REPORT_FILES.sigInfo) ?? null;
  }
  result.sha256 = sha256Hex(json);

  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch (err) {
    checks.push({ name: 'schema', ok: false, detail: `schema: report.json is not JSON (${(err as Error).message})` });
  }
  const schemaErrors = parsed === undefined ? ['not JSON'] : validateReportSchema(parsed);
  if (parsed !== undefined) {
    checks.push(schemaErrors.length ? { name: 'schema', ok: false, detail: `schema: ${schemaErrors.join('; ')}` } : { name: 'schema', ok: true, detail: 'report.json validates against report/v1' });
    if (typeof (parsed as { report_id?: unknown }).report_id === 'string') result.reportId = (parsed as { report_id: string }).report_id;
  }

  let info: SignatureInfo | null = null;
  if (sigInfoBytes) {
    try {
      info = SignatureInfo.parse(JSON.parse(sigInfoBytes.toString('utf8')));
    } catch {
      checks.push({ name: 'signature', ok: false, detail: 'signature: report.sig.json is not a valid signature description' });
    }
  } else {
    checks.push({ name: 'signature', ok: false, detail: 'signature: report.sig.json is missing' });
  }
  if (info) {
    result.keyId = info.key_id;
    checks.push(info.sha256 === result.sha256
      ? { name: 'hash', ok: true, detail: `SHA-256 ${result.sha256} matches report.sig.json` }
      : { name: 'hash', ok: false, detail: `hash: report.json SHA-256 ${result.sha256} differs from report.sig.json (${info.sha256})` });
    if (parsed !== undefined && jcs(parsed) !== json.toString('utf8')) {
      checks.push({ name: 'hash', ok: false, detail: 'hash: report.json is not in RFC 8785 canonical form' });
    }
    const pem = options.publicKeyPem ?? info.public_key_pem;
    let keyId: string | null = null;
    try {
      keyId = keyIdOf(createPublicKey(pem));
    } catch {
      checks.push({ name: 'signature', ok: false, detail: 'signature: the public key is not a PEM public key' });
    }
    if (keyId !== null) {
      if (!sig) checks.push({ name: 'signature', ok: false, detail: 'signature: report.json.sig is missing' });
      else if (options.publicKeyPem && keyId !== info.key_id) {
        checks.push({ name: 'signature', ok: false, detail: `signature: made with key ${info.key_id.slice(0, 16)}…, not with the given public key ${keyId.slice(0, 16)}…` });
      } else if (!verifyReportBytes(json, sig, pem)) {
        checks.push({ name: 'signature', ok: false, detail: 'signature: the Ed25519 signature does not verify over report.json' });
      } else {
        checks.push({ name: 'signature', ok: true, detail: `Ed25519 signature valid (key ${keyId})${options.publicKeyPem ? '' : '; key not pinned: pass --pub to check who signed'}` });
      }
    }
  }

  const prev = parsed !== undefined && schemaErrors.length === 0 ? ReportV1.parse(parsed).audit : null;
  if (prev?.previous?.consistent) {
    const p = prev.previous;
    checks.push(verifyConsistency(p.length, prev.length, p.merkle_root, prev.merkle_root, p.consistency_proof)
      ? { name: 'audit', ok: true, detail: `RFC 9162 consistency proof: the log anchored by report ${p.report_id} (${p.length} entries) is a prefix of this one` }
      : { name: 'audit', ok: false, detail: `audit log changed: the consistency proof from report ${p.report_id} does not verify` });
  }
  if (options.against && parsed !== undefined && schemaErrors.length === 0) {
    checks.push(...(await checkAgainst(ReportV1.parse(parsed), options.against.ws, options.against.handlers)));
  }
  return finish(result);
}

function finish(result: VerifyResult): VerifyResult {
  result.ok = result.checks.length > 0 && result.checks.every((c) => c.ok);
  return result;
}
