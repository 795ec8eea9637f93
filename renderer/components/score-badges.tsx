import type { RecordScores } from '../../shared/contract/analysis-schemas';
import { FLAG_LABEL, FLAG_MEANING, FLAG_NAMES, formatScore, scoreTone, type FlagName, type ScoreKind } from '../format/scores';

/** A score as a small coloured figure; the tone comes from the same thresholds that set the flags. */
export function ScorePill({ kind, value, title }: { kind: ScoreKind; value: number | null | undefined; title?: string }) {
  const tone = scoreTone(kind, value);
  return (
    <span className={`score-pill score-${tone}`} title={title} data-tone={tone}>
      {formatScore(kind, value)}
    </span>
  );
}

export function FlagChip({ flag }: { flag: FlagName }) {
  return <span className={`flag-chip flag-${flag}`} title={FLAG_MEANING[flag]} data-flag={flag}>{FLAG_LABEL[flag]}</span>;
}

/** A record's flags in a fixed order, so the same flag sits in the same place on every row. */
export function FlagChips({ scores }: { scores: RecordScores | null }) {
  if (!scores) return <span className="muted" title="Not analyzed yet">—</span>;
  const flags = FLAG_NAMES.filter((flag) => scores.flags.includes(flag));
  if (flags.length === 0) return <span className="flag-none" title="No analyzer flagged this record">none</span>;
  return <span className="flag-chips">{flags.map((flag) => <FlagChip key={flag} flag={flag} />)}</span>;
}
