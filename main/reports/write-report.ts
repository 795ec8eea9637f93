// Generates, signs and writes a report: report.json (RFC 8785 bytes), report.json.sig, report.sig.json and the
// signed report.pdf, then records it in the workspace (reports table + audit entry, one transaction). Files are
// staged and renamed into place only once every one of them was produced.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jcs } from '../../shared/report/jcs';
import type { ReportV1 } from '../../shared/report/report-schema';
import { insertReport } from '../storage/reports-repo';
import type { Workspace } from '../storage/workspace';
import { buildReport, resolveScope, type ReportRequest } from './build-report';
import { sha256Hex, signReportBytes } from './json-signature';
import type { SigningKeys } from './keys';
import { renderReportPdf } from './pdf/render-report-pdf';
import { signPdf } from './pdf/sign-pdf';
import type { SectionHandlers } from './sections/context';

export type ReportFormat = 'json' | 'pdf' | 'both';

export const REPORT_FILES = { json: 'report.json', sig: 'report.json.sig', sigInfo: 'report.sig.json', pdf: 'report.pdf' } as const;

export interface WrittenReport {
  reportId: string;
  outDir: string;
  files: string[];
  jsonSha256: string;
  pdfSha256: string | null;
  keyId: string;
  report: ReportV1;
  timingsMs: Record<string, number>;
}

export class ReportOutputError extends Error {}

export async function writeReport(ws: Workspace, handlers: SectionHandlers, options: {
  outDir: string; format: ReportFormat; keys: SigningKeys; request: ReportRequest; now?: Date;
}): Promise<WrittenReport> {
  const t0 = performance.now();
  const timingsMs: Record<string, number> = {};
  const lap = (name: string, since: number) => (timingsMs[name] = Math.round(performance.now() - since));
  const outDir = path.resolve(options.outDir);
  const names = options.format === 'pdf' ? [REPORT_FILES.pdf] : options.format === 'json'
    ? [REPORT_FILES.json, REPORT_FILES.sig, REPORT_FILES.sigInfo] : Object.values(REPORT_FILES);
  for (const n of names) if (existsSync(path.join(outDir, n))) throw new ReportOutputError(`${path.join(outDir, n)}: exists; choose an empty --out folder`);

  const now = options.now ?? new Date();
  const scope = resolveScope(ws, options.request);
  const { report } = await buildReport(ws, handlers, scope, { reportId: randomUUID(), createdAt: now.toISOString() });
  lap('build', t0);
  const bytes = Buffer.from(jcs(report), 'utf8');
  const { signature, info } = signReportBytes(bytes, report.report_id, options.keys.privateKey, now.toISOString());
  const contents = new Map<string, Buffer>([
    [REPORT_FILES.json, bytes], [REPORT_FILES.sig, signature], [REPORT_FILES.sigInfo, Buffer.from(`${JSON.stringify(info, null, 2)}\n`)],
  ]);
  let pdfSha256: string | null = null;
  if (options.format !== 'json') {
    const t1 = performance.now();
    const pdf = await renderReportPdf({ report, reportBytes: bytes, reportSha256: info.sha256, signature, signatureInfo: info });
    lap('pdf', t1);
    const t2 = performance.now();
    const signed = await signPdf(pdf, options.keys.pdfP12, options.keys.passphrase, now, report.report_id);
    lap('pdfSign', t2);
    pdfSha256 = sha256Hex(signed);
    contents.set(REPORT_FILES.pdf, signed);
  }

  mkdirSync(outDir, { recursive: true });
  const staging = path.join(outDir, `.report-${report.report_id}`);
  mkdirSync(staging);
  try {
    for (const n of names) writeFileSync(path.join(staging, n), contents.get(n)!);
    for (const n of names) renameSync(path.join(staging, n), path.join(outDir, n));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  ws.mutate('report.created', (db) => insertReport(db, {
    id: report.report_id, createdAt: report.created_at, outDir, jsonSha256: info.sha256, pdfSha256, keyId: info.key_id,
    auditLength: report.audit.length, auditHead: report.audit.head_hash, merkleRoot: report.audit.merkle_root,
    records: report.summary.records, findings: report.findings.length, scope: JSON.stringify(report.scope),
  }), () => ({
    reportId: report.report_id, sha256: info.sha256, pdfSha256, keyId: info.key_id, outDir,
    audit: { length: report.audit.length, headHash: report.audit.head_hash, merkleRoot: report.audit.merkle_root },
  }));
  lap('total', t0);
  return { reportId: report.report_id, outDir, files: names.map((n) => path.join(outDir, n)), jsonSha256: info.sha256, pdfSha256, keyId: info.key_id, report, timingsMs };
}
