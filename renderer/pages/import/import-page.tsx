import { useEffect, useState } from 'react';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/import-schemas';
import { call } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { toError } from '../../hooks/use-api';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { AssetVersionsPanel } from './asset-versions';
import { ImportProgress, useJob } from './import-progress';
import { ImportResult } from './import-result';
import { PreviewTable } from './preview-table';
import { SourcePicker } from './source-picker';
import { EMPTY_SPEC, SpecForm, toImportSpec, type SpecState } from './spec-form';
import './import.css';

/** The import wizard: sources, detected format and mapping with a preview, progress, then the ledger and quarantine. */
export function ImportPage() {
  const [paths, setPaths] = useState<string[]>([]);
  const [spec, setSpec] = useState<SpecState>(EMPTY_SPEC);
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [previewError, setPreviewError] = useState<Error | undefined>();
  const [previewing, setPreviewing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<Error | undefined>();
  const job = useJob(jobId);
  const request = useDebouncedValue(JSON.stringify({ paths, spec: toImportSpec(spec, preview) }), 400);

  useEffect(() => {
    const { paths: p, spec: s } = JSON.parse(request) as { paths: string[]; spec: ReturnType<typeof toImportSpec> };
    if (p.length === 0) { setPreview(undefined); setPreviewError(undefined); return undefined; }
    let live = true;
    setPreviewing(true);
    call('import.preview', { paths: p, spec: s, limit: 20 }).then(
      (r) => { if (live) { setPreview(r); setPreviewError(undefined); setPreviewing(false); } },
      (e: unknown) => { if (live) { setPreviewError(toError(e)); setPreviewing(false); } },
    );
    return () => { live = false; };
  }, [request]);

  const start = () => {
    setStartError(undefined);
    call('import.start', { paths, name: spec.name || undefined, spec: toImportSpec(spec, preview) })
      .then((r) => setJobId(r.jobId), (e: unknown) => setStartError(toError(e)));
  };
  const running = job?.status === 'running' || (jobId !== null && job === null);
  const summary = job?.status === 'succeeded' ? (job.result as ImportSummary) : null;

  return (
    <div className="page" data-testid="import-page">
      <PageHeader title="Import" subtitle="Logs (JSONL, JSON, CSV, OpenAI, OpenTelemetry GenAI, OpenInference, Langfuse), tabular datasets and knowledge bases" />
      <section className="card">
        <div className="card-header"><h2 className="card-title">1. Files</h2></div>
        <SourcePicker paths={paths} onChange={(p) => { setPaths(p); setJobId(null); }} />
      </section>
      <section className="card">
        <div className="card-header"><h2 className="card-title">2. Format and mapping</h2>{previewing ? <span className="card-meta">checking…</span> : null}</div>
        <SpecForm state={spec} preview={preview} onChange={setSpec} />
      </section>
      <section className="card">
        <div className="card-header"><h2 className="card-title">3. Preview (first rows as they will be stored)</h2></div>
        {previewError ? <ErrorBanner error={previewError} /> : null}
        {paths.length === 0 ? <div className="muted">Add a file or folder to see how it will be read.</div> : null}
        {previewing && !preview ? <Loading label="Reading the first rows…" /> : null}
        {preview ? <PreviewTable preview={preview} /> : null}
      </section>
      <section className="card">
        <div className="card-header"><h2 className="card-title">4. Import</h2></div>
        {startError ? <ErrorBanner error={startError} /> : null}
        {job?.status === 'failed' ? <ErrorBanner error={new Error(job.error ?? 'import failed')} /> : null}
        {job?.status === 'cancelled' ? <div className="banner banner-info"><span className="banner-text">Import cancelled; nothing was stored.</span></div> : null}
        {running && jobId ? <ImportProgress jobId={jobId} job={job} onCancel={() => void call('jobs.cancel', { jobId })} /> : (
          <div className="import-actions">
            <button type="button" className="button button-primary" data-testid="import-start" disabled={paths.length === 0 || !preview} onClick={start}>
              Import {preview ? `as ${preview.spec.kind}` : ''}
            </button>
          </div>
        )}
        {summary ? <ImportResult summary={summary} /> : null}
      </section>
      <AssetVersionsPanel />
    </div>
  );
}
