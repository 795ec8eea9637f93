import type { ReviewStats } from '../../../shared/contract/review-schemas';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

/** The queue's results: the audit conclusion, agreement between reviewers, and each analyzer flag against them. */
export function QueueStats({ stats, blind }: { stats: ReviewStats; blind: boolean }) {
  return (
    <section className="card review-stats" data-testid="review-stats">
      <h2 className="card-title">Results</h2>
      <p className="review-conclusion" data-testid="review-conclusion">{stats.conclusion}</p>
      <dl className="kv">
        <dt>Reviewed</dt><dd data-testid="stats-reviewed">{stats.reviewed} of {stats.n}</dd>
        <dt>Deviations</dt><dd>{stats.deviations} (upper limit {pct(stats.upper_limit_finite)}; Clopper-Pearson {pct(stats.upper_limit)}; tolerable {pct(stats.tolerable)})</dd>
        <dt>Cohen&apos;s kappa</dt><dd data-testid="stats-kappa">{num(stats.agreement.kappa)} <span className="muted">over {stats.agreement.items} items two reviewers judged</span></dd>
        <dt>Krippendorff&apos;s alpha</dt><dd data-testid="stats-alpha">{num(stats.agreement.alpha)} <span className="muted">over {stats.agreement.alpha_items} items</span></dd>
      </dl>
      <table className="table review-flags" data-testid="stats-flags">
        <thead><tr><th>Analyzer flag</th><th>Precision (95% CI)</th><th>Recall (95% CI)</th><th>TP / FP / FN</th></tr></thead>
        <tbody>
          {stats.analyzers.map((a) => (
            <tr key={a.flag}>
              <td>{a.flag}</td>
              <td>{pct(a.precision)} <span className="muted">[{pct(a.precision_ci[0])}, {pct(a.precision_ci[1])}]</span></td>
              <td>{pct(a.recall)} <span className="muted">[{pct(a.recall_ci[0])}, {pct(a.recall_ci[1])}]</span></td>
              <td>{a.tp} / {a.fp} / {a.fn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stats.disagreements.length > 0 ? (
        blind ? <p className="muted" data-testid="stats-disagreements">{stats.disagreements.length} disagreements (hidden in blind mode)</p> : (
          <div data-testid="stats-disagreements">
            <h3 className="detail-section-title">Disagreements to adjudicate ({stats.disagreements.length})</h3>
            <ul className="review-disagreements">
              {stats.disagreements.slice(0, 50).map((d) => (
                <li key={d.record}>#{d.record}: {d.verdicts.map((v) => `${v.reviewer} ${v.verdict}`).join(', ')}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}
