// Findings and executive verdicts derived from the report's sections, so every statement in them is a number
// the report also carries. Severity cut-offs are stated here once and printed in the PDF's methods.
import { controlsFor, type EvidenceKind } from './control-mapping';
import { ciText, percent } from './rates';
import type { Finding, RateStat, ReportV1, Verdict } from './report-schema';

export type ReportBody = Omit<ReportV1, 'findings'>;

type Flag = 'hallucination' | 'toxic' | 'injection' | 'pii';

interface FlagRule {
  flag: Flag;
  kind: EvidenceKind;
  title: string;
  /** Rate at or above which the finding is high severity (any flagged record is at least medium). */
  high: number;
}

export const FLAG_RULES: readonly FlagRule[] = [
  { flag: 'hallucination', kind: 'grounding', title: 'Answers not supported by their evidence (possible hallucination)', high: 0.05 },
  { flag: 'pii', kind: 'pii', title: 'Personal data in model outputs', high: 0.01 },
  { flag: 'injection', kind: 'injection', title: 'Prompt injection attempts in inputs or retrieved contexts', high: 0.01 },
  { flag: 'toxic', kind: 'toxicity', title: 'Toxic or abusive content', high: 0.01 },
];

function rateLine(stat: RateStat, what: string): string {
  return `${stat.count} of ${stat.of} scored records ${what} (${percent(stat)}; ${ciText(stat)})`;
}

function flagFindings(r: ReportBody): Finding[] {
  const out: Finding[] = [];
  for (const rule of FLAG_RULES) {
    const stat = r.summary.flags[rule.flag];
    if (stat.count === 0 || stat.rate === null) continue;
    const ids = r.evidence.records.filter((e) => e.flags.includes(rule.flag)).map((e) => e.record_id);
    out.push({
      id: `flag-${rule.flag}`,
      severity: stat.rate >= rule.high ? 'high' : 'medium',
      title: rule.title,
      detail: `${rateLine(stat, `flagged ${rule.flag}`)}. High severity from ${(rule.high * 100).toFixed(0)}%.`,
      evidence: { kind: 'records', section: 'summary', summary: rateLine(stat, 'flagged'), record_ids: ids },
      controls: controlsFor(rule.kind),
    });
  }
  return out;
}

function coverageFinding(r: ReportBody): Finding[] {
  const unscored = r.summary.records - r.summary.scored;
  if (unscored === 0) return [];
  return [{
    id: 'analysis-coverage',
    severity: r.summary.scored === 0 ? 'high' : 'medium',
    title: r.summary.scored === 0 ? 'No record in scope has been analysed' : 'Some records in scope have not been analysed',
    detail: `${unscored} of ${r.summary.records} records have no analysis results; their flags are unknown, not zero. Run \`assay analyze\`.`,
    evidence: { kind: 'metric', section: 'summary', summary: `records ${r.summary.records}, scored ${r.summary.scored}`, record_ids: [] },
    controls: controlsFor('model_quality'),
  }];
}

function driftFindings(r: ReportBody): Finding[] {
  const d = r.drift;
  if (d.status !== 'ok' || d.share_drifted === null) return [];
  const drifted = d.columns.filter((c) => c.drifted);
  if (drifted.length === 0) return [];
  const names = drifted.map((c) => c.name).join(', ');
  return [{
    id: 'drift-dataset',
    severity: d.dataset_drifted ? 'high' : 'medium',
    title: d.dataset_drifted ? 'Dataset drift between reference and current data' : 'Some columns drift (dataset below the drift threshold)',
    detail: `${drifted.length} of ${d.columns.length} columns drifted (${(d.share_drifted * 100).toFixed(1)}%): ${names}.`,
    evidence: { kind: 'drift', section: 'drift', summary: `share of drifted columns ${d.share_drifted}`, record_ids: [] },
    controls: controlsFor('drift'),
  }];
}

function auditFinding(r: ReportBody): Finding {
  const a = r.audit;
  if (a.previous && !a.previous.consistent) {
    return {
      id: 'audit-rewritten', severity: 'high', title: 'Audit trail differs from the one an earlier report anchored',
      detail: `Report ${a.previous.report_id} anchored ${a.previous.length} entries with tree head ${a.previous.merkle_root}; the first ${a.previous.length} entries of the log now give another head.`,
      evidence: { kind: 'audit', section: 'audit', summary: `previous length ${a.previous.length}, now ${a.length}`, record_ids: [] },
      controls: controlsFor('audit'),
    };
  }
  return a.chain_intact
    ? {
      id: 'audit-anchored', severity: 'info', title: 'Audit trail intact and anchored in this report',
      detail: `${a.length} audit entries verified as an unbroken hash chain; Merkle tree head ${a.merkle_root}.`,
      evidence: { kind: 'audit', section: 'audit', summary: `length ${a.length}, head ${a.head_hash}`, record_ids: [] },
      controls: controlsFor('audit'),
    }
    : {
      id: 'audit-broken', severity: 'high', title: 'Audit trail hash chain is broken',
      detail: 'The workspace audit log fails `assay audit-log verify`: an entry was edited or removed. Numbers in this report cannot be traced to an intact log.',
      evidence: { kind: 'audit', section: 'audit', summary: `length ${a.length}, chain broken`, record_ids: [] },
      controls: controlsFor('audit'),
    };
}

