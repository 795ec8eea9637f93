import type { StoredFinding } from '../../../../shared/contract/analysis-schemas';
import { HashText } from '../../../components/hash-text';
import { formatFindingScore, scoreName } from '../../../format/scores';

/**
 * One analyzer's result for the record, with exactly what produced it: analyzer id and version, the hash of its
 * parameters, and the run. That stamp is what a report cites next to the number.
 */
export function FindingCard({ finding }: { finding: StoredFinding }) {
  const scores = Object.entries(finding.scores);
  return (
    <article className="finding" data-testid="finding" data-analyzer={finding.analyzerId}>
      <header className="finding-head">
        <span className="finding-name">{finding.analyzerId}</span>
        <span className="finding-stamp" data-testid="finding-stamp">
          <code className="finding-version" title="Analyzer version">v{finding.analyzerVersion}</code>
          <span className="muted">params</span>
          <HashText hash={finding.paramsHash} length={8} />
          <span className="muted">run #{finding.runId}</span>
        </span>
      </header>
      {finding.kb ? (
        <p className="finding-kb" data-testid="finding-kb">
          <span className="muted">Evidence KB</span> {finding.kb.name} v{finding.kb.version} <span className="muted">(asset {finding.kb.assetId})</span>
        </p>
      ) : finding.analyzerId === 'grounding' ? (
        <p className="finding-kb muted" data-testid="finding-kb">No knowledge base: record contexts only</p>
      ) : null}
      {scores.length > 0 ? (
        <dl className="finding-scores">
          {scores.map(([key, value]) => (
            <div key={key} className="finding-score">
              <dt>{scoreName(key)}</dt>
              <dd>{formatFindingScore(value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {finding.explanation ? (
        <p className="finding-explanation" data-testid={notApplicable(finding) ? 'grounding-not-applicable' : undefined}>{finding.explanation}</p>
      ) : null}
    </article>
  );
}

/** Grounding that did not apply (a tool call, a refusal, no evidence): its explanation says why. */
function notApplicable(finding: StoredFinding): boolean {
  return finding.analyzerId === 'grounding' && typeof finding.details?.notApplicable === 'string';
}

/** Results from earlier runs or other analyzer versions, listed so the record's history stays visible. */
export function EarlierFindings({ findings }: { findings: StoredFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <p className="muted finding-earlier">
      Earlier results: {findings.map((f) => `${f.analyzerId} v${f.analyzerVersion} (run #${f.runId})`).join(', ')}.
    </p>
  );
}
