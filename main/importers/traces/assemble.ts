import { FieldError, type RecordDraft } from '../records/record-draft';
import { langfuseDocuments, langfuseDraft, langfuseRole } from './langfuse';
import { otelDocuments, otelLlmDraft, otelSpanRole, type SpanRole } from './otel-spans';
import { isObj, maybeJson, type Span, type SpanEvent } from './span';

type Obj = Record<string, unknown>;

export interface TraceInput {
  spans: Span[];
  logEvents: Map<string, SpanEvent[]>;
  traceInfo: Obj | null;
}

export interface TraceOutput {
  records: { draft: RecordDraft; spanId: string }[];
  failed: { spanId: string; error: FieldError }[];
  /** Span kinds seen, to explain a trace that holds no LLM call. */
  kinds: string[];
}

function isLangfuse(s: Span): boolean {
  return s.attrs['langfuse.observation'] !== undefined;
}

function role(s: Span): SpanRole {
  return isLangfuse(s) ? langfuseRole(s) : otelSpanRole(s);
}

function kindLabel(s: Span): string {
  if (isLangfuse(s)) return String((s.attrs['langfuse.observation'] as Obj).type ?? 'SPAN');
  const k = s.attrs['openinference.span.kind'] ?? s.attrs['gen_ai.operation.name'];
  return typeof k === 'string' ? k : 'span';
}

/** Text of the trace's entry point (the user's request) when it is a plain string, for metadata. */
function rootInput(root: Span, info: Obj | null): string | null {
  const candidates = [info?.input, isLangfuse(root) ? (root.attrs['langfuse.observation'] as Obj).input : root.attrs['input.value']];
  for (const c of candidates) {
    const v = maybeJson(c);
    if (typeof v === 'string' && v !== '') return v.length > 2000 ? `${v.slice(0, 2000)}…` : v;
    if (isObj(v)) for (const k of ['query', 'question', 'input', 'message']) if (typeof v[k] === 'string') return v[k] as string;
  }
  return null;
}

/** Session, user and tags are usually set once on the entry span; the records of its LLM calls keep them. */
const INHERITED: [string, string][] = [['session.id', 'session_id'], ['user.id', 'user_id'], ['tag.tags', 'tags']];

function inheritTraceAttributes(meta: Obj, s: Span, byId: Map<string, Span>): void {
  let cur: Span | undefined = s.parentId !== null ? byId.get(s.parentId) : undefined;
  for (let hops = 0; cur && hops < 1000; hops++) {
    for (const [attr, key] of INHERITED) if (meta[key] === undefined && cur.attrs[attr] !== undefined) meta[key] = cur.attrs[attr];
    cur = cur.parentId !== null ? byId.get(cur.parentId) : undefined;
  }
}

/**
 * Turns one trace into records: every LLM call is a record; retrieval spans that ran before it (and were not
 * already used by an earlier call) give it its contexts, so retrieve -> generate pipelines keep their evidence.
 * A call with no fresh retrieval reuses the most recent one (generate -> rewrite -> answer keeps its documents).
 */
export function assembleTrace(t: TraceInput): TraceOutput {
  const spans = t.spans;
  const out: TraceOutput = { records: [], failed: [], kinds: [...new Set(spans.map(kindLabel))] };
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  // The entry point of an LLM call is its topmost ancestor; a call with no parent in the trace has none.
  const rootOf = (s: Span): Span => {
    let cur = s;
    for (let hops = 0; cur.parentId !== null && byId.has(cur.parentId) && hops < 1000; hops++) cur = byId.get(cur.parentId)!;
    return cur;
  };
  let fresh: string[] = [];
  let lastUsed: string[] = [];
  for (const s of spans) {
    const r = role(s);
    if (r === 'retriever') {
      const docs = isLangfuse(s) ? langfuseDocuments(s) : otelDocuments(s);
      // A reranker after a retriever replaces its documents: the LLM saw the reranked list.
      fresh = /rerank/i.test(kindLabel(s)) || s.attrs['reranker.output_documents.0.document.content'] !== undefined ? docs : [...fresh, ...docs];
      continue;
    }
    if (r !== 'llm') continue;
    try {
      const draft = isLangfuse(s) ? langfuseDraft(s, t.traceInfo) : otelLlmDraft(s, t.logEvents.get(s.spanId) ?? []);
      draft.contexts = fresh.length ? fresh : lastUsed;
      if (fresh.length) lastUsed = fresh;
      fresh = [];
      if (!isLangfuse(s)) inheritTraceAttributes(draft.metadata, s, byId);
      const root = rootOf(s);
      if (root !== s) {
        draft.metadata.trace_name = (t.traceInfo?.name as string | undefined) ?? root.name;
        const q = rootInput(root, t.traceInfo);
        if (q !== null && q !== draft.input) draft.metadata.trace_input = q;
      }
      out.records.push({ draft, spanId: s.spanId });
    } catch (err) {
      if (err instanceof FieldError) out.failed.push({ spanId: s.spanId, error: err });
      else throw err;
    }
  }
  return out;
}
