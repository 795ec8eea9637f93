// The PDF for people, drawn from the report object alone (every number in it is in report.json): cover, executive
// summary, KPIs and charts, metrics, drift, quality, review, comparisons, findings, methods, sample evidence and an
// appendix with every hash and the verification steps. PDF/A-3b with report.json and its signature embedded as
// associated files, fonts embedded.
import PDFDocument from 'pdfkit';
import { FLAG_RULES } from '../../../shared/report/findings';
import { ciText, percent } from '../../../shared/report/rates';
import type { Control, ReportV1 } from '../../../shared/report/report-schema';
import type { SignatureInfo } from '../json-signature';
import { kpiTiles, rateBars } from './charts';
import { COLORS, contentWidth, heading, keyValues, MARGIN, noData, paragraph, registerFonts, table, type Doc } from './layout';

export interface PdfInputs {
  report: ReportV1;
  reportBytes: Buffer;
  reportSha256: string;
  signature: Buffer | null;
  signatureInfo: SignatureInfo | null;
}

const controlsText = (cs: Control[]) => cs.map((c) => `${c.framework} ${c.ref}`).join('; ');
const n = (x: number | null, digits = 4) => (x === null ? 'n/a' : String(Number(x.toFixed(digits))));

function cover(doc: Doc, r: ReportV1, sha: string): void {
  doc.font('bold').fontSize(24).fillColor(COLORS.accent).text('AI system audit report', MARGIN, 140, { width: contentWidth(doc) });
  doc.moveDown(0.5).font('regular').fontSize(14).fillColor(COLORS.text).text(r.workspace.name, { width: contentWidth(doc) });
  doc.moveDown(2);
  const period = `${r.scope.from ?? 'first record'} to ${r.scope.to ?? 'last record'}`;
  keyValues(doc, [
    ['Report id', r.report_id],
    ['Created', r.created_at],
    ['Period', period],
    ['Records in scope', String(r.summary.records)],
    ['Generator', `${r.generator.name} ${r.generator.version}`],
    ['Report schema', r.schema],
  ]);
  doc.moveDown(1);
  keyValues(doc, [['report.json SHA-256', sha], ['Audit tree head', r.audit.merkle_root]], { mono: true });
  doc.moveDown(2);
  paragraph(doc, 'This document is generated from report.json, which is embedded in it together with its detached Ed25519 signature. '
    + 'The PDF itself carries a PDF signature over the whole file. The appendix explains how to check both offline.', { color: COLORS.muted });
}

function executiveSummary(doc: Doc, r: ReportV1): void {
  heading(doc, 'Executive summary');
  const s = r.summary;
  paragraph(doc, `Records in scope: ${s.records}. Analysed: ${s.scored}. Flag rates are shares of analysed records with 95% Wilson intervals.`);
  const f = s.flags;
  kpiTiles(doc, [
    { label: 'Records in scope', value: String(s.records), sub: `${s.scored} analysed` },
    { label: 'Hallucination', value: percent(f.hallucination), sub: ciText(f.hallucination) },
    { label: 'PII in outputs', value: percent(f.pii), sub: ciText(f.pii) },
    { label: 'Prompt injection', value: percent(f.injection), sub: ciText(f.injection) },
    { label: 'Toxicity', value: percent(f.toxic), sub: ciText(f.toxic) },
  ]);
  table(doc, [{ header: 'Question', width: 0.42 }, { header: 'Verdict', width: 0.14 }, { header: 'Basis', width: 0.44 }],
    s.verdicts.map((v) => [v.label, v.status.replace('_', ' ').toUpperCase(), v.detail]));
  rateBars(doc, 'Flag rates (bars) with 95% intervals (whiskers)', [...FLAG_RULES.map((rule) => ({ label: rule.flag, stat: f[rule.flag] })), { label: 'any flag', stat: f.any }]);
  const high = r.findings.filter((x) => x.severity === 'high');
  paragraph(doc, high.length ? `High-severity findings: ${high.map((x) => x.title).join('; ')}.` : 'No high-severity findings.', { font: 'bold' });
  paragraph(doc, `Tokens: ${s.tokens_in} in, ${s.tokens_out} out; cost ${s.cost ?? 'not recorded'}. ${r.pii.note}`, { color: COLORS.muted });
}

