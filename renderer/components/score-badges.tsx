import type { RecordScores } from '../../shared/contract/analysis-schemas';
import { FLAG_LABEL, FLAG_MEANING, FLAG_NAMES, FLAG_SHORT, formatScore, scoreTone, type FlagName, type ScoreKind } from '../format/scores';

/** A score as a small coloured figure; the tone comes from the same thresholds that set the flags. */
export function ScorePill({ kind, value, title }: { kind: ScoreKind; value: number | null | undefined; title?: string }) {
  const tone = scoreTone(kind, value);
  return (
    <span className={`score-pill score-${tone}`} title={title} data-tone={tone}>
      {formatScore(kind, value)}
    </span>
  );
}

export function FlagChip({ flag, short = false }: { flag: FlagName; short?: boolean }) {
  return (
    <span className={`flag-chip flag-${flag}`} title={`${FLAG_LABEL[flag]}: ${FLAG_MEANING[flag]}`} data-flag={flag}>
      {short ? FLAG_SHORT[flag] : FLAG_LABEL[flag]}
    </span>
  );
}

/** Chips a table cell has room for; the rest fold into a "+N" chip that names them. */
const CHIPS_IN_A_CELL = 2;

/** A record's flags in a fixed order, so the same flag sits in the same place on every row; `short` for table cells. */
export function FlagChips({ scores, short = false }: { scores: RecordScores | null; short?: boolean }) {
  if (!scores) return <span className="muted" title="Not analyzed yet">—</span>;
  const flags = FLAG_NAMES.filter((flag) => scores.flags.includes(flag));
  if (flags.length === 0) return <span className="flag-none" title="No analyzer flagged this record">none</span>;
  const shown = short && flags.length > CHIPS_IN_A_CELL ? flags.slice(0, CHIPS_IN_A_CELL - 1) : flags;
  const folded = flags.slice(shown.length);
  return (
    <span className="flag-chips">
      {shown.map((flag) => <FlagChip key={flag} flag={flag} short={short} />)}
      {folded.length > 0 ? (
        <span className="flag-chip flag-more" title={folded.map((flag) => FLAG_LABEL[flag]).join(', ')}
          data-flags={folded.join(' ')}>+{folded.length}</span>
      ) : null}
    </span>
  );
}
