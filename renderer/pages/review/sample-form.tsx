import { useState, type FormEvent } from 'react';
import type { RecordFacets } from '../../../shared/contract/schemas';
import type { SampleRequest } from '../../../shared/contract/review-schemas';
import { call } from '../../api/client';
import { toError } from '../../hooks/use-api';

interface Values {
  name: string; method: 'random' | 'stratified' | 'risk'; strata: 'flag' | 'model' | 'promptVersion'; sizing: 'plan' | 'fixed';
  size: string; confidence: string; tolerable: string; expected: string; seed: string; model: string; promptVersion: string;
  blind: boolean; minReviews: string;
}

const INITIAL: Values = {
  name: '', method: 'random', strata: 'flag', sizing: 'plan', size: '100', confidence: '0.95', tolerable: '0.05', expected: '0.01',
  seed: '', model: '', promptVersion: '', blind: false, minReviews: '1',
};

/** Draws a new queue: population filter, method, and a size either fixed or from the attribute-sampling plan. */
export function SampleForm({ facets, onCreated }: { facets: RecordFacets | undefined; onCreated: (queue: string) => void }) {
  const [v, setV] = useState<Values>(INITIAL);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setV((prev) => ({ ...prev, ...patch }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request: SampleRequest = {
      name: v.name.trim(), method: v.method, strata: v.method === 'stratified' ? v.strata : undefined,
      filter: { model: v.model || undefined, promptVersion: v.promptVersion || undefined },
      ...(v.sizing === 'fixed' ? { size: Number(v.size) } : { confidence: Number(v.confidence), tolerable: Number(v.tolerable), expected: Number(v.expected) }),
      seed: v.seed.trim() === '' ? undefined : Number(v.seed),
      config: { blind: v.blind, minReviews: Number(v.minReviews) },
    };
    try {
      const result = await call('review.sample', request);
      setV(INITIAL);
      onCreated(result.queue);
    } catch (err) {
      setError(toError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card review-sample-form" onSubmit={(e) => void submit(e)} data-testid="sample-form">
      <h2 className="card-title">Draw a sample</h2>
      <label className="review-field">Name
        <input className="text-input" value={v.name} maxLength={100} required data-testid="sample-name" onChange={(e) => set({ name: e.target.value })} />
      </label>
      <div className="review-field-row">
        <label className="review-field">Model
          <select value={v.model} data-testid="sample-model" onChange={(e) => set({ model: e.target.value })}>
            <option value="">All</option>
            {(facets?.models ?? []).map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label className="review-field">Prompt version
          <select value={v.promptVersion} data-testid="sample-prompt" onChange={(e) => set({ promptVersion: e.target.value })}>
            <option value="">All</option>
            {(facets?.promptVersions ?? []).map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      </div>
      <div className="review-field-row">
        <label className="review-field">Method
          <select value={v.method} data-testid="sample-method" onChange={(e) => set({ method: e.target.value as Values['method'] })}>
            <option value="random">Simple random</option>
            <option value="stratified">Stratified (proportional)</option>
            <option value="risk">Risk-weighted</option>
          </select>
        </label>
        {v.method === 'stratified' ? (
          <label className="review-field">Strata
            <select value={v.strata} data-testid="sample-strata" onChange={(e) => set({ strata: e.target.value as Values['strata'] })}>
              <option value="flag">Flag</option><option value="model">Model</option><option value="promptVersion">Prompt version</option>
            </select>
          </label>
        ) : null}
      </div>
      <div className="review-field-row">
        <label className="review-field">Size
          <select value={v.sizing} data-testid="sample-sizing" onChange={(e) => set({ sizing: e.target.value as Values['sizing'] })}>
            <option value="plan">Audit plan</option><option value="fixed">Fixed</option>
          </select>
        </label>
        {v.sizing === 'fixed' ? (
          <label className="review-field">Records
            <input className="text-input" type="number" min={1} value={v.size} data-testid="sample-size" onChange={(e) => set({ size: e.target.value })} />
          </label>
        ) : (
          <>
            <label className="review-field">Confidence<input className="text-input" value={v.confidence} data-testid="sample-confidence" onChange={(e) => set({ confidence: e.target.value })} /></label>
            <label className="review-field">Tolerable<input className="text-input" value={v.tolerable} data-testid="sample-tolerable" onChange={(e) => set({ tolerable: e.target.value })} /></label>
            <label className="review-field">Expected<input className="text-input" value={v.expected} data-testid="sample-expected" onChange={(e) => set({ expected: e.target.value })} /></label>
          </>
        )}
      </div>
      <div className="review-field-row">
        <label className="review-field">Seed
          <input className="text-input" value={v.seed} placeholder="random" data-testid="sample-seed" onChange={(e) => set({ seed: e.target.value })} />
        </label>
        <label className="review-field">Reviews per item
          <input className="text-input" type="number" min={1} max={10} value={v.minReviews} data-testid="sample-min-reviews" onChange={(e) => set({ minReviews: e.target.value })} />
        </label>
        <label className="review-check"><input type="checkbox" checked={v.blind} data-testid="sample-blind" onChange={(e) => set({ blind: e.target.checked })} /> Blind</label>
      </div>
      {error ? <p className="review-error" role="alert" data-testid="sample-error">{error}</p> : null}
      <button type="submit" className="button button-primary" disabled={busy || !v.name.trim()} data-testid="sample-submit">Draw sample</button>
    </form>
  );
}
