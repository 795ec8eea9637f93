import { documentTexts, inputText, outputText, toMessages } from '../formats/message-text';
import { optAmount, optCount, optString, optTimestamp } from '../records/field-values';
import type { RecordDraft } from '../records/record-draft';
import { timeMs } from './otlp';
import type { SpanRole } from './otel-spans';
import { isObj, maybeJson, type Span } from './span';

type Obj = Record<string, unknown>;

/** Reads camelCase (UI and API exports) or snake_case (blob-storage exports) Langfuse fields. */
function pick(o: Obj, ...keys: string[]): unknown {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
}

const OBSERVATION_TYPES = new Set(['GENERATION', 'SPAN', 'EVENT', 'AGENT', 'TOOL', 'CHAIN', 'RETRIEVER', 'EVALUATOR', 'EMBEDDING', 'GUARDRAIL']);

export function isLangfuseObservation(o: Obj): boolean {
  return typeof o.type === 'string' && OBSERVATION_TYPES.has(o.type.toUpperCase()) && pick(o, 'traceId', 'trace_id') !== undefined;
}

/** A trace object: has an id and observations, or Langfuse trace fields and no observation type. */
export function isLangfuseTrace(o: Obj): boolean {
  if (typeof o.id !== 'string' || isLangfuseObservation(o)) return false;
  return Array.isArray(o.observations) || (('projectId' in o || 'project_id' in o) && ('timestamp' in o || 'sessionId' in o || 'session_id' in o));
}

/** Whether a parsed item looks like a Langfuse export (for detection). */
export function looksLikeLangfuse(o: Obj): boolean {
  if (isObj(o.trace) && Array.isArray(o.observations)) return true;
  return isLangfuseObservation(o) || isLangfuseTrace(o);
}

export type LangfuseUnit = { kind: 'observation'; span: Span } | { kind: 'trace'; traceId: string; info: Obj } | { kind: 'bad'; reason: string };

/** The units in one parsed item: observations (as spans) and trace objects (trace-level fields for metadata). */
export function* langfuseUnits(value: unknown, key: string | null): Generator<LangfuseUnit> {
  if (!isObj(value)) {
    yield { kind: 'bad', reason: 'expected a JSON object (a Langfuse trace or observation)' };
    return;
  }
  if (key === 'trace' || (key === null && isObj(value.trace))) {
    const trace = key === 'trace' ? value : (value.trace as Obj);
    yield* traceUnit(trace);
    if (key === null && Array.isArray(value.observations)) for (const o of value.observations) yield observationUnit(o, String(trace.id ?? ''));
    return;
  }
  if (key === 'observations') {
    yield observationUnit(value, null);
    return;
  }
  if (isLangfuseObservation(value) || (typeof value.type === 'string' && OBSERVATION_TYPES.has(value.type.toUpperCase()))) {
    yield observationUnit(value, null);
    return;
  }
  if (isLangfuseTrace(value)) {
    yield* traceUnit(value);
    if (Array.isArray(value.observations)) for (const o of value.observations) if (isObj(o)) yield observationUnit(o, value.id as string);
    return;
  }
  yield { kind: 'bad', reason: 'not a Langfuse trace or observation (no type with traceId, no trace id)' };
}

function* traceUnit(trace: Obj): Generator<LangfuseUnit> {
  if (typeof trace.id !== 'string' || trace.id === '') {
    yield { kind: 'bad', reason: 'trace has no id' };
    return;
  }
  const { observations: _drop, ...info } = trace;
  yield { kind: 'trace', traceId: trace.id, info };
}

function observationUnit(o: unknown, traceId: string | null): LangfuseUnit {
  if (!isObj(o)) return { kind: 'bad', reason: 'observation is not an object' };
  const id = pick(o, 'id');
  const trace = pick(o, 'traceId', 'trace_id') ?? traceId;
  if (typeof id !== 'string' || id === '') return { kind: 'bad', reason: 'observation has no id' };
  if (typeof trace !== 'string' || trace === '') return { kind: 'bad', reason: `observation ${id} has no traceId` };
  return {
    kind: 'observation',
    span: {
      traceId: trace, spanId: id, parentId: (pick(o, 'parentObservationId', 'parent_observation_id') as string | undefined) ?? null,
      name: String(o.name ?? ''), startMs: timeMs(pick(o, 'startTime', 'start_time')), endMs: timeMs(pick(o, 'endTime', 'end_time')),
      attrs: { 'langfuse.observation': o }, events: [], resource: {}, status: typeof o.level === 'string' ? o.level : null,
    },
  };
}

function obs(s: Span): Obj {
  return s.attrs['langfuse.observation'] as Obj;
}

