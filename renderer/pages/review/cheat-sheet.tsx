const KEYS: ReadonlyArray<[string, string]> = [
  ['j  →', 'next item'], ['k  ←', 'previous item'], ['1', 'pass'], ['2', 'fail'], ['3', 'unsure'],
  ['l', 'labels (then 1-9 to toggle, l or Esc to close)'], ['c', 'comment (Esc to leave the field)'], ['u', 'undo your last verdict'], ['?', 'this sheet'],
];

export function CheatSheet({ onClose }: { onClose: () => void }) {
  return (
    <div className="review-cheat" role="dialog" aria-label="Keyboard shortcuts" data-testid="review-cheat-sheet">
      <div className="review-cheat-head">
        <strong>Keyboard</strong>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>Close</button>
      </div>
      <dl className="kv">
        {KEYS.map(([key, what]) => <div key={key} className="review-cheat-row"><dt><kbd>{key}</kbd></dt><dd>{what}</dd></div>)}
      </dl>
      <p className="muted">After a verdict the next item you have not reviewed opens.</p>
    </div>
  );
}
