import type { ReactNode } from 'react';
import type { RecordScores } from '../../../../shared/contract/analysis-schemas';
import { FlagChips, ScorePill } from '../../../components/score-badges';
import { formatScore, injectionOf } from '../../../format/scores';

/** The record's headline scores from its latest analysis, with its flags. */
export function ScoreSummary({ scores }: { scores: RecordScores | null }) {
  if (!scores) {
    return (
      <div className="score-summary score-summary-empty" data-testid="record-scores">
        <span className="muted">Not analyzed yet. Run the analysis from the Overview to score this record.</span>
      </div>
    );
  }
  return (
    <div className="score-summary" data-testid="record-scores">
      <div className="score-tiles">
        <Tile label="Grounding" sub={relevance(scores)}><ScorePill kind="grounding" value={scores.grounding} /></Tile>
        <Tile label="Toxicity" sub={scores.inputToxicity === null ? undefined : `input ${formatScore('toxicity', scores.inputToxicity)}`}>
          <ScorePill kind="toxicity" value={scores.toxicity} />
        </Tile>
        <Tile label="Injection" sub={`input ${formatScore('injection', scores.injection)} · context ${formatScore('injection', scores.contextInjection)}`}>
          <ScorePill kind="injection" value={injectionOf(scores)} />
        </Tile>
        <Tile label="PII" sub="entities in the output"><ScorePill kind="pii" value={scores.pii} /></Tile>
      </div>
      <div className="score-flags"><span className="score-flags-label">Flags</span><FlagChips scores={scores} /></div>
    </div>
  );
}

function relevance(scores: RecordScores): string | undefined {
  if (scores.answerRelevance === null) return undefined;
  return `answer relevance ${formatScore('grounding', scores.answerRelevance)}`;
}

function Tile({ label, sub, children }: { label: string; sub?: string; children: ReactNode }) {
  return (
    <div className="score-tile">
      <div className="score-tile-label">{label}</div>
      <div className="score-tile-value">{children}</div>
      {sub ? <div className="score-tile-sub">{sub}</div> : null}
    </div>
  );
}