function metrics(doc: Doc, r: ReportV1): void {
  heading(doc, 'Metrics by model and prompt version');
  const m = r.metrics;
  if (m.status !== 'ok') return noData(doc, m.note);
  for (const [title, groups] of [['By model', m.by_model], ['By prompt version', m.by_prompt_version]] as const) {
    heading(doc, title, 2);
    table(doc, [
      { header: 'value', width: 0.2 }, { header: 'records', width: 0.1, align: 'right' }, { header: 'analysed', width: 0.1, align: 'right' },
      { header: 'hallucination', width: 0.15, align: 'right' }, { header: 'PII', width: 0.15, align: 'right' }, { header: 'injection', width: 0.15, align: 'right' },
      { header: 'grounding mean', width: 0.15, align: 'right' },
    ], groups.map((g) => [g.value ?? '(none)', String(g.records), String(g.scored), percent(g.flags.hallucination), percent(g.flags.pii), percent(g.flags.injection), n(g.grounding_mean, 3)]));
    if (groups.length > 1 && groups.length <= 12) rateBars(doc, `Hallucination rate ${title.toLowerCase()}`, groups.map((g) => ({ label: g.value ?? '(none)', stat: g.flags.hallucination })));
  }
  paragraph(doc, `Controls: ${controlsText(m.controls)}`, { color: COLORS.muted, size: 8 });
}

/** Kept on its own page region and labelled: these rates are from the imported profile, not the workspace's records. */
function population(doc: Doc, r: ReportV1): void {
  const p = r.population;
  if (!p) return;
  heading(doc, 'Population profile');
  paragraph(doc, `These figures are ${p.label}, taken from ${p.basis}. They come from an imported profile of a run over every record, `
    + 'not from the records in this workspace, and are kept apart from the figures above.');
  keyValues(doc, [
    ['Profile SHA-256', p.profile.sha256],
    ['Import', `${p.profile.import_id} at ${p.profile.imported_at}`],
    ['Records / partitions', `${p.profile.records} / ${p.profile.partitions}`],
    ['Analyzers', p.profile.analyzers.map((a) => `${a.id} ${a.version}`).join(', ') || 'none'],
  ], { mono: true });
  const rate = (s: ReportV1['summary']['flags']['pii']) => `${percent(s)} (${s.count})`;
  table(doc, [
    { header: 'population group', width: 0.28 }, { header: 'records', width: 0.12, align: 'right' }, { header: 'hallucination', width: 0.15, align: 'right' },
    { header: 'toxic', width: 0.15, align: 'right' }, { header: 'injection', width: 0.15, align: 'right' }, { header: 'PII', width: 0.15, align: 'right' },
  ], [
    ['all records', String(p.profile.records), rate(p.flags.hallucination), rate(p.flags.toxic), rate(p.flags.injection), rate(p.flags.pii)],
    ...p.groups.map((g) => [`${g.dimension} = ${g.value ?? '(none)'}`, String(g.records), rate(g.flags.hallucination), rate(g.flags.toxic), rate(g.flags.injection), rate(g.flags.pii)]),
  ]);
  paragraph(doc, `Overall 95% Wilson intervals: ${(['hallucination', 'toxic', 'injection', 'pii'] as const).map((f) => `${f} ${ciText(p.flags[f]) || 'n/a'}`).join('; ')}.`, { color: COLORS.muted, size: 8 });
}

function drift(doc: Doc, r: ReportV1): void {
  heading(doc, 'Data drift');
  const d = r.drift;
  if (d.status !== 'ok') return noData(doc, d.note);
  paragraph(doc, `Reference ${d.reference?.name} v${d.reference?.version} against current ${d.current?.name} v${d.current?.version}: `
    + `${d.columns.filter((c) => c.drifted).length} of ${d.columns.length} columns drifted (share ${n(d.share_drifted, 3)}); dataset drift: ${d.dataset_drifted ? 'yes' : 'no'}.`);
  table(doc, [{ header: 'column', width: 0.3 }, { header: 'test', width: 0.2 }, { header: 'statistic', width: 0.17, align: 'right' }, { header: 'p-value', width: 0.17, align: 'right' }, { header: 'drifted', width: 0.16 }],
    d.columns.map((c) => [c.name, c.test, n(c.statistic), n(c.p_value), c.drifted ? 'DRIFT' : 'no']));
  paragraph(doc, `Controls: ${controlsText(d.controls)}`, { color: COLORS.muted, size: 8 });
}

