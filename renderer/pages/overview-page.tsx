import type { Asset } from '../../shared/contract/schemas';
import { Badge, type BadgeTone } from '../components/badge';
import { EmptyState, ErrorBanner, Loading } from '../components/feedback';
import { HashText } from '../components/hash-text';
import { PageHeader } from '../components/page-header';
import { StatCard } from '../components/stat-card';
import { formatCount, formatTimestamp } from '../format/format';
import { useApi } from '../hooks/use-api';
import { formatHash } from '../routing/routes';
import { ChainBadge } from './audit/chain-badge';
import { AnalysisCard } from './overview/analysis-card';
import { CostCard } from './overview/cost-card';
import { GatesCard } from './overview/gates-card';
import { FlagKpis } from './overview/flag-kpis';
import { RecordBreakdown } from './overview/record-breakdown';
import { PopulationProfileCard } from './overview/population-profile-card';
import { AssetVersionsPanel } from './import/asset-versions';

const KIND_LABEL: Record<Asset['kind'], string> = { logs: 'Logs', dataset: 'Dataset', kb: 'Knowledge base', prompt: 'Prompt' };
const KIND_TONE: Record<Asset['kind'], BadgeTone> = { logs: 'info', dataset: 'accent', kb: 'success', prompt: 'warning' };

export function OverviewPage() {
  const info = useApi('workspace.info', {});
  const assets = useApi('assets.list', {});
  const chain = useApi('audit.verify', {});

  return (
    <div className="page">
      <PageHeader
        title="Overview"
        subtitle={info.data ? (
          <span data-testid="workspace-summary">
            <strong>{info.data.name}</strong> <span className="muted">at</span> <span className="mono" title={info.data.path}>{info.data.path}</span>
          </span>
        ) : undefined}
      />
      {info.error ? <ErrorBanner error={info.error} onRetry={info.reload} /> : null}

      <div className="stat-grid" data-testid="workspace-stats">
        <StatCard label="Records" value={formatCount(info.data?.recordCount)} testId="stat-records"
          hint={<a href={formatHash('records')}>Browse records</a>} />
        <StatCard label="Assets" value={formatCount(info.data?.assetCount)} testId="stat-assets" hint="Logs, datasets, knowledge bases" />
        <StatCard label="Audit entries" value={chain.data ? formatCount(chain.data.length) : '—'} testId="stat-chain"
          hint={chain.data ? <ChainBadge status={chain.data} /> : chain.error ? 'Could not verify' : 'Verifying…'} />
        <StatCard label="Schema version" value={info.data ? String(info.data.schemaVersion) : '—'} hint="Workspace database" />
      </div>

      <FlagKpis />
      <PopulationProfileCard />
      <GatesCard />
      <CostCard />
      <AnalysisCard />

      <section className="card">
        <div className="card-header">
          <h2 className="card-title">Assets</h2>
          <span className="card-meta">{assets.data ? `${formatCount(assets.data.length)} total` : null}</span>
          <a className="button" href={formatHash('import')} data-testid="overview-import">Import…</a>
        </div>
        {assets.error ? <ErrorBanner error={assets.error} onRetry={assets.reload} /> : null}
        {assets.data === undefined && !assets.error ? <Loading /> : null}
        {assets.data?.length === 0 ? (
          <EmptyState title="No assets yet">Import logs with <code>assay import &lt;workspace&gt; &lt;file.jsonl&gt;</code>.</EmptyState>
        ) : null}
        {assets.data && assets.data.length > 0 ? <AssetsTable assets={assets.data} /> : null}
      </section>

      <AssetVersionsPanel />
      <RecordBreakdown />
    </div>
  );
}

function AssetsTable({ assets }: { assets: Asset[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="assets-table">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Name</th>
            <th className="num">Version</th>
            <th className="num">Rows</th>
            <th>SHA-256</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {assets.map((asset) => (
            <tr key={asset.id} data-testid="asset-row">
              <td><Badge tone={KIND_TONE[asset.kind]}>{KIND_LABEL[asset.kind]}</Badge></td>
              <td>
                <div className="cell-strong">{asset.name}</div>
                {asset.sourcePath ? <div className="cell-sub mono" title={asset.sourcePath}>{asset.sourcePath}</div> : null}
              </td>
              <td className="num">v{asset.version}</td>
              <td className="num">{formatCount(asset.rowCount)}</td>
              <td><HashText hash={asset.sha256} /></td>
              <td className="nowrap">{formatTimestamp(asset.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
