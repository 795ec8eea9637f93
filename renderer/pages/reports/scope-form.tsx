import type { ReportRequest } from '../../../shared/contract/report-schemas';
import { SECTION_IDS, type SectionId } from '../../../shared/report/report-schema';
import { useApi } from '../../hooks/use-api';

const SECTION_LABELS: Record<SectionId, string> = {
  metrics: 'Metrics by model and prompt version', drift: 'Data drift', model_quality: 'Model quality', review: 'Human review',
  comparisons: 'Comparisons and gates', evidence: 'Sample evidence',
};

/** Scope and sections of the report: assets (none ticked = all), period, sections, and the PII opt-in. */
export function ScopeForm({ value, onChange }: { value: ReportRequest; onChange: (next: ReportRequest) => void }) {
  const assets = useApi('assets.list', {});
  const picked = new Set(value.assetIds ?? []);
  const sections = new Set(value.sections ?? SECTION_IDS);
  const toggleAsset = (id: number) => {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange({ ...value, assetIds: next.size ? [...next].sort((a, b) => a - b) : undefined });
  };
  const toggleSection = (id: SectionId) => {
    const next = new Set(sections);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange({ ...value, sections: SECTION_IDS.filter((s) => next.has(s)) });
  };
  const date = (v: string) => (v ? new Date(v).toISOString() : undefined);
  return (
    <div className="report-scope" data-testid="report-scope">
      <fieldset>
        <legend>Assets <span className="muted">(none ticked: every asset)</span></legend>
        {(assets.data ?? []).map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={picked.has(a.id)} onChange={() => toggleAsset(a.id)} data-testid={`scope-asset-${a.id}`} />
            {a.name} v{a.version} <span className="muted">({a.kind}, {a.rowCount} rows)</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Period <span className="muted">(record timestamps)</span></legend>
        <label className="check">From <input type="date" onChange={(e) => onChange({ ...value, from: date(e.target.value) })} data-testid="scope-from" /></label>
        <label className="check">To <input type="date" onChange={(e) => onChange({ ...value, to: date(e.target.value) })} data-testid="scope-to" /></label>
      </fieldset>
      <fieldset>
        <legend>Sections</legend>
        {SECTION_IDS.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" checked={sections.has(id)} onChange={() => toggleSection(id)} data-testid={`scope-section-${id}`} />
            {SECTION_LABELS[id]}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={value.includePii ?? false} onChange={(e) => onChange({ ...value, includePii: e.target.checked })} data-testid="scope-include-pii" />
          Show personal data in sample evidence unmasked (the report says so)
        </label>
      </fieldset>
    </div>
  );
}
