import { useApi } from '../../hooks/use-api';

/** Line diff of the prompt templates behind two prompt versions, when prompt assets exist. */
export function PromptDiffView({ a, b }: { a: string; b: string }) {
  const diffs = useApi('compare.promptDiff', { a, b });
  if (!diffs.data || diffs.data.length === 0) return null;
  return (
    <section className="card" data-testid="compare-prompt-diff">
      <div className="card-header"><h2 className="card-title">Prompt template changes</h2></div>
      {diffs.data.map((d) => (
        <div key={d.promptId}>
          <h3 className="card-subtitle">{d.promptId}: {d.a.version} → {d.b.version}</h3>
          {d.lines.every((l) => l.op === ' ') ? <p className="muted">The templates are identical.</p> : (
            <pre className="compare-diff">
              {d.lines.map((l, i) => <div key={i} className={`diff-line diff-${l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'same'}`}>{`${l.op} ${l.text}`}</div>)}
            </pre>
          )}
        </div>
      ))}
    </section>
  );
}
