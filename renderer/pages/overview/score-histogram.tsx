import type { ScoreSummary } from '../../../shared/contract/profile-schemas';
import { formatCount } from '../../format/format';

/** A score's 20 fixed bins over [0, 1] as bars (heights relative to the tallest bin), values outside noted. */
export function ScoreHistogram({ score }: { score: ScoreSummary }) {
  const max = Math.max(1, ...score.hist);
  const width = 1 / score.hist.length;
  return (
    <figure className="population-hist" data-testid={`population-hist-${score.name}`} data-count={score.count}>
      <figcaption>
        <strong>{score.name}</strong> <span className="muted">mean {score.mean === null ? '—' : score.mean.toFixed(3)} · {formatCount(score.count)} values</span>
      </figcaption>
      <div className="population-hist-bars" role="img" aria-label={`${score.name} histogram over 0 to 1`}>
        {score.hist.map((c, i) => (
          <span key={i} className="population-hist-bar" style={{ height: `${(c / max) * 100}%` }}
            title={`${(i * width).toFixed(2)}–${((i + 1) * width).toFixed(2)}: ${formatCount(c)}`} />
        ))}
      </div>
      {score.under + score.over > 0 ? <div className="muted small">{formatCount(score.under)} below 0, {formatCount(score.over)} above 1</div> : null}
    </figure>
  );
}
