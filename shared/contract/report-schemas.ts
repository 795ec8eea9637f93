// Reports: preview, key status and creation, generate and sign, the list of reports written from the workspace,
// and verification of a dropped report file. Spread into the API contract in api.ts.
import { z } from 'zod';
import { ReportV1, SECTION_IDS } from '../report/report-schema';

const None = z.object({}).strict().default({});

export const ReportRequest = z.object({
  assetIds: z.array(z.number().int().positive()).max(1000).optional(),
  models: z.array(z.string().min(1).max(200)).max(200).optional(),
  promptVersions: z.array(z.string().min(1).max(200)).max(200).optional(),
  from: z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'not a date').optional(),
  to: z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), 'not a date').optional(),
  sections: z.array(z.enum(SECTION_IDS)).optional(),
  includePii: z.boolean().optional(),
}).strict();
export type ReportRequest = z.infer<typeof ReportRequest>;

export const Passphrase = z.string().min(1).max(1000);

export const ReportKeyStatus = z.object({
  exists: z.boolean(),
  keyDir: z.string(),
  keyId: z.string().nullable(),
  publicKeyPem: z.string().nullable(),
  /** 'os': the passphrase is kept by the OS keychain (Electron safeStorage); 'passphrase': asked at each signing. */
  protection: z.enum(['os', 'passphrase']),
});

export const ReportListItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  outDir: z.string(),
  jsonSha256: z.string(),
  pdfSha256: z.string().nullable(),
  keyId: z.string().nullable(),
  auditLength: z.number().int(),
  merkleRoot: z.string(),
  records: z.number().int(),
  findings: z.number().int(),
});

export const GenerateRequest = z.object({
  request: ReportRequest,
  format: z.enum(['json', 'pdf', 'both']).default('both'),
  passphrase: Passphrase.optional(),
}).strict();

export const GenerateResult = z.object({
  reportId: z.string(), outDir: z.string(), files: z.array(z.string()), jsonSha256: z.string(), pdfSha256: z.string().nullable(), keyId: z.string(),
  records: z.number().int(), findings: z.number().int(),
});

/** A dropped file: at most 50 MB of base64 (a report PDF is well under 1 MB). */
const DroppedFile = z.object({ name: z.string().min(1).max(300), base64: z.string().max(70_000_000) }).strict();

export const VerifyRequest = z.object({
  files: z.array(DroppedFile).min(1).max(4),
  publicKeyPem: z.string().max(10_000).optional(),
  /** Recompute the numbers and the audit anchor from the open workspace. */
  against: z.boolean().default(false),
}).strict();

export const VerifyCheck = z.object({ name: z.enum(['schema', 'hash', 'signature', 'pdf-signature', 'numbers', 'audit']), ok: z.boolean(), detail: z.string() });
export const VerifyResult = z.object({
  ok: z.boolean(),
  kind: z.enum(['json', 'pdf']),
  reportId: z.string().nullable(),
  sha256: z.string().nullable(),
  keyId: z.string().nullable(),
  keyPinned: z.boolean(),
  pdfCertificateSha256: z.string().nullable(),
  checks: z.array(VerifyCheck),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const reportApi = {
  'reports.list': { input: None, output: z.array(ReportListItem) },
  /** The report as it would be signed now, built without writing anything. */
  'reports.preview': { input: ReportRequest, output: ReportV1 },
  'reports.keys': { input: None, output: ReportKeyStatus },
  'reports.keygen': { input: z.object({ passphrase: Passphrase.optional() }).strict(), output: ReportKeyStatus },
  'reports.generate': { input: GenerateRequest, output: GenerateResult },
  'reports.verify': { input: VerifyRequest, output: VerifyResult },
} as const;