function quality(doc: Doc, r: ReportV1): void {
  heading(doc, 'Model quality');
  const q = r.model_quality;
  if (q.status !== 'ok') return noData(doc, q.note);
  paragraph(doc, `${q.asset?.name} v${q.asset?.version}, ${q.task}, ${q.rows} rows.${q.note ? ` ${q.note}` : ''}`);
  table(doc, [{ header: 'metric', width: 0.5 }, { header: 'value', width: 0.5, align: 'right' }], Object.entries(q.metrics).map(([k, v]) => [k, n(v)]));
  paragraph(doc, `Controls: ${controlsText(q.controls)}`, { color: COLORS.muted, size: 8 });
}

type Row = Record<string, unknown>;
const rowsOf = (data: unknown, key: string): Row[] => {
  const list = data && typeof data === 'object' ? (data as Row)[key] : undefined;
  return Array.isArray(list) ? (list.filter((x) => x && typeof x === 'object') as Row[]) : [];
};
const cell = (v: unknown, digits = 4) => (typeof v === 'number' ? n(v, digits) : v === null || v === undefined ? 'n/a' : String(v));
const pctCell = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : 'n/a');

function review(doc: Doc, s: ReportV1['review']): void {
  heading(doc, 'Human review');
  if (s.status !== 'ok') return noData(doc, s.note);
  if (s.note) paragraph(doc, s.note);
  const queues = rowsOf(s.data, 'queues');
  table(doc, [
    { header: 'queue', width: 0.16 }, { header: 'design', width: 0.16 }, { header: 'reviewed', width: 0.12, align: 'right' },
    { header: 'deviations', width: 0.1, align: 'right' }, { header: 'upper limit', width: 0.12, align: 'right' }, { header: 'tolerable', width: 0.1, align: 'right' },
    { header: 'kappa', width: 0.08, align: 'right' }, { header: 'alpha', width: 0.08, align: 'right' }, { header: 'within', width: 0.08 },
  ], queues.map((q) => [cell(q.queue), `${cell(q.method)}, seed ${cell(q.seed)}, population ${cell(q.population)}`, `${cell(q.reviewed)} of ${cell(q.n)}`,
    cell(q.deviations), pctCell(q.upper_limit), pctCell(q.tolerable), cell(q.kappa, 3), cell(q.alpha, 3), q.below_tolerable ? 'yes' : 'NO']));
  for (const q of queues) {
    paragraph(doc, `${cell(q.queue)}: ${cell(q.conclusion)} Population hash ${cell(q.population_sha256)}.`, { size: 8.5 });
    const acc = rowsOf(q, 'analyzers');
    if (acc.length) {
      table(doc, [{ header: `analyzer flag vs reviewers (${cell(q.queue)})`, width: 0.4 }, { header: 'precision', width: 0.2, align: 'right' },
        { header: 'recall', width: 0.2, align: 'right' }, { header: 'tp / fp / fn', width: 0.2, align: 'right' }],
      acc.map((a) => [cell(a.flag), cell(a.precision, 3), cell(a.recall, 3), `${cell(a.tp)} / ${cell(a.fp)} / ${cell(a.fn)}`]));
    }
  }
  paragraph(doc, `Controls: ${controlsText(s.controls)}`, { color: COLORS.muted, size: 8 });
}

function comparisons(doc: Doc, s: ReportV1['comparisons']): void {
  heading(doc, 'Comparisons and gates');
  if (s.status !== 'ok') return noData(doc, s.note);
  if (s.note) paragraph(doc, s.note);
  const run = s.data && typeof s.data === 'object' ? ((s.data as Row).latest_gate_run as Row | null) : null;
  if (run) {
    paragraph(doc, `Gate run ${cell(run.id)} at ${cell(run.created_at)}: ${run.passed ? 'PASSED' : 'FAILED'}; policy SHA-256 ${cell(run.policy_sha256)}.`, { size: 8.5 });
    table(doc, [{ header: 'gate', width: 0.22 }, { header: 'metric', width: 0.2 }, { header: 'value', width: 0.12, align: 'right' },
      { header: 'threshold', width: 0.14, align: 'right' }, { header: 'result', width: 0.1 }, { header: 'detail', width: 0.22 }],
    rowsOf(run, 'gates').map((g) => [cell(g.name), cell(g.metric), cell(g.value), `${cell(g.op)} ${cell(g.threshold)}`, g.passed ? 'pass' : 'FAIL', cell(g.detail)]));
  }
  const stored = rowsOf(s.data, 'comparisons');
  if (stored.length) {
    table(doc, [{ header: 'comparison', width: 0.35 }, { header: 'created', width: 0.25 }, { header: 'result sha256', width: 0.4 }],
      stored.map((c) => [`${cell(c.id)}: ${cell(c.by)} ${cell(c.a)} vs ${cell(c.b)}`, cell(c.created_at), cell(c.result_sha256)]));
  }
  paragraph(doc, `Controls: ${controlsText(s.controls)}`, { color: COLORS.muted, size: 8 });
}

