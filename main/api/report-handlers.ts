// Reports API: preview, keys, generate and sign, list, verify. Generation and verification reuse the same code
// as `assay report` and `assay verify`; the app's key folder and passphrase vault come from main/reports/app-keys.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import { appKeyDir, reportVault } from '../reports/app-keys';
import { buildReport, resolveScope } from '../reports/build-report';
import { generateKeys, KEY_FILES, keyIdOf, KeyError, loadSigningKeys, MIN_PASSPHRASE } from '../reports/keys';
import { verifyReport, type ReportFiles } from '../reports/verify-report';
import { writeReport, ReportOutputError, REPORT_FILES } from '../reports/write-report';
import { listReports } from '../storage/reports-repo';
import type { Workspace } from '../storage/workspace';
import { createPublicKey } from 'node:crypto';
import { createDriftHandlers } from './drift-handlers';
import type { EventBus } from './event-bus';

type ReportHandlers = Pick<Handlers, 'reports.list' | 'reports.preview' | 'reports.keys' | 'reports.keygen' | 'reports.generate' | 'reports.verify'>;

function keyStatus() {
  const keyDir = appKeyDir();
  const pubFile = path.join(keyDir, KEY_FILES.publicKey);
  const exists = existsSync(pubFile) && existsSync(path.join(keyDir, KEY_FILES.privateKey)) && existsSync(path.join(keyDir, KEY_FILES.pdfP12));
  const publicKeyPem = exists ? readFileSync(pubFile, 'utf8') : null;
  // A key made before the OS vault held its passphrase (browser mode) still needs the passphrase typed.
  const vault = reportVault();
  const protection = vault.protection === 'os' && (!exists || vault.load() !== null) ? 'os' as const : 'passphrase' as const;
  return { exists, keyDir, publicKeyPem, keyId: publicKeyPem ? keyIdOf(createPublicKey(publicKeyPem)) : null, protection };
}

/** Sorts dropped files into a PDF, or report.json with its two signature files, by content more than by name. */
function sortDropped(files: { name: string; base64: string }[]): ReportFiles {
  const decoded = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }));
  const pdf = decoded.find((f) => f.bytes.subarray(0, 5).toString('latin1') === '%PDF-');
  if (pdf) return { kind: 'pdf', bytes: pdf.bytes, signature: null, signatureInfo: null };
  const isJson = (b: Buffer) => b.length > 0 && b[0] === 0x7b;
  const sigInfo = decoded.find((f) => f.name.endsWith('.sig.json') || (isJson(f.bytes) && f.bytes.includes('"alg"') && f.bytes.includes('"Ed25519"')));
  const sig = decoded.find((f) => f !== sigInfo && (f.name.endsWith('.sig') || f.bytes.length === 64));
  const report = decoded.find((f) => f !== sigInfo && f !== sig);
  if (!report) throw new ApiError('bad_request', 'drop report.pdf, or report.json together with report.json.sig and report.sig.json');
  return { kind: 'json', bytes: report.bytes, signature: sig?.bytes ?? null, signatureInfo: sigInfo?.bytes ?? null };
}

export function createReportHandlers(ws: Workspace, events: EventBus): ReportHandlers {
  const drift = createDriftHandlers(ws, events);
  const sectionHandlers = { 'drift.datasets': drift['drift.datasets'], 'metrics.dataset': drift['metrics.dataset'] };
  return {
    async 'reports.list'() {
      return listReports(ws.db).map(({ scope: _scope, auditHead: _head, ...r }) => r);
    },
    async 'reports.preview'(request) {
      const { report } = await buildReport(ws, sectionHandlers, resolveScope(ws, request), { reportId: 'preview', createdAt: new Date().toISOString() });
      return report;
    },
    async 'reports.keys'() {
      return keyStatus();
    },
    async 'reports.keygen'({ passphrase }) {
      const vault = reportVault();
      if (vault.protection === 'passphrase' && (!passphrase || passphrase.length < MIN_PASSPHRASE)) {
        throw new ApiError('bad_request', `choose a passphrase of at least ${MIN_PASSPHRASE} characters; it encrypts the signing keys and is asked at each signing`);
      }
      // With the OS keychain the passphrase is a random secret the user never sees.
      const secret = passphrase ?? randomBytes(32).toString('base64url');
      try {
        generateKeys(appKeyDir(), secret);
      } catch (err) {
        if (err instanceof KeyError) throw new ApiError('bad_request', err.message);
        throw err;
      }
      if (vault.protection === 'os') vault.store(secret);
      return keyStatus();
    },
    async 'reports.generate'({ request, format, passphrase }) {
      const secret = passphrase ?? reportVault().load();
      if (!secret) throw new ApiError('bad_request', 'the signing key passphrase is required');
      let keys;
      try {
        keys = loadSigningKeys(appKeyDir(), secret);
      } catch (err) {
        if (err instanceof KeyError) throw new ApiError('bad_request', err.message);
        throw err;
      }
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      try {
        const r = await writeReport(ws, sectionHandlers, { outDir: path.join(ws.dir, 'reports', stamp), format, keys, request });
        events.emit({ type: 'workspace.changed', reason: 'report.created' });
        return {
          reportId: r.reportId, outDir: r.outDir, files: r.files, jsonSha256: r.jsonSha256, pdfSha256: r.pdfSha256, keyId: r.keyId,
          records: r.report.summary.records, findings: r.report.findings.length,
        };
      } catch (err) {
        if (err instanceof ReportOutputError) throw new ApiError('bad_request', err.message);
        throw err;
      }
    },
    async 'reports.verify'({ files, publicKeyPem, against }) {
      const sorted = sortDropped(files);
      try {
        return await verifyReport(sorted, { publicKeyPem, against: against ? { ws, handlers: sectionHandlers } : undefined });
      } catch (err) {
        throw new ApiError('bad_request', `${REPORT_FILES.json}: cannot verify (${(err as Error).message})`);
      }
    },
  };
}
