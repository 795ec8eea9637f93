import { useState, type FormEvent } from 'react';

/** Asks who is reviewing before any verdict can be given: the name goes into every verdict and audit entry. */
export function ReviewerForm({ onSet }: { onSet: (name: string) => void }) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSet(name.trim());
  };
  return (
    <form className="card review-identity" onSubmit={submit} data-testid="reviewer-form">
      <h2 className="card-title">Who is reviewing?</h2>
      <p className="muted">Your name is recorded with every verdict and in the audit log.</p>
      <div className="review-identity-row">
        <input className="text-input" value={name} maxLength={100} autoFocus aria-label="Reviewer name" data-testid="reviewer-name"
          onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button-primary" disabled={!name.trim()} data-testid="reviewer-set">Start reviewing</button>
      </div>
    </form>
  );
}