function findings(doc: Doc, r: ReportV1): void {
  heading(doc, 'Findings');
  if (r.findings.length === 0) return noData(doc, 'no findings');
  for (const f of r.findings) {
    doc.font('bold').fontSize(10);
    const color = f.severity === 'high' ? COLORS.fail : f.severity === 'medium' ? COLORS.attention : COLORS.muted;
    paragraph(doc, `[${f.severity.toUpperCase()}] ${f.title}`, { font: 'bold', color, size: 10 });
    paragraph(doc, f.detail);
    paragraph(doc, `Evidence (${f.evidence.section}): ${f.evidence.summary}${f.evidence.record_ids.length ? `; records ${f.evidence.record_ids.join(', ')}` : ''}`, { size: 8.5 });
    paragraph(doc, `Controls: ${controlsText(f.controls)}`, { color: COLORS.muted, size: 8 });
    doc.moveDown(0.4);
  }
}

function methods(doc: Doc, r: ReportV1): void {
  heading(doc, 'Methods');
  paragraph(doc, 'Every score comes from an analyzer that runs offline without an LLM judge. Each is named with its version and the SHA-256 of its parameters; '
    + 'accuracy figures are the analyzer\'s measured dev-set results. Flag rates carry 95% Wilson score intervals. '
    + `Severity: a flag finding is high from ${FLAG_RULES.map((x) => `${x.flag} ${(x.high * 100).toFixed(0)}%`).join(', ')}, medium below.`);
  if (r.methods.length === 0) return noData(doc, 'no analysis results in scope');
  for (const m of r.methods) {
    heading(doc, `${m.analyzer_id} v${m.version}`, 2);
    paragraph(doc, m.description);
    if (m.accuracy.length) table(doc, [{ header: 'data set', width: 0.55 }, { header: 'metric', width: 0.3 }, { header: 'value', width: 0.15, align: 'right' }], m.accuracy.map((a) => [a.dataset, a.metric, n(a.value, 3)]));
    paragraph(doc, m.accuracy_note, { color: COLORS.muted, size: 8 });
  }
}

function evidence(doc: Doc, r: ReportV1): void {
  heading(doc, 'Sample evidence');
  const e = r.evidence;
  if (e.status !== 'ok') return noData(doc, e.note);
  paragraph(doc, r.pii.note, { color: COLORS.muted });
  for (const rec of e.records) {
    paragraph(doc, `Record ${rec.record_id}${rec.external_id ? ` (${rec.external_id})` : ''}: ${rec.flags.join(', ')}; model ${rec.model ?? 'n/a'}, prompt ${rec.prompt_version ?? 'n/a'}`, { font: 'bold', size: 9 });
    paragraph(doc, `Input: ${rec.input}`, { size: 8.5 });
    paragraph(doc, `Output: ${rec.output}`, { size: 8.5 });
    doc.moveDown(0.3);
  }
}

