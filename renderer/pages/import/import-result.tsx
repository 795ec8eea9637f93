import { useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/import-schemas';
import { call, hostKind } from '../../api/client';
import { HashText } from '../../components/hash-text';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { QuarantineList } from './preview-table';

const STORED = { logs: 'records', dataset: 'rows', kb: 'chunks' } as const;
const PAGE = 50;

/**
 * The desktop app writes where the user picks in its save dialog; in browser mode the rows come back and are
 * saved as a download (the server writes nowhere the page names).
 */
async function exportQuarantine(importId: number): Promise<string | null> {
  const name = `quarantine-import-${importId}.jsonl`;
  if (hostKind === 'desktop') {
    const target = await call('import.pickExportTarget', { defaultName: name });
    if (!target) return null;
    const r = await call('import.quarantineExport', { importId, path: target.handle });
    return `wrote ${r.written} rows to ${target.name}`;
  }
  const r = await call('import.quarantineExport', { importId });
  const url = URL.createObjectURL(new Blob([r.jsonl ?? ''], { type: 'application/jsonl' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `downloaded ${r.written} rows as ${name}`;
}

/** The ledger after an import (input = imported + quarantined + duplicates), hashes, and the full quarantine. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  const s = summary;
  const n = formatCount;
  return (
    <div className="import-steps" data-testid="import-result">
      <div className="import-ledger">
        {s.duplicateOfAssetId !== null
          ? `Identical content is already asset ${s.duplicateOfAssetId} (v${s.version}); nothing was imported.`
          : s.assetId === null ? 'Nothing was imported: every input row was quarantined.'
            : `Imported ${s.kind} “${s.name}” v${s.version}.`}
      </div>
      <div className="import-ledger-ok" data-testid="import-ledger">
        {n(s.inputCount)} input = {n(s.imported)} imported + {n(s.quarantined)} quarantined + {n(s.duplicates)} duplicates · {n(s.stored)} {STORED[s.kind]} stored
      </div>
      <dl className="kv kv-wide">
        <dt>Source SHA-256</dt><dd><HashText hash={s.sha256} length={20} /></dd>
        <dt>Content SHA-256</dt><dd><HashText hash={s.contentSha256} length={20} /></dd>
        <dt>Files</dt><dd>{s.sources.map((f) => f.path).join(', ')}</dd>
        {s.prompts.length ? <><dt>Prompts</dt><dd>{s.prompts.map((p) => `${p.promptId}${p.promptVersion ? `@${p.promptVersion}` : ''}${p.created ? ' (new)' : ''}`).join(', ')}</dd></> : null}
        {s.kbChanges ? <><dt>Against previous</dt><dd>{s.kbChanges.added} added, {s.kbChanges.removed} removed, {s.kbChanges.changed} changed, {s.kbChanges.unchanged} unchanged</dd></> : null}
      </dl>
      {s.warnings.map((w) => <div key={w} className="banner banner-info"><span className="banner-text">{w}</span></div>)}
      {s.quarantined > 0 ? (
        <>
          <div className="card-header">
            <h3 className="card-title">Quarantine</h3>
            <span className="card-meta">{n(s.quarantined)} rows</span>
          </div>
          {s.importId !== null ? <QuarantinePager importId={s.importId} total={s.quarantined} /> : <QuarantineList rows={s.quarantine} />}
        </>
      ) : null}
    </div>
  );
}

/** Every quarantined row of an import, a page at a time, and an export as JSONL (save dialog or download). */
function QuarantinePager({ importId, total }: { importId: number; total: number }) {
  const [offset, setOffset] = useState(0);
  const [exported, setExported] = useState<string | null>(null);
  const page = useApi('import.quarantine', { importId, offset, limit: PAGE });
  return (
    <>
      {page.data ? <QuarantineList rows={page.data.rows} /> : null}
      <div className="import-actions">
        <button type="button" className="button button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
        <button type="button" className="button button-small" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>Next</button>
        <button type="button" className="button button-small" data-testid="import-quarantine-export"
          onClick={() => void exportQuarantine(importId).then(setExported, (e: Error) => setExported(e.message))}>
          Export JSONL
        </button>
        {exported ? <span className="muted">{exported}</span> : null}
      </div>
    </>
  );
}
