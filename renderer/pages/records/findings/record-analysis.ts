import type { StoredFinding } from '../../../../shared/contract/analysis-schemas';
import type { Highlight } from '../../../format/text-segments';
import {
  claimsOf, describeIssue, evidenceContext, labelText, spansOf, type ClaimView, type SpanView,
} from './finding-shapes';

/** What the detail view needs from a record's findings: the latest finding per analyzer, its claims and spans. */
export interface RecordAnalysis {
  /** Latest finding per analyzer, in analyzer order. */
  latest: StoredFinding[];
  /** Older findings (earlier runs, other versions or params), kept for the record's history. */
  earlier: StoredFinding[];
  claims: ClaimView[];
  spans: SpanView[];
}

export function readAnalysis(findings: readonly StoredFinding[]): RecordAnalysis {
  const latest: StoredFinding[] = [];
  const earlier: StoredFinding[] = [];
  const newest = new Map<string, StoredFinding>();
  for (const finding of findings) {
    const seen = newest.get(finding.analyzerId);
    if (!seen || finding.runId > seen.runId) newest.set(finding.analyzerId, finding);
  }
  for (const finding of findings) (newest.get(finding.analyzerId) === finding ? latest : earlier).push(finding);
  latest.sort((a, b) => a.analyzerId.localeCompare(b.analyzerId));
  const grounding = latest.find((finding) => finding.analyzerId === 'grounding');
  return {
    latest,
    earlier,
    claims: grounding ? claimsOf(grounding) : [],
    // Grounding's spans repeat its claims, which are drawn from the claims themselves (with their index).
    spans: latest.filter((finding) => finding.analyzerId !== 'grounding').flatMap(spansOf),
  };
}

/**
 * "N of M claims not supported", counted as the grounding analyzer counts them in its explanation: claims that
 * state no checkable fact (thanks, offers of help) are shown but not in M.
 */
export function claimCountText(claims: readonly ClaimView[]): string {
  const checked = claims.filter((claim) => claim.label !== 'not-checkable').length;
  const flagged = claims.filter((claim) => claim.label === 'unsupported' || claim.label === 'contradicted').length;
  return checked === 0 ? 'no checkable claims' : `${flagged} of ${checked} checked claim${checked === 1 ? '' : 's'} not supported`;
}

const SPAN_CLASS: Record<string, string> = { pii: 'hl-pii', toxicity: 'hl-toxic', injection: 'hl-injection' };

function spanHighlight(span: SpanView): Highlight {
  const what = span.analyzerId === 'pii' ? 'PII' : span.analyzerId;
  const score = span.score === null || span.analyzerId === 'pii' ? '' : ` ${span.score.toFixed(2)}`;
  return {
    start: span.start,
    end: span.end,
    classes: [SPAN_CLASS[span.analyzerId] ?? 'hl-other'],
    title: `${what}: ${labelText(span.label)}${score}`,
  };
}

export function claimTitle(claim: ClaimView): string {
  const support = claim.support === null ? '' : ` · support ${claim.support.toFixed(2)}`;
  return `${labelText(claim.label)} claim${support}`;
}

/**
 * The answer's highlights: every claim (so a click selects it; only unsupported and contradicted ones are
 * tinted), the words a claim failed on, and other analyzers' spans (PII, toxic words).
 */
export function outputHighlights(analysis: RecordAnalysis, selectedClaim: number | null): Highlight[] {
  const highlights: Highlight[] = [];
  for (const claim of analysis.claims) {
    const classes = ['hl-claim', `hl-${claim.label}`];
    if (claim.index === selectedClaim) classes.push('hl-selected');
    highlights.push({ start: claim.start, end: claim.end, classes, title: claimTitle(claim), claim: claim.index });
    if (claim.label !== 'unsupported' && claim.label !== 'contradicted') continue;
    for (const issue of claim.issues) {
      if (issue.start !== null && issue.end !== null) {
        highlights.push({ start: issue.start, end: issue.end, classes: ['hl-issue'], title: describeIssue(issue) });
      }
    }
  }
  for (const span of analysis.spans) if (span.field === 'output') highlights.push(spanHighlight(span));
  return highlights;
}

export function inputHighlights(analysis: RecordAnalysis): Highlight[] {
  return analysis.spans.filter((span) => span.field === 'input').map(spanHighlight);
}

/** One retrieved context's highlights: injection spans, and the selected claim's evidence when it lies here. */
export function contextHighlights(analysis: RecordAnalysis, index: number, contexts: readonly string[], selectedClaim: number | null): Highlight[] {
  const highlights = analysis.spans.filter((span) => span.field === 'context' && span.contextIndex === index).map(spanHighlight);
  const claim = selectedClaim === null ? undefined : analysis.claims.find((each) => each.index === selectedClaim);
  if (claim?.evidence && evidenceContext(claim.evidence, contexts) === index) {
    highlights.push({ start: claim.evidence.start, end: claim.evidence.end, classes: ['hl-evidence', 'hl-evidence-active'], title: 'Best evidence for the selected claim' });
  }
  return highlights;
}

/** The claim's own failed words, with offsets relative to the claim text. */
export function issueHighlights(claim: ClaimView): Highlight[] {
  return claim.issues
    .filter((issue) => issue.start !== null && issue.end !== null)
    .map((issue) => ({ start: issue.start! - claim.start, end: issue.end! - claim.start, classes: ['hl-issue'], title: describeIssue(issue) }));
}