function appendix(doc: Doc, r: ReportV1, inputs: PdfInputs): void {
  heading(doc, 'Appendix: hashes and verification');
  keyValues(doc, [
    ['report.json SHA-256', inputs.reportSha256],
    ['Signing key id', inputs.signatureInfo?.key_id ?? 'unsigned'],
    ['Audit length', String(r.audit.length)],
    ['Audit head hash', r.audit.head_hash],
    ['Audit Merkle root', r.audit.merkle_root],
    ['Previous report', r.audit.previous ? `${r.audit.previous.report_id}, length ${r.audit.previous.length}, root ${r.audit.previous.merkle_root}, consistent: ${r.audit.previous.consistent}` : 'none'],
  ], { mono: true });
  heading(doc, 'Inputs', 2);
  table(doc, [{ header: 'asset', width: 0.3 }, { header: 'kind', width: 0.1 }, { header: 'rows', width: 0.1, align: 'right' }, { header: 'sha256', width: 0.5 }],
    r.inputs.assets.map((a) => [`${a.id} ${a.name} v${a.version}`, a.kind, String(a.rows), a.sha256]));
  if (r.inputs.indexes.length) {
    table(doc, [{ header: 'index', width: 0.3 }, { header: 'provider', width: 0.3 }, { header: 'items', width: 0.1, align: 'right' }, { header: 'asset sha256', width: 0.3 }],
      r.inputs.indexes.map((i) => [`${i.id} ${i.source}`, i.provider, String(i.items), i.asset_sha256 ?? '']));
  }
  if (r.analyzers.length) {
    table(doc, [{ header: 'analyzer', width: 0.25 }, { header: 'params sha256', width: 0.6 }, { header: 'runs', width: 0.15 }],
      r.analyzers.map((a) => [`${a.id} v${a.version}`, a.params_hash, a.run_ids.join(', ')]));
  }
  heading(doc, 'How to verify this report', 2);
  paragraph(doc, '1. report.json is embedded in this PDF (and shipped beside it). Its bytes are the RFC 8785 canonical JSON of the report; '
    + 'its SHA-256 must equal the one above and in report.sig.json.');
  paragraph(doc, '2. report.json.sig is a raw 64-byte Ed25519 signature over exactly those bytes. Check it with the signer\'s public key, '
    + 'obtained from the signer through a channel you trust (compare its key id: SHA-256 of the key\'s DER):');
  paragraph(doc, 'openssl pkeyutl -verify -pubin -inkey assay-report.pub.pem -rawin -in report.json -sigfile report.json.sig', { font: 'mono', size: 8 });
  paragraph(doc, '3. This PDF carries a PDF signature (adbe.pkcs7.detached, RSA with a self-signed certificate) over the whole file. '
    + 'pdfsig report.pdf must say "Signature is Valid" and "Total document signed"; bytes appended after signing are reported. '
    + 'The certificate is self-signed, so readers show the identity as unknown until you trust it.');
  paragraph(doc, '4. `assay verify report.pdf --pub assay-report.pub.pem` checks all of the above in one step, and with `--against <workspace>` '
    + 'recomputes every number from the workspace and checks that the audit log still holds the first N entries with the tree head above '
    + '(RFC 9162: leaf = SHA-256(0x00 || entry hash), node = SHA-256(0x01 || left || right)). Removing, editing or reordering any anchored '
    + 'audit entry changes the tree head.');
}

function footer(doc: Doc, r: ReportV1): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 10;
    doc.font('regular').fontSize(7).fillColor(COLORS.muted)
      .text(`Assay report ${r.report_id} · page ${i + 1} of ${range.count}`, MARGIN, y, { width: contentWidth(doc), align: 'center', lineBreak: false });
  }
}

/** Renders the PDF bytes (unsigned; sign-pdf adds the PDF signature). */
export function renderReportPdf(inputs: PdfInputs): Promise<Buffer> {
  const r = inputs.report;
  const created = new Date(r.created_at);
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true, pdfVersion: '1.7', subset: 'PDF/A-3b', tagged: false, displayTitle: true,
    lang: 'en', font: null as unknown as string,
    info: { Title: `AI system audit report: ${r.workspace.name}`, Author: 'Assay', Subject: `report ${r.report_id}`, Creator: `assay ${r.generator.version}`, CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  // pdfkit writes AFRelationship from `relationship` (PDF/A-3 associated files); its type definitions predate it.
  const attach = (data: Buffer, options: { name: string; type: string; relationship: 'Source' | 'Supplement'; description: string }) =>
    doc.file(data, { ...options, creationDate: created, modifiedDate: created } as PDFKit.Mixins.PDFAttachmentOptions);
  attach(inputs.reportBytes, { name: 'report.json', type: 'application/json', relationship: 'Source', description: 'The signed report (RFC 8785 canonical JSON)' });
  if (inputs.signature && inputs.signatureInfo) {
    attach(inputs.signature, { name: 'report.json.sig', type: 'application/octet-stream', relationship: 'Supplement', description: 'Ed25519 signature over report.json' });
    attach(Buffer.from(`${JSON.stringify(inputs.signatureInfo, null, 2)}\n`), { name: 'report.sig.json', type: 'application/json', relationship: 'Supplement', description: 'How the signature was made' });
  }
  cover(doc, r, inputs.reportSha256);
  doc.addPage();
  executiveSummary(doc, r);
  findings(doc, r);
  metrics(doc, r);
  population(doc, r);
  drift(doc, r);
  quality(doc, r);
  review(doc, r.review);
  comparisons(doc, r.comparisons);
  methods(doc, r);
  evidence(doc, r);
  appendix(doc, r, inputs);
  footer(doc, r);
  doc.end();
  return done;
}
