import { useState, type DragEvent } from 'react';
import { call } from '../../api/client';
import type { VerifyResult } from '../../../shared/contract/report-schemas';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { toError } from '../../hooks/use-api';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Drop report.pdf, or report.json with report.json.sig and report.sig.json, and see each check. */
export function VerifyPanel() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [against, setAgainst] = useState(false);
  const [pub, setPub] = useState('');
  const [hover, setHover] = useState(false);

  const verify = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    setResult(null);
    setNames(files.map((f) => f.name));
    try {
      const payload = await Promise.all(files.slice(0, 4).map(async (f) => ({ name: f.name, base64: await toBase64(f) })));
      setResult(await call('reports.verify', { files: payload, against, ...(pub.trim() ? { publicKeyPem: pub.trim() } : {}) }));
    } catch (err) {
      setError(toError(err));
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setHover(false);
    void verify([...e.dataTransfer.files]);
  };

  return (
    <div className="report-verify">
      <div className={`drop-zone${hover ? ' drop-zone-hover' : ''}`} data-testid="verify-drop" onDragOver={(e) => { e.preventDefault(); setHover(true); }}
        onDragLeave={() => setHover(false)} onDrop={onDrop}>
        <p>Drop <strong>report.pdf</strong>, or <strong>report.json</strong> with <strong>report.json.sig</strong> and <strong>report.sig.json</strong>.</p>
        <label className="button">
          Choose files
          <input type="file" multiple hidden accept=".pdf,.json,.sig" data-testid="verify-input" onChange={(e) => void verify([...(e.target.files ?? [])])} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={against} onChange={(e) => setAgainst(e.target.checked)} data-testid="verify-against" />
        Also recompute every number and the audit anchor from this workspace
      </label>
      <label className="report-pub">
        Signer&apos;s public key (PEM, optional: without it the key named in the report is used and not pinned)
        <textarea rows={3} value={pub} onChange={(e) => setPub(e.target.value)} placeholder="-----BEGIN PUBLIC KEY-----" data-testid="verify-pub" />
      </label>
      {busy ? <Loading label={`Verifying ${names.join(', ')}…`} /> : null}
      {error ? <ErrorBanner error={error} /> : null}
      {result ? (
        <div data-testid="verify-result" data-ok={result.ok}>
          <p>
            <Badge tone={result.ok ? 'success' : 'danger'}>{result.ok ? 'VALID' : 'INVALID'}</Badge>{' '}
            {names.join(', ')}{result.reportId ? ` · report ${result.reportId}` : ''}{result.keyPinned ? '' : ' · key not pinned'}
          </p>
          <ul className="verify-checks">
            {result.checks.map((c, i) => (
              <li key={i} data-testid="verify-check" data-ok={c.ok}>
                <Badge tone={c.ok ? 'success' : 'danger'}>{c.ok ? 'ok' : 'fail'}</Badge> <strong>{c.name}</strong>: {c.detail}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
