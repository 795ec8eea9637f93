import { useState } from 'react';
import type { MethodInput } from '../../../shared/contract/api';
import type { Asset } from '../../../shared/contract/schemas';
import { EmptyState } from '../../components/feedback';
import { Segmented, type SegmentedOption } from '../../components/segmented';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';
import { DatasetPicker } from './dataset-picker';
import { EMPTY_SET, RecordSetPicker, toFilter, type SetChoice } from './record-set-picker';
import { SkewResult } from './skew-result';

type ServingKind = 'records' | 'dataset';
type SkewRequest = MethodInput<'drift.skew'>;

function ServingKindSwitch({ value, onChange, hasLogs, hasDataset }: { value: ServingKind; onChange: (k: ServingKind) => void; hasLogs: boolean; hasDataset: boolean }) {
  const options: SegmentedOption<ServingKind>[] = [
    { value: 'records', label: 'Log records', disabled: !hasLogs, title: hasLogs ? 'Features read from the metadata of LLM log records' : 'No logs asset in this workspace' },
    { value: 'dataset', label: 'Dataset', disabled: !hasDataset, title: hasDataset ? 'A second dataset asset, e.g. exported serving inputs' : 'Import a second dataset to compare with' },
  ];
  return (
    <div className="skew-kind">
      <span className="select-label">Serving side</span>
      <Segmented label="Serving side" options={options} value={value} onChange={onChange} testId="skew-kind" />
    </div>
  );
}

/** Training-serving skew: a training dataset's features against log records or a serving dataset, run on request. */
export function SkewPanel({ datasets, logs }: { datasets: Asset[]; logs: Asset[] }) {
  const facets = useApi('records.facets', {});
  const [choice, setChoice] = useState<{ training?: number; kind?: ServingKind; records: SetChoice; servingAsset?: number }>({ records: EMPTY_SET });
  const [request, setRequest] = useState<SkewRequest | null>(null);
  const training = datasets.find((a) => a.id === choice.training) ?? datasets[0];
  const others = datasets.filter((a) => a.id !== training?.id);
  const servingAsset = others.find((a) => a.id === choice.servingAsset) ?? others[others.length - 1];
  const kind: ServingKind = choice.kind ?? (logs.length ? 'records' : 'dataset');
  const serving: SkewRequest['serving'] | undefined = kind === 'records'
    ? (logs.length ? { kind, filter: toFilter(choice.records) } : undefined)
    : (servingAsset ? { kind, assetId: servingAsset.id } : undefined);
  const run = () => { if (training && serving) setRequest({ trainingAssetId: training.id, serving }); };
  return (
    <section className="card" data-testid="skew-panel">
      <div className="card-header">
        <h2 className="card-title">Training-serving skew</h2>
        <span className="card-meta">the training dataset&apos;s feature and segment columns against the same-named fields of what the model was served</span>
      </div>
      {!training ? (
        <EmptyState title="A training dataset is needed">
          Import the table the model was trained on (CSV, Parquet) with feature roles on the <a href={formatHash('import')}>Import</a> page.
        </EmptyState>
      ) : (
        <>
          <form className="skew-form" onSubmit={(e) => { e.preventDefault(); run(); }}>
            <div className="skew-sides">
              <DatasetPicker label="Training" testId="skew-training" datasets={datasets} value={training.id} onChange={(id) => setChoice((c) => ({ ...c, training: id }))} />
              <ServingKindSwitch value={kind} onChange={(k) => setChoice((c) => ({ ...c, kind: k }))} hasLogs={logs.length > 0} hasDataset={others.length > 0} />
            </div>
            {kind === 'records' ? (
              <RecordSetPicker title="Serving records" testId="skew-serving-records" value={choice.records}
                onChange={(records) => setChoice((c) => ({ ...c, records }))} logs={logs} facets={facets.data} />
            ) : servingAsset ? (
              <div className="skew-sides">
                <DatasetPicker label="Serving" testId="skew-serving-asset" datasets={others} value={servingAsset.id} onChange={(id) => setChoice((c) => ({ ...c, servingAsset: id }))} />
              </div>
            ) : <p className="muted">Import a second dataset to compare with, or choose log records.</p>}
            <div className="embedding-actions">
              <button type="submit" className="button button-primary" disabled={!serving} data-testid="skew-run">Compare training with serving</button>
            </div>
          </form>
          <div className="embedding-body">
            {/* A fresh result per request, so an earlier run's error never stands in for the new one. */}
            {request ? <SkewResult key={JSON.stringify(request)} request={request} /> : <p className="muted">Choose the training data and the serving side, then press Compare.</p>}
          </div>
        </>
      )}
    </section>
  );
}
