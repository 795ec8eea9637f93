import { useState } from 'react';
import { call } from '../../api/client';
import type { ReportRequest } from '../../../shared/contract/report-schemas';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { ErrorBanner, Loading } from '../../components/feedback';
import { HashText } from '../../components/hash-text';
import { toError, useApi } from '../../hooks/use-api';
import { ReportPreview } from './report-preview';
import { ScopeForm } from './scope-form';

type GenerateResult = Awaited<ReturnType<typeof call<'reports.generate'>>>;

/** Scope, preview, key, then generate and sign. */
export function GeneratePanel() {
  const [request, setRequest] = useState<ReportRequest>({});
  const [preview, setPreview] = useState<ReportV1 | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [format, setFormat] = useState<'both' | 'json' | 'pdf'>('both');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<GenerateResult | null>(null);
  const keys = useApi('reports.keys', {});
  const askPassphrase = keys.data?.protection !== 'os';

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(toError(err));
    } finally {
      setBusy(null);
    }
  };
  const previewNow = () => run('Building the preview…', async () => setPreview(await call('reports.preview', request)));
  const keygen = () => run('Creating keys…', async () => {
    await call('reports.keygen', askPassphrase ? { passphrase } : {});
    keys.reload();
  });
  const generate = () => run('Generating and signing…', async () => {
    setDone(await call('reports.generate', { request, format, ...(askPassphrase ? { passphrase } : {}) }));
  });

  return (
    <div className="report-generate">
      <section className="card">
        <div className="card-header"><h2 className="card-title">Scope and sections</h2></div>
        <div className="card-body">
          <ScopeForm value={request} onChange={(next) => { setRequest(next); setPreview(null); }} />
          <button type="button" className="button" onClick={() => void previewNow()} disabled={busy !== null} data-testid="report-preview-button">Preview</button>
        </div>
      </section>
      {preview ? <section className="card"><div className="card-body"><ReportPreview report={preview} /></div></section> : null}
      <section className="card">
        <div className="card-header"><h2 className="card-title">Sign</h2></div>
        <div className="card-body">
          {keys.error ? <ErrorBanner error={keys.error} onRetry={keys.reload} /> : null}
          {keys.data ? (
            <p data-testid="report-key-status">
              {keys.data.exists ? <>Signing key <HashText hash={keys.data.keyId} /> in <code>{keys.data.keyDir}</code></> : <>No signing key yet (folder <code>{keys.data.keyDir}</code>).</>}
              {' '}{keys.data.protection === 'os' ? 'Its passphrase is kept by the OS keychain.' : 'Its passphrase is asked at each signing.'}
            </p>
          ) : null}
          {askPassphrase ? (
            <label className="check">Key passphrase
              <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" data-testid="report-passphrase" />
            </label>
          ) : null}
          <label className="check">Files
            <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)} data-testid="report-format">
              <option value="both">JSON and PDF</option><option value="json">JSON only</option><option value="pdf">PDF only</option>
            </select>
          </label>
          <div className="report-actions">
            {keys.data && !keys.data.exists
              ? <button type="button" className="button" onClick={() => void keygen()} disabled={busy !== null} data-testid="report-keygen">Create signing keys</button>
              : null}
            <button type="button" className="button button-primary" onClick={() => void generate()} disabled={busy !== null || !keys.data?.exists}
              data-testid="report-generate">Generate and sign</button>
          </div>
          {busy ? <Loading label={busy} /> : null}
          {error ? <ErrorBanner error={error} /> : null}
          {done ? (
            <div className="report-done" data-testid="report-done">
              Report {done.reportId}: {done.records} records, {done.findings} findings. report.json <HashText hash={done.jsonSha256} />
              {done.pdfSha256 ? <> · report.pdf <HashText hash={done.pdfSha256} /></> : null} · written to <code>{done.outDir}</code>
            </div>
          ) : null}
        </div>
      </section>
    </div>
  );
}
