// Every input by hash: assets in scope, vector indexes, and the analyzer versions and params hashes behind the
// scores, with what each analyzer does and its measured accuracy.
import { methodText } from '../../../shared/report/analyzer-methods';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { getAsset } from '../../storage/assets-repo';
import { getRun } from '../../storage/findings-repo';
import { listVectorIndexes } from '../../storage/indexes-repo';
import { scoringRunIds } from '../../storage/reports-repo';
import type { SectionContext } from './context';

export function buildInputs(ctx: SectionContext): ReportV1['inputs'] {
  const db = ctx.ws.db;
  const assets = ctx.scope.asset_ids.flatMap((id) => {
    const a = getAsset(db, id);
    return a ? [{ id: a.id, kind: a.kind, name: a.name, version: a.version, sha256: a.sha256, rows: a.rowCount }] : [];
  });
  const indexes = listVectorIndexes(db).map((ix) => ({
    id: ix.id, source: ix.source, asset_id: ix.assetId, asset_sha256: ix.assetSha256, provider: `${ix.providerId}@${ix.providerVersion}`, items: ix.itemCount,
  }));
  return { assets, indexes };
}

export function buildAnalyzers(ctx: SectionContext): { analyzers: ReportV1['analyzers']; methods: ReportV1['methods'] } {
  const byKey = new Map<string, { id: string; version: string; params_hash: string; run_ids: number[] }>();
  for (const runId of scoringRunIds(ctx.ws.db, ctx.records)) {
    for (const s of getRun(ctx.ws.db, runId)?.analyzers ?? []) {
      const key = `${s.id}|${s.version}|${s.paramsHash}`;
      const entry = byKey.get(key) ?? { id: s.id, version: s.version, params_hash: s.paramsHash, run_ids: [] };
      entry.run_ids.push(runId);
      byKey.set(key, entry);
    }
  }
  const analyzers = [...byKey.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version.localeCompare(b.version) || a.params_hash.localeCompare(b.params_hash));
  const methods = analyzers.map((a) => {
    const m = methodText(a.id);
    return { analyzer_id: a.id, version: a.version, params_hash: a.params_hash, description: m.description, accuracy: m.accuracy, accuracy_note: m.accuracyNote };
  });
  return { analyzers, methods };
}
