import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from '../../../shared/util/canonical-json';
import type { NewRecord, RecordWriter } from '../../storage/record-writer';
import { templatePromptId, type PromptCollector } from './prompt-collector';
import type { RecordDraft } from './record-draft';

export type RecordOutcome = 'stored' | 'duplicate' | 'conflict';

const HASH_BATCH_CHARS = 1 << 20;

/**
 * Stores drafts through one prepared statement and hashes exactly what is stored (in a fixed field order, with
 * metadata in canonical key order), so the content hash is the same whatever the source's key order, line
 * ends or compression. A repeated external id is a duplicate when the record is identical, a conflict otherwise.
 */
export class RecordSink {
  private readonly hash: Hash = createHash('sha256');
  private pending: string[] = [];
  private pendingChars = 0;
  stored = 0;

  constructor(private readonly writer: RecordWriter, private readonly prompts: PromptCollector | null) {}

  add(d: RecordDraft): RecordOutcome {
    if (d.promptId === null && d.promptTemplate !== null) d.promptId = templatePromptId(d.promptTemplate);
    const r: NewRecord = {
      externalId: d.id, timestamp: d.timestamp, model: d.model, modelVersion: d.modelVersion, promptId: d.promptId,
      promptVersion: d.promptVersion, input: d.input, output: d.output, contextsJson: JSON.stringify(d.contexts),
      tokensIn: d.tokensIn, tokensOut: d.tokensOut, latencyMs: d.latencyMs, cost: d.cost, metadataJson: canonicalJson(d.metadata),
    };
    if (!this.writer.insert(r)) {
      const before = this.writer.existing(r.externalId!);
      return before && sameRecord(before, r) ? 'duplicate' : 'conflict';
    }
    this.stored++;
    if (d.promptId !== null || d.promptTemplate !== null) this.prompts?.see(d.promptId, d.promptVersion, d.promptTemplate);
    const line = `${JSON.stringify([r.externalId, r.timestamp, r.model, r.modelVersion, r.promptId, r.promptVersion, r.input, r.output,
      r.tokensIn, r.tokensOut, r.latencyMs, r.cost])}\u0000${r.contextsJson}\u0000${r.metadataJson}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= HASH_BATCH_CHARS) this.flush();
    return 'stored';
  }

  contentSha256(): string {
    this.flush();
    return this.hash.digest('hex');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.hash.update(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}

function sameRecord(a: NewRecord, b: NewRecord): boolean {
  return a.timestamp === b.timestamp && a.model === b.model && a.modelVersion === b.modelVersion && a.promptId === b.promptId
    && a.promptVersion === b.promptVersion && a.input === b.input && a.output === b.output && a.contextsJson === b.contextsJson
    && a.tokensIn === b.tokensIn && a.tokensOut === b.tokensOut && a.latencyMs === b.latencyMs && a.cost === b.cost
    && a.metadataJson === b.metadataJson;
}
