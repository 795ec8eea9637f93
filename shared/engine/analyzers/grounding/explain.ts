import type { ClaimIssue } from './claim-features';

interface Described {
  text: string;
  label: string;
  failed: ClaimIssue[];
}

function issueText(issue: ClaimIssue): string {
  switch (issue.kind) {
    case 'entity': return `unsupported entity "${issue.text}"`;
    case 'number': return `unsupported number "${issue.text}"`;
    case 'number-conflict': return `"${issue.text}" where its context says "${issue.evidence ?? ''}"`;
    case 'entity-conflict': return `"${issue.text}" where its context names "${issue.evidence ?? ''}"`;
    case 'negation': return issue.start === undefined ? 'negation differs from the evidence' : `negation "${issue.text}" conflicts with the evidence`;
    case 'antonym': return `"${issue.text}" where the evidence says "${issue.evidence ?? ''}"`;
    case 'unsupported-words': return `words not in the evidence: ${issue.text}`;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One human sentence: how many claims failed and the first reasons. */
export function describe(claims: readonly Described[], grounding: number): string {
  const checked = claims.filter((c) => c.label !== 'not-checkable');
  const bad = checked.filter((c) => c.label === 'unsupported' || c.label === 'contradicted');
  if (claims.length === 0) return 'The answer makes no claims to check.';
  if (checked.length === 0) return 'No checkable claims in the answer (only greetings, thanks, offers of help, questions or filler).';
  if (bad.length === 0) return `All ${checked.length} checked claim${checked.length === 1 ? '' : 's'} supported (grounding ${grounding.toFixed(2)}).`;
  const reasons = bad.slice(0, 2).map((c) => {
    const first = c.failed.find((i) => i.kind !== 'unsupported-words') ?? c.failed[0];
    return `"${clip(c.text, 60)}" (${first ? issueText(first) : 'weak support'})`;
  });
  const contradicted = bad.filter((c) => c.label === 'contradicted').length;
  const what = contradicted > 0 ? `not supported (${contradicted} contradicted)` : 'unsupported';
  return `${bad.length} of ${checked.length} claim${checked.length === 1 ? '' : 's'} ${what}: ${reasons.join('; ')}${bad.length > 2 ? '; ...' : ''}.`;
}
