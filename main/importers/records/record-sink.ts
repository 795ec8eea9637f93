import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from '../../../shared/util/canonical-json';
import { decodeRecord, type EncodedRecord, type NewRecord, type RecordWriter } from '../../storage/record-writer';
import { templatePromptId, type PromptCollector } from './prompt-collector';
import type { RecordDraft } from './record-draft';

export type RecordOutcome = 'stored' | 'duplicate' | 'conflict';


/** Characters JSON.stringify would escape in a string (control characters included, hence the lint exception). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/** JSON.stringify of a string list, without its per-character escape pass when no string needs escaping. */
export function stringListJson(list: readonly string[]): string {
  for (let i = 0; i < list.length; i++) if (NEEDS_ESCAPE.test(list[i]!)) return JSON.stringify(list);
  return list.length === 0 ? '[]' : `["${list.join('","')}"]`;
}

function plainStringListJson(list: readonly string[]): string {
  return list.length === 0 ? '[]' : `["${list.join('","')}"]`;
}

/**
 * canonicalJson, faster for flat objects (the usual metadata): JSON.stringify with the sorted keys as its key
 * list writes the same text, since nothing nested would be filtered by that list.
 */
export function metadataJson(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const v = o[keys[i]!];
    if (v !== null && typeof v === 'object') return canonicalJson(o);
    if (i > 0 && keys[i - 1]! >= keys[i]!) sorted = false;
  }
  return sorted ? JSON.stringify(o) : JSON.stringify(o, keys.sort());
}

/** ES2024 string methods (in Node 20; not yet in the ES2023 typings this project compiles against). */
type Es2024String = string & { isWellFormed(): boolean; toWellFormed(): string };

/**
 * The text with any lone surrogate replaced by U+FFFD, as UTF-8 encoding does: SQLite then stores valid UTF-8
 * whichever thread encoded the text (better-sqlite3 would write the surrogate's invalid 3-byte form). O(1) for
 * the usual one-byte strings.
 */
export function wellFormed(s: string): string {
  return (s as Es2024String).isWellFormed() ? s : (s as Es2024String).toWellFormed();
}

/**
 * A draft as the row to store: contexts and metadata as JSON text (metadata in canonical key order).
 * `escapeFree` tells that the source text had no backslash, so no parsed string needs escaping in JSON.
 */
export function toNewRecord(d: RecordDraft, escapeFree = false): NewRecord {
  return {
    externalId: d.id, timestamp: d.timestamp, model: d.model, modelVersion: d.modelVersion,
    promptId: d.promptId ?? (d.promptTemplate !== null ? templatePromptId(d.promptTemplate) : null), promptVersion: d.promptVersion,
    input: wellFormed(d.input), output: wellFormed(d.output), contextsJson: escapeFree ? plainStringListJson(d.contexts) : stringListJson(d.contexts), tokensIn: d.tokensIn, tokensOut: d.tokensOut,
    latencyMs: d.latencyMs, cost: d.cost, metadataJson: metadataJson(d.metadata),
  };
}

const NUL = '\u0000';

/**
 * One stored record as hashed into the asset's content hash: its fields in a fixed order, free text
 * length-prefixed (no escaping needed) and nulls distinct from any string. The content hash is the SHA-256 of
 * these lines in row order, so it is the same whatever the source's key order, whitespace, line ends or
 * compression, and whether the rows were parsed on one thread or two.
 */
export function recordLine(r: NewRecord): string {
  return `${r.externalId ?? NUL}\u001f${r.timestamp ?? NUL}\u001f${r.model ?? NUL}\u001f${r.modelVersion ?? NUL}\u001f${r.promptId ?? NUL}\u001f${r.promptVersion ?? NUL}\u001f${r.tokensIn ?? NUL}\u001f${r.tokensOut ?? NUL}\u001f${r.latencyMs ?? NUL}\u001f${r.cost ?? NUL}\u001f${r.input.length}:${r.input}\u001f${r.output.length}:${r.output}\u001f${r.contextsJson}\u001f${r.metadataJson}\n`;
}

/** SHA-256 over record lines. One update per line: cheaper than joining lines first (the join copies them again). */
export class ContentHasher {
  private readonly hash: Hash = createHash('sha256');
  count = 0;

  add(r: NewRecord): void {
    this.hash.update(recordLine(r));
    this.count++;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Stores records through one prepared statement and keeps the content hash of exactly what was stored. A
 * repeated external id is a duplicate when the record is identical, a conflict otherwise.
 */
export class RecordSink {
  private readonly hasher = new ContentHasher();
  /** Set when records were hashed elsewhere (the JSONL worker): the hash to use if nothing was skipped here. */
  private skipped = false;
  stored = 0;

  constructor(private readonly writer: RecordWriter, private readonly prompts: PromptCollector | null) {}

  addDraft(d: RecordDraft, escapeFree = false): RecordOutcome {
    return this.add(toNewRecord(d, escapeFree), d.promptTemplate, true);
  }

  /** `hash` is false when the caller hashes the record itself. */
  add(r: NewRecord, template: string | null, hash: boolean): RecordOutcome {
    if (!this.writer.insert(r)) return this.repeated(r);
    if (hash) this.hasher.add(r);
    return this.stored_(r, template);
  }

  /** A record packed and hashed by the JSONL worker: its long fields go to SQLite as the bytes they arrived in. */
  addEncoded(r: EncodedRecord, template: string | null): RecordOutcome {
    return this.writer.insertEncoded(r) ? this.stored_(r, template) : this.repeated(decodeRecord(r));
  }

  private stored_(r: Pick<NewRecord, 'promptId' | 'promptVersion'>, template: string | null): RecordOutcome {
    this.stored++;
    if (r.promptId !== null || template !== null) this.prompts?.see(r.promptId, r.promptVersion, template);
    return 'stored';
  }

  private repeated(r: NewRecord): RecordOutcome {
    this.skipped = true;
    const before = this.writer.existing(r.externalId!);
    return before && sameRecord(before, r) ? 'duplicate' : 'conflict';
  }

  /**
   * The content hash. `external` is the worker's hash over every record it sent; it is right when every one
   * was stored, otherwise the stored rows are read back and hashed (rare: only imports with repeated ids).
   */
  contentSha256(external?: { sha256: string; count: number }): string {
    if (!external) return this.hasher.digest();
    if (!this.skipped && external.count === this.stored) return external.sha256;
    const h = new ContentHasher();
    for (const r of this.writer.stored()) h.add(r);
    return h.digest();
  }
}

function sameRecord(a: NewRecord, b: NewRecord): boolean {
  return a.timestamp === b.timestamp && a.model === b.model && a.modelVersion === b.modelVersion && a.promptId === b.promptId
    && a.promptVersion === b.promptVersion && a.input === b.input && a.output === b.output && a.contextsJson === b.contextsJson
    && a.tokensIn === b.tokensIn && a.tokensOut === b.tokensOut && a.latencyMs === b.latencyMs && a.cost === b.cost
    && a.metadataJson === b.metadataJson;
}