export function langfuseRole(s: Span): SpanRole {
  const o = obs(s);
  const type = String(o.type ?? '').toUpperCase();
  if (type === 'GENERATION') return 'llm';
  if (type === 'RETRIEVER') return 'retriever';
  if ((type === 'SPAN' || type === 'TOOL') && /retriev/i.test(String(o.name ?? '')) && documentTexts(o.output).length > 0) return 'retriever';
  return 'other';
}

export function langfuseDocuments(s: Span): string[] {
  return documentTexts(maybeJson(obs(s).output));
}

function usageOf(o: Obj): { input: unknown; output: unknown } {
  const details = pick(o, 'usageDetails', 'usage_details', 'providedUsageDetails', 'provided_usage_details');
  if (isObj(details) && (details.input !== undefined || details.output !== undefined)) return { input: details.input, output: details.output };
  const usage = o.usage;
  if (isObj(usage)) return { input: pick(usage, 'input', 'promptTokens', 'prompt_tokens'), output: pick(usage, 'output', 'completionTokens', 'completion_tokens') };
  return { input: pick(o, 'inputUsage', 'promptTokens', 'prompt_tokens'), output: pick(o, 'outputUsage', 'completionTokens', 'completion_tokens') };
}

function costOf(o: Obj): unknown {
  const direct = pick(o, 'totalCost', 'calculatedTotalCost', 'total_cost');
  if (direct !== undefined) return direct;
  const details = pick(o, 'costDetails', 'cost_details', 'providedCostDetails', 'provided_cost_details');
  return isObj(details) ? details.total : undefined;
}

const TRACE_FIELDS = ['name', 'userId', 'user_id', 'sessionId', 'session_id', 'tags', 'release', 'version', 'environment', 'scores'];

/** A Langfuse generation as a record draft; trace-level fields (user, session, release, scores) go to metadata. */
export function langfuseDraft(s: Span, trace: Obj | null): RecordDraft {
  const raw = obs(s);
  // Blob-storage exports keep input, output and parameters as JSON text.
  const o: Obj = { ...raw, input: maybeJson(raw.input), output: maybeJson(raw.output), modelParameters: maybeJson(pick(raw, 'modelParameters', 'model_parameters')) };
  const messages = toMessages(o.input);
  const meta: Obj = { trace_id: s.traceId, observation_id: s.spanId, observation_name: s.name };
  if (messages && messages.length > 1) meta.messages = messages;
  for (const [k, v] of [['level', o.level], ['status_message', pick(o, 'statusMessage', 'status_message')], ['model_parameters', pick(o, 'modelParameters', 'model_parameters')], ['environment', o.environment]] as const) {
    if (v !== undefined && v !== null && !(isObj(v) && Object.keys(v).length === 0)) meta[k] = v;
  }
  if (isObj(o.metadata) && Object.keys(o.metadata).length) meta.observation_metadata = o.metadata;
  const modelId = optString(pick(o, 'internalModelId', 'internal_model_id'), 'internalModelId');
  if (modelId !== null) meta.langfuse_model_id = modelId;
  if (trace) {
    const t: Obj = {};
    for (const k of TRACE_FIELDS) if (trace[k] !== undefined && trace[k] !== null && !(Array.isArray(trace[k]) && (trace[k] as unknown[]).length === 0)) t[k] = trace[k];
    if (Object.keys(t).length) meta.trace = t;
  }
  const usage = usageOf(o);
  const start = timeMs(pick(o, 'startTime', 'start_time'));
  const end = timeMs(pick(o, 'endTime', 'end_time'));
  const version = pick(o, 'promptVersion', 'prompt_version');
  return {
    id: s.spanId,
    timestamp: optTimestamp(pick(o, 'startTime', 'start_time'), 'startTime'),
    model: optString(pick(o, 'model', 'providedModelName', 'provided_model_name'), 'model'),
    // Langfuse has no model version: internalModelId is the id of its price-table entry (kept in metadata).
    modelVersion: null,
    promptId: optString(pick(o, 'promptName', 'prompt_name'), 'promptName'),
    promptVersion: version === undefined ? null : String(version),
    promptTemplate: null,
    input: o.input === undefined || o.input === null ? '' : inputText(o.input),
    output: o.output === undefined || o.output === null ? '' : outputText(o.output),
    contexts: [],
    tokensIn: optCount(usage.input, 'usageDetails.input'),
    tokensOut: optCount(usage.output, 'usageDetails.output'),
    latencyMs: start !== null && end !== null && end >= start ? Math.round((end - start) * 1000) / 1000 : null,
    cost: optAmount(costOf(o), 'totalCost'),
    metadata: meta,
  };
}
