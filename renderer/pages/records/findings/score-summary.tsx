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
        <Tile label="Grounding" sub={[line('answer relevance', scores.answerRelevance), line('context relevance', scores.contextRelevance)]}>
          <ScorePill kind="grounding" value={scores.grounding} />
        </Tile>
        <Tile label="Toxicity" sub={[line('input', scores.inputToxicity)]}>
          <ScorePill kind="toxicity" value={scores.toxicity} />
        </Tile>
        <Tile label="Injection" sub={[line('input', scores.injection), line('contexts', scores.contextInjection)]}>
          <ScorePill kind="injection" value={injectionOf(scores)} />
        </Tile>
        <Tile label="PII" sub={[scores.pii === null ? null : 'found in the output']}>
          <ScorePill kind="pii" value={scores.pii} />
        </Tile>
      </div>
      <div className="score-flags"><span className="score-flags-label">Flags</span><FlagChips scores={scores} /></div>
    </div>
  );
}

/** A secondary score under a tile; left out when the analyzer that gives it did not run. */
function line(label: string, value: number | null): string | null {
  return value === null ? null : `${label} ${formatScore('grounding', value)}`;
}

function Tile({ label, sub, children }: { label: string; sub: Array<string | null>; children: ReactNode }) {
  const lines = sub.filter((text): text is string => text !== null);
  return (
    <div className="score-tile">
      <div className="score-tile-label">{label}</div>
      <div className="score-tile-value">{children}</div>
      {lines.map((text) => <div key={text} className="score-tile-sub">{text}</div>)}
    </div>
  );
}
