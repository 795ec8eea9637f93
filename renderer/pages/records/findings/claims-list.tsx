import { Badge, type BadgeTone } from '../../../components/badge';
import { HighlightedText } from '../../../components/highlighted-text';
import { excerptAround } from '../../../format/text-segments';
import { evidenceContext, summarizeIssues, type ClaimLabel, type ClaimView, type EvidenceView } from './finding-shapes';
import { issueHighlights } from './record-analysis';

const LABEL: Record<ClaimLabel, { text: string; tone: BadgeTone }> = {
  supported: { text: 'Supported', tone: 'success' },
  unsupported: { text: 'Unsupported', tone: 'danger' },
  contradicted: { text: 'Contradicted', tone: 'danger' },
  'not-checkable': { text: 'Not checkable', tone: 'neutral' },
};

/** Characters of context shown either side of an evidence sentence. */
const EVIDENCE_PADDING = 110;

interface Props {
  claims: ClaimView[];
  contexts: readonly string[];
  selected: number | null;
  onSelect: (claim: number | null) => void;
  /** Scrolls the contexts section to the highlighted evidence. */
  onShowContext: (index: number) => void;
}

/** Each claim of the answer beside the evidence sentence that best supports (or fails to support) it. */
export function ClaimsList({ claims, contexts, selected, onSelect, onShowContext }: Props) {
  return (
    <ol className="claims" data-testid="claims">
      <li className="claims-head" aria-hidden="true">
        <span>Claim in the answer</span>
        <span>Best evidence</span>
      </li>
      {claims.map((claim) => {
        const isSelected = claim.index === selected;
        const label = LABEL[claim.label];
        return (
          <li key={claim.index} className={`claim claim-${claim.label}${isSelected ? ' claim-selected' : ''}`}
            data-testid="claim" data-label={claim.label} data-claim={claim.index}>
            <button type="button" className="claim-main" aria-pressed={isSelected}
              onClick={() => onSelect(isSelected ? null : claim.index)} data-testid="claim-select">
              <span className="claim-meta">
                <Badge tone={label.tone}>{label.text}</Badge>
                {claim.support !== null ? <span className="claim-support" title="Support from the grounding model, 0 to 1">{claim.support.toFixed(2)}</span> : null}
              </span>
              <span className="claim-text"><HighlightedText text={claim.text} highlights={issueHighlights(claim)} /></span>
              {claim.issues.length > 0 ? (
                <span className="claim-issues">{summarizeIssues(claim.issues)}</span>
              ) : null}
            </button>
            <div className="claim-evidence" data-testid="claim-evidence">
              {claim.evidence
                ? <EvidenceQuote evidence={claim.evidence} contexts={contexts} active={isSelected} onShowContext={onShowContext} />
                : <span className="muted">No evidence sentence shares its words.</span>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Evidence that states the claim otherwise is marked as such, not passed off as the claim's best support. */
function Relation({ evidence }: { evidence: EvidenceView }) {
  return evidence.relation === 'contradicts'
    ? <span className="evidence-relation" data-testid="evidence-contradicts"> · contradicts the claim</span>
    : null;
}

function EvidenceQuote({ evidence, contexts, active, onShowContext }: {
  evidence: EvidenceView; contexts: readonly string[]; active: boolean; onShowContext: (index: number) => void;
}) {
  const index = evidenceContext(evidence, contexts);
  const context = index === null ? undefined : contexts[index];
  const classes = ['hl-evidence', ...(active ? ['hl-evidence-active'] : [])];
  if (index === null || context === undefined) {
    return (
      <>
        <div className="evidence-source">
          {evidence.source === 'kb' ? `Knowledge base · ${evidence.name ?? `chunk ${evidence.ref}`}` : `Context ${Number(evidence.ref) + 1}`}
          <Relation evidence={evidence} />
        </div>
        <blockquote className="evidence-quote">
          <HighlightedText text={evidence.text} highlights={[{ start: 0, end: evidence.text.length, classes }]} />
        </blockquote>
      </>
    );
  }
  const { from, to } = excerptAround(context, evidence.start, evidence.end, EVIDENCE_PADDING);
  return (
    <>
      <div className="evidence-source">
        <button type="button" className="link-button" onClick={() => onShowContext(index)} title="Show this passage in the retrieved context">
          Context {index + 1}
        </button>
        <Relation evidence={evidence} />
      </div>
      <blockquote className="evidence-quote">
        {from > 0 ? '…' : null}
        <HighlightedText text={context.slice(from, to)} highlights={[{ start: evidence.start - from, end: evidence.end - from, classes }]} />
        {to < context.length ? '…' : null}
      </blockquote>
    </>
  );
}