function costFinding(r: ReportBody): Finding[] {
  if (r.summary.records === 0) return [];
  const cost = r.summary.cost === null ? 'no cost recorded' : `cost ${r.summary.cost}`;
  return [{
    id: 'usage', severity: 'info', title: 'Token usage and cost in scope',
    detail: `${r.summary.tokens_in} input tokens, ${r.summary.tokens_out} output tokens, ${cost}.`,
    evidence: { kind: 'metric', section: 'summary', summary: `tokens_in ${r.summary.tokens_in}, tokens_out ${r.summary.tokens_out}`, record_ids: [] },
    controls: controlsFor('cost'),
  }];
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'item';

/** Sections built by other engineers' summary functions report their own findings in `data.findings`. */
function externalFindings(section: ReportBody['review'], kind: 'review' | 'comparisons'): Finding[] {
  if (section.status !== 'ok' || section.data === null || typeof section.data !== 'object') return [];
  const list = (section.data as { findings?: unknown }).findings;
  if (!Array.isArray(list)) return [];
  return list.flatMap((f, i): Finding[] => {
    const x = f as { id?: unknown; severity?: unknown; title?: unknown; detail?: unknown };
    if (typeof x.title !== 'string') return [];
    const severity = x.severity === 'high' || x.severity === 'medium' || x.severity === 'low' ? x.severity : 'info';
    return [{
      id: `${kind}-${typeof x.id === 'string' ? slug(x.id) : i + 1}`, severity, title: x.title, detail: typeof x.detail === 'string' ? x.detail : '',
      evidence: { kind: kind === 'review' ? 'review' : 'comparison', section: kind, summary: x.title, record_ids: [] },
      controls: controlsFor(kind),
    }];
  });
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2, info: 3 } as const;

export function deriveFindings(r: ReportBody): Finding[] {
  const all = [
    ...flagFindings(r), ...coverageFinding(r), ...driftFindings(r),
    ...externalFindings(r.review, 'review'), ...externalFindings(r.comparisons, 'comparisons'),
    auditFinding(r), ...costFinding(r),
  ];
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id));
}

/** The executive summary's verdicts: one line per question an auditor asks first. */
export function deriveVerdicts(summary: Pick<ReportBody['summary'], 'records' | 'scored' | 'flags'>, extra: {
  drift: ReportBody['drift']; chainIntact: boolean; review: ReportBody['review']; comparisons: ReportBody['comparisons'];
}): Verdict[] {
  const out: Verdict[] = FLAG_RULES.map((rule) => {
    const stat = summary.flags[rule.flag];
    if (summary.scored === 0 || stat.rate === null) return { id: rule.flag, label: rule.title, status: 'no_data', detail: 'no analysed records in scope' };
    const status = stat.count === 0 ? 'pass' : stat.rate >= rule.high ? 'fail' : 'attention';
    return { id: rule.flag, label: rule.title, status, detail: `${percent(stat)} (${stat.count} of ${stat.of})` };
  });
  const d = extra.drift;
  out.push(d.status !== 'ok' || d.share_drifted === null
    ? { id: 'drift', label: 'Data drift', status: 'no_data', detail: d.note ?? 'no drift data' }
    : {
      id: 'drift', label: 'Data drift', status: d.dataset_drifted ? 'fail' : d.columns.some((c) => c.drifted) ? 'attention' : 'pass',
      detail: `${d.columns.filter((c) => c.drifted).length} of ${d.columns.length} columns drifted`,
    });
  for (const [id, label, section] of [['review', 'Human review', extra.review], ['comparisons', 'Comparisons and gates', extra.comparisons]] as const) {
    const verdict = section.status === 'ok' ? (section.data as { verdict?: unknown } | null)?.verdict : undefined;
    out.push(section.status !== 'ok'
      ? { id, label, status: 'no_data', detail: section.note ?? 'no data' }
      : { id, label, status: verdict === 'fail' || verdict === 'attention' || verdict === 'pass' ? verdict : 'pass', detail: section.note ?? 'see section' });
  }
  out.push({ id: 'audit', label: 'Audit trail', status: extra.chainIntact ? 'pass' : 'fail', detail: extra.chainIntact ? 'hash chain intact' : 'hash chain broken' });
  return out;
}
