import type { ResolvedSpec } from '../../../shared/contract/import-schemas';
import { createUnitStaging, type UnitStaging } from '../../storage/import-staging';
import { recordWriter } from '../../storage/record-writer';
import { openAiDraft, readOpenAiItem } from '../formats/openai';
import { typeName } from '../records/field-values';
import { mappedRecordReader } from '../records/mapped-records';
import { PromptCollector } from '../records/prompt-collector';
import { FieldError, type RecordDraft } from '../records/record-draft';
import { RecordSink, type RecordOutcome } from '../records/record-sink';
import { decodeRecord, type EncodedRecord } from '../../storage/record-writer';
import type { Loc } from './accounting';
import type { Pipeline, PipelineContext } from './pipeline';

type Obj = Record<string, unknown>;

/** Log records, one per input row: native or mapped JSONL/JSON/CSV, and OpenAI request/response lines. */
export interface RecordsPipeline extends Pipeline {
  /** Stores a record normalized, hashed and UTF-8 encoded elsewhere (the JSONL worker thread). */
  storeEncoded(r: EncodedRecord, template: string | null, loc: Loc): void;
  /** The worker's content hash over every record it sent; used when all of them were stored. */
  setExternalHash(h: { sha256: string; count: number }): void;
}

export function recordsPipeline(ctx: PipelineContext, prompts: PromptCollector): RecordsPipeline {
  const sink = new RecordSink(recordWriter(ctx.db, ctx.assetId), prompts);
  const spec = ctx.spec;
  const openai = spec.format === 'openai';
  const read = openai ? null : mappedRecordReader(spec.mapping ?? { fields: {}, metadata: 'rest' });
  let header: string[] = [];
  let staging: UnitStaging | null = null;
  let external: { sha256: string; count: number } | undefined;
  const acc = ctx.acc;

  function settle(outcome: RecordOutcome, id: string | null, loc: Loc, raw: () => string, units: number): void {
    if (outcome === 'stored') acc.accept(units);
    else if (outcome === 'duplicate') acc.duplicate(units);
    else acc.reject(loc, 'id', `duplicate id ${JSON.stringify(id)} with different content than an earlier row; the first one was kept`, raw());
  }

  /** `json` when raw is the record's JSON text: without a backslash in it, no parsed string needs escaping. */
  function store(d: RecordDraft, loc: Loc, raw: string, units: number, json: boolean): void {
    settle(sink.addDraft(d, json && raw.indexOf('\\') === -1), d.id, loc, () => raw, units);
  }

  function object(o: Obj, loc: Loc, raw: string, json: boolean): void {
    try {
      if (read) return store(read(o), loc, raw, 1, json);
      const item = readOpenAiItem(o);
      if (item.kind === 'record') return store(item.draft, loc, raw, 1, false);
      staging ??= createUnitStaging(ctx.db);
      const h = item.half;
      const body = JSON.stringify(h.body);
      if (!staging.put({ traceId: h.customId, unitId: `${h.side}:${h.customId}`, kind: 'span', startMs: null, body, file: loc.file, line: loc.line, byteOffset: loc.byteOffset })) {
        if (staging.existingBody(`${h.side}:${h.customId}`) === body) acc.duplicate();
        else acc.reject(loc, 'custom_id', `batch ${h.side} ${JSON.stringify(h.customId)} appears twice with different content; the first one was kept`, raw);
      }
    } catch (err) {
      if (err instanceof FieldError) acc.reject(loc, err.field, err.reason, raw);
      else throw err;
    }
  }

  function joinHalves(): void {
    if (!staging) return;
    let after: string | null = null;
    for (;;) {
      const ids = staging.traceIds(after, 500);
      if (ids.length === 0) break;
      for (const id of ids) {
        const units = staging.unitsOf(id);
        const req = units.find((u) => u.unitId.startsWith('request:'));
        const res = units.find((u) => u.unitId.startsWith('response:'));
        const at = (u: typeof req): Loc => ({ file: u!.file, line: u!.line, byteOffset: u!.byteOffset });
        if (!req || !res) {
          const only = (req ?? res)!;
          acc.reject(at(only), 'custom_id', `batch ${req ? 'request' : 'response'} ${JSON.stringify(id)} has no matching ${req ? 'response' : 'request'} in the files imported`, only.body);
          continue;
        }
        try {
          store(openAiDraft(JSON.parse(req.body) as Obj, JSON.parse(res.body) as Obj, {}, id), at(res), res.body, 2, false);
        } catch (err) {
          if (!(err instanceof FieldError)) throw err;
          acc.reject(at(res), err.field, err.reason, res.body);
          acc.reject(at(req), err.field, `the matching response was quarantined: ${err.reason}`, req.body);
        }
      }
      after = ids.at(-1)!;
    }
  }

  return {
    storeEncoded(r, template, loc) {
      settle(sink.addEncoded(r, template), r.externalId, loc, () => JSON.stringify(decodeRecord(r)), 1);
    },
    setExternalHash(h) {
      external = h;
    },
    json(value, loc, raw) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        acc.reject(loc, null, `expected a JSON object, got ${typeName(value)}`, raw);
        return;
      }
      object(value as Obj, loc, raw, true);
    },
    csvHeader(names) {
      header = names;
    },
    csvRow(fields, loc, raw) {
      if (fields.length !== header.length) {
        acc.reject(loc, null, `row has ${fields.length} fields, the header has ${header.length}`, raw);
        return;
      }
      const o: Obj = {};
      for (let i = 0; i < header.length; i++) o[header[i]!] = fields[i];
      object(o, loc, raw, false);
    },
    finish: joinHalves,
    stored: () => sink.stored,
    contentSha256: () => sink.contentSha256(external),
    resolvedSpec: (): ResolvedSpec => spec,
  };
}

