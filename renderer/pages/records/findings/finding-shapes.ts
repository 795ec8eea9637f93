import type { StoredFinding } from '../../../../shared/contract/analysis-schemas';

/**
 * Typed views of the analyzer-specific parts of a stored finding (spans and details are `unknown` in the
 * contract). The renderer keeps zod out of its bundle, so these are small structural checks: anything that does
 * not fit is skipped rather than shown wrongly.
 */

export type SpanField = 'input' | 'output' | 'context';

export interface SpanView {
  analyzerId: string;
  field: SpanField;
  /** Which retrieved context, for field 'context'. */
  contextIndex: number | null;
  start: number;
  end: number;
  label: string;
  score: number | null;
}

export type EvidenceRelation = 'supports' | 'contradicts' | 'related';

export interface EvidenceView {
  source: 'context' | 'kb';
  /** Context index as a string for 'context'; the chunk id for 'kb'. */
  ref: string;
  /** A KB chunk's document and heading. */
  name: string | null;
  /** Whether the sentence supports the claim, states it otherwise, or is only the closest found. */
  relation: EvidenceRelation;
  start: number;
  end: number;
  text: string;
}

export interface ClaimIssue {
  kind: string;
  text: string;
  /** Offsets into the output, when the issue is one word of the claim. */
  start: number | null;
  end: number | null;
  /** What the evidence says instead, for conflicts ("30" where the claim says "14"). */
  evidence?: string | null;
}

export type ClaimLabel = 'supported' | 'unsupported' | 'contradicted' | 'not-checkable';

export interface ClaimView {
  index: number;
  text: string;
  start: number;
  end: number;
  support: number | null;
  label: ClaimLabel;
  issues: ClaimIssue[];
  evidence: EvidenceView | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const FIELDS: readonly string[] = ['input', 'output', 'context'];
const CLAIM_LABELS: readonly string[] = ['supported', 'unsupported', 'contradicted', 'not-checkable'];

export function spansOf(finding: StoredFinding): SpanView[] {
  const spans: SpanView[] = [];
  for (const raw of finding.spans) {
    if (!isObject(raw)) continue;
    const field = str(raw.field);
    const start = num(raw.start);
    const end = num(raw.end);
    if (field === null || !FIELDS.includes(field) || start === null || end === null || end <= start) continue;
    const contextIndex = num(raw.contextIndex);
    if (field === 'context' && contextIndex === null) continue;
    spans.push({
      analyzerId: finding.analyzerId,
      field: field as SpanField,
      contextIndex: field === 'context' ? contextIndex : null,
      start, end,
      label: str(raw.label) ?? finding.analyzerId,
      score: num(raw.score),
    });
  }
  return spans;
}

/** The claims of a grounding finding, in answer order; [] for other analyzers or an answer with no claims. */
export function claimsOf(finding: StoredFinding): ClaimView[] {
  const raw = finding.details?.claims;
  if (!Array.isArray(raw)) return [];
  const claims: ClaimView[] = [];
  raw.forEach((item: unknown, index) => {
    if (!isObject(item)) return;
    const text = str(item.text);
    const start = num(item.start);
    const end = num(item.end);
    const label = str(item.label);
    if (text === null || start === null || end === null) return;
    claims.push({
      index,
      text, start, end,
      support: num(item.support),
      label: label !== null && CLAIM_LABELS.includes(label) ? (label as ClaimLabel) : 'not-checkable',
      issues: Array.isArray(item.failed) ? item.failed.flatMap(issueOf) : [],
      evidence: evidenceOf(item.evidence),
    });
  });
  return claims;
}

function issueOf(raw: unknown): ClaimIssue[] {
  if (!isObject(raw)) return [];
  const kind = str(raw.kind);
  const text = str(raw.text);
  if (kind === null || text === null) return [];
  return [{ kind, text, start: num(raw.start), end: num(raw.end), evidence: str(raw.evidence) }];
}

function evidenceOf(raw: unknown): EvidenceView | null {
  if (!isObject(raw)) return null;
  const source = str(raw.source);
  const ref = str(raw.ref) ?? (num(raw.ref) === null ? null : String(raw.ref));
  const start = num(raw.start);
  const end = num(raw.end);
  const text = str(raw.text);
  if ((source !== 'context' && source !== 'kb') || ref === null || start === null || end === null || text === null) return null;
  const relation = str(raw.relation);
  return {
    source, ref, start, end, text, name: str(raw.name),
    relation: relation === 'supports' || relation === 'contradicts' ? relation : 'related',
  };
}

/**
 * The context a piece of evidence points into, when the record still holds it and the offsets still match
 * its text; otherwise the evidence is quoted on its own.
 */
export function evidenceContext(evidence: EvidenceView, contexts: readonly string[]): number | null {
  if (evidence.source !== 'context' || !/^\d+$/.test(evidence.ref)) return null;
  const index = Number(evidence.ref);
  const context = contexts[index];
  return context !== undefined && context.slice(evidence.start, evidence.end) === evidence.text ? index : null;
}

/** A claim issue as a reader would say it. */
export function describeIssue(issue: ClaimIssue): string {
  switch (issue.kind) {
    case 'unsupported-words': return `not in the evidence: ${issue.text}`;
    case 'number': return `number not in the evidence: ${issue.text}`;
    case 'entity': return `name not in the evidence: ${issue.text}`;
    case 'negation': return issue.start === null ? issue.text : `negation conflicts with the evidence: ${issue.text}`;
    case 'antonym': return `contradicts the evidence: ${issue.text}`;
    case 'number-conflict': return `contradicts its context: ${issue.text} where the context says ${issue.evidence ?? 'another number'}`;
    case 'entity-conflict': return `contradicts its context: ${issue.text} where the context names ${issue.evidence ?? 'another'}`;
    default: return `${issue.kind.replace(/[-_]+/g, ' ')}: ${issue.text}`;
  }
}

const MISSING_GROUP: Record<string, string> = { entity: 'names', number: 'numbers', 'unsupported-words': 'words' };

/**
 * A claim's issues in one line: words the evidence lacks grouped by kind ("names: Hub; numbers: 2; words: ..."),
 * then conflicts with the evidence, each in its own words.
 */
export function summarizeIssues(issues: readonly ClaimIssue[]): string {
  const missing = new Map<string, string[]>();
  const conflicts: string[] = [];
  for (const issue of issues) {
    const group = MISSING_GROUP[issue.kind];
    if (group === undefined) { conflicts.push(describeIssue(issue)); continue; }
    const texts = missing.get(group) ?? [];
    for (const text of issue.text.split(/,\s*/)) if (text && !texts.includes(text)) texts.push(text);
    missing.set(group, texts);
  }
  const parts: string[] = [];
  if (missing.size > 0) {
    parts.push(`Not in the evidence: ${[...missing].map(([group, texts]) => `${group} ${texts.join(', ')}`).join('; ')}`);
  }
  return [...parts, ...conflicts].map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('. ');
}

/** Analyzer span labels such as 'role_play_jailbreak' or 'credit_card', as words. */
export function labelText(label: string): string {
  return label.replace(/[_-]+/g, ' ');
}
