import { createHash, hash as oneShotHash, type Hash } from 'node:crypto';
import { canonicalJson } from '../../../shared/util/canonical-json';
import type { NewRecord, RecordWriter } from '../../storage/record-writer';
import { templatePromptId, type PromptCollector } from './prompt-collector';
import type { RecordDraft } from './record-draft';

export type RecordOutcome = 'stored' | 'duplicate' | 'conflict';

/** Digests fed to the content hash at once: one native call per few thousand records. */
const DIGEST_BATCH = 4096;

/** Characters JSON.stringify would escape in a string. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/** JSON.stringify of a string list, without its per-character escape pass when no string needs escaping. */
export function stringListJson(list: readonly string[]): string {
  for (let i = 0; i < list.length; i++) if (NEEDS_ESCAPE.test(list[i]!)) return JSON.stringify(list);
  return list.length === 0 ? '[]' : `["${list.join('","')}"]`;
}

/** canonicalJson, taking the plain JSON.stringify path for flat objects whose keys are already sorted. */
export function metadataJson(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]!];
    if ((i > 0 && keys[i - 1]! >= keys[i]!) || (v !== null && typeof v === 'object') || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return canonicalJson(o);
  }
  return JSON.stringify(o);
}

/** A draft as the row to store: contexts and metadata as JSON text (metadata in canonical key order). */
export function toNewRecord(d: RecordDraft): NewRecord {
  return {
    externalId: d.id, timestamp: d.timestamp, model: d.model, modelVersion: d.modelVersion,
    promptId: d.promptId ?? (d.promptTemplate !== null ? templatePromptId(d.promptTemplate) : null), promptVersion: d.promptVersion,
    input: d.input, output: d.output, contextsJson: stringListJson(d.contexts), tokensIn: d.tokensIn, tokensOut: d.tokensOut,
    latencyMs: d.latencyMs, cost: d.cost, metadataJson: metadataJson(d.metadata),
  };
}

const NUL = '\u0000';

/**
 * SHA-256 of one stored record: its fields in a fixed order, free text length-prefixed so no escaping is needed
 * and nulls distinct from any string. The asset's content hash is the SHA-256 of these digests in row order,
 * so it is the same whatever the source's key order, whitespace, line ends or compression, and whether the
 * rows were parsed on one thread or two.
 */
export function recordDigest(r: NewRecord): Buffer {
  const line = `${r.externalId ?? NUL}\u001f${r.timestamp ?? NUL}\u001f${r.model ?? NUL}\u001f${r.modelVersion ?? NUL}\u001f${r.promptId ?? NUL}\u001f${r.promptVersion ?? NUL}\u001f${r.tokensIn ?? NUL}\u001f${r.tokensOut ?? NUL}\u001f${r.latencyMs ?? NUL}\u001f${r.cost ?? NUL}\u001f${r.input.length}:${r.input}\u001f${r.output.length}:${r.output}\u001f${r.contextsJson}\u001f${r.metadataJson}`;
  return oneShotHash('sha256', line, 'buffer') as unknown as Buffer;
}

/**
 * Stores records through one prepared statement and keeps the content hash of exactly what was stored. A
 * repeated external id is a duplicate when the record is identical, a conflict otherwise.
 */
export class RecordSink {
  private readonly hash: Hash = createHash('sha256');
  private digests: Buffer[] = [];
  stored = 0;

  constructor(private readonly writer: RecordWriter, private readonly prompts: PromptCollector | null) {}

  addDraft(d: RecordDraft): RecordOutcome {
    const r = toNewRecord(d);
    return this.add(r, d.promptTemplate, recordDigest(r));
  }

  add(r: NewRecord, template: string | null, digest: Buffer): RecordOutcome {
    if (!this.writer.insert(r)) {
      const before = this.writer.existing(r.externalId!);
      return before && sameRecord(before, r) ? 'duplicate' : 'conflict';
    }
    this.stored++;
    if (r.promptId !== null || template !== null) this.prompts?.see(r.promptId, r.promptVersion, template);
    this.digests.push(digest);
    if (this.digests.length >= DIGEST_BATCH) this.flush();
    return 'stored';
  }

  contentSha256(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    if (this.digests.length === 0) return;
    this.hash.update(Buffer.concat(this.digests));
    this.digests = [];
  }
}

function sameRecord(a: NewRecord, b: NewRecord): boolean {
  return a.timestamp === b.timestamp && a.model === b.model && a.modelVersion === b.modelVersion && a.promptId === b.promptId
    && a.promptVersion === b.promptVersion && a.input === b.input && a.output === b.output && a.contextsJson === b.contextsJson
    && a.tokensIn === b.tokensIn && a.tokensOut === b.tokensOut && a.latencyMs === b.latencyMs && a.cost === b.cost
    && a.metadataJson === b.metadataJson;
}
