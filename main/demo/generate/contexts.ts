import { DOC_BY_ID, KB_CHUNKS, type KbChunk } from './kb/index';
import type { RandomStream } from '../../../shared/util/rng';

/**
 * Simulated retrieval: the relevant chunks plus neighbours a vector search would also return (same document,
 * same category, and now and then something off-topic), 2 to 4 in all, relevant ones usually ranked first.
 */
export interface RetrieveOptions {
  /** Chunks the answer needs; may be empty when retrieval missed. */
  relevant: KbChunk[];
  /** Where the query pointed, for choosing neighbours when `relevant` is empty. */
  anchor: KbChunk;
  /** Neighbours that contain any of these strings are skipped, so a miss stays a miss. */
  avoid?: string[];
}

const CHUNKS_BY_CATEGORY = new Map<string, KbChunk[]>();
for (const chunk of KB_CHUNKS) {
  const category = DOC_BY_ID.get(chunk.docId)?.category ?? 'support';
  CHUNKS_BY_CATEGORY.set(category, [...(CHUNKS_BY_CATEGORY.get(category) ?? []), chunk]);
}

export function retrieve(rng: RandomStream, opts: RetrieveOptions): KbChunk[] {
  const total = Math.max(opts.relevant.length, rng.weighted([[2, 25], [3, 50], [4, 25]] as const));
  const doc = DOC_BY_ID.get(opts.anchor.docId);
  const sameDoc = doc?.chunks ?? [];
  const sameCategory = CHUNKS_BY_CATEGORY.get(doc?.category ?? 'support') ?? [];
  const chosen = new Set(opts.relevant.map((c) => c.id));
  const avoid = [...(opts.avoid ?? [])];
  if (opts.relevant.length === 0) chosen.add(opts.anchor.id);
  const distractors: KbChunk[] = [];
  for (let attempt = 0; distractors.length < total - opts.relevant.length && attempt < 40; attempt++) {
    const r = rng.next();
    const pool = r < 0.55 && sameDoc.length > 1 ? sameDoc : r < 0.9 ? sameCategory : KB_CHUNKS;
    const pick = rng.pick(pool);
    if (chosen.has(pick.id) || avoid.some((a) => pick.text.includes(a))) continue;
    chosen.add(pick.id);
    distractors.push(pick);
  }
  const [first, ...rest] = opts.relevant;
  if (!first) return distractors;
  const tail = rng.shuffle([...rest, ...distractors]);
  const firstAt = rng.chance(0.78) ? 0 : Math.min(1, tail.length);
  tail.splice(firstAt, 0, first);
  return tail;
}
