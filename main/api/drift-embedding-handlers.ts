// drift.embeddings: text drift between two sets of LLM log records (e.g. prompt v1's inputs against v2's, or
// last month's against this month's). Records are read here; embedding and the statistics run on a worker thread
// (main/drift/run-embedding-drift.ts).
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { EmbeddingDriftReport, NovelRecord } from '../../shared/contract/drift-schemas';
import { runEmbeddingDrift } from '../drift/run-embedding-drift';
import type { Workspace } from '../storage/workspace';
import { loadRecordSet } from './drift-records';

const EXCERPT_CHARS = 240;

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

export function createEmbeddingDriftHandlers(ws: Workspace): Pick<Handlers, 'drift.embeddings'> {
  return {
    async 'drift.embeddings'({ reference, current, field, maxRecords, top }) {
      const sets = { reference: loadRecordSet(ws, reference, 'reference', maxRecords, 1), current: loadRecordSet(ws, current, 'current', maxRecords, 2) };
      for (const [side, set] of Object.entries(sets)) {
        if (set.matched === 0) throw new ApiError('bad_request', `the ${side} set (${set.label}) matches no records`);
      }
      const computed = await runEmbeddingDrift({
        reference: sets.reference.records.map((r) => r[field]), current: sets.current.records.map((r) => r[field]), top,
      });
      const ref = { records: computed.referenceKept.map((i) => sets.reference.records[i]!), empty: sets.reference.records.length - computed.referenceKept.length };
      const cur = { records: computed.currentKept.map((i) => sets.current.records[i]!), empty: sets.current.records.length - computed.currentKept.length };
      if (ref.records.length < 2) throw new ApiError('bad_request', `the reference set (${sets.reference.label}) has ${ref.records.length} record${ref.records.length === 1 ? '' : 's'} with ${field} text to embed; at least 2 are needed`);
      if (cur.records.length === 0) throw new ApiError('bad_request', `the current set (${sets.current.label}) has no record with ${field} text to embed`);
      const result = computed.result!;
      const notes: string[] = [];
      for (const [side, set] of Object.entries(sets)) {
        if (set.matched > set.records.length) notes.push(`${side}: a seeded sample of ${set.records.length} of ${set.matched} matching records was embedded`);
      }
      for (const [side, e] of [['reference', ref], ['current', cur]] as const) {
        if (e.empty) notes.push(`${side}: ${e.empty} record${e.empty > 1 ? 's' : ''} with no ${field} text to embed left out`);
      }
      const novel = (n: { index: number; distance: number; nearest_reference: number }): NovelRecord => {
        const r = cur.records[n.index]!;
        const near = n.nearest_reference >= 0 ? ref.records[n.nearest_reference] : undefined;
        return {
          record_id: r.id, distance: n.distance, excerpt: excerpt(r[field]),
          nearest_reference_id: near?.id ?? null, nearest_reference_excerpt: near ? excerpt(near[field]) : null,
          timestamp: r.timestamp, model: r.model, prompt_version: r.promptVersion,
        };
      };
      const report: EmbeddingDriftReport = {
        field,
        reference: { matched: sets.reference.matched, embedded: ref.records.length, label: sets.reference.label },
        current: { matched: sets.current.matched, embedded: cur.records.length, label: sets.current.label },
        provider: computed.provider,
        dimension: result.dimension,
        centroid: result.centroid,
        mmd: result.mmd,
        classifier: result.classifier,
        novelty: result.novelty && {
          threshold: result.novelty.threshold, share_novel: result.novelty.share_novel, drifted: result.novelty.drifted,
          search: 'hnsw', most_novel: result.novelty.most_novel.map(novel),
        },
        thresholds: result.thresholds,
        drifted: result.drifted,
        notes: [...notes, ...result.notes],
      };
      return report;
    },
  };
}
