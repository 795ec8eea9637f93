/** A span (OTLP, OpenInference or Phoenix export) or a Langfuse observation, reduced to what record assembly needs. */
export interface SpanEvent {
  name: string;
  timeMs: number | null;
  attrs: Record<string, unknown>;
}

export interface Span {
  traceId: string;
  spanId: string;
  parentId: string | null;
  name: string;
  startMs: number | null;
  endMs: number | null;
  /** Attributes with dotted keys (nested objects flattened), values decoded from OTLP AnyValue. */
  attrs: Record<string, unknown>;
  events: SpanEvent[];
  resource: Record<string, unknown>;
  status: string | null;
}

/** A GenAI log event (OTLP log record) that belongs to a span: chat messages logged outside the span itself. */
export interface SpanLogEvent {
  traceId: string;
  spanId: string;
  event: SpanEvent;
}

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Flattens nested attribute objects ({llm: {input_messages: [{message: {role}}]}}) to OpenInference dotted keys. */
export function flattenAttributes(value: Obj, prefix = '', out: Obj = {}, depth = 0): Obj {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (depth < 8 && isObj(v) && Object.keys(v).length > 0) flattenAttributes(v, key, out, depth + 1);
    else if (depth < 8 && Array.isArray(v) && v.length > 0 && v.every(isObj)) v.forEach((item, i) => flattenAttributes(item as Obj, `${key}.${i}`, out, depth + 1));
    else out[key] = v;
  }
  return out;
}

/** Collects `prefix.<i>.<rest>` keys into an array of objects keyed by `<rest>` (OpenInference indexed lists). */
export function indexedList(attrs: Obj, prefix: string): Obj[] {
  const out: Obj[] = [];
  const p = `${prefix}.`;
  for (const [k, v] of Object.entries(attrs)) {
    if (!k.startsWith(p)) continue;
    const rest = k.slice(p.length);
    const dot = rest.indexOf('.');
    const i = Number(dot === -1 ? rest : rest.slice(0, dot));
    if (!Number.isInteger(i) || i < 0 || i > 100_000) continue;
    const item = (out[i] ??= {});
    item[dot === -1 ? '' : rest.slice(dot + 1)] = v;
  }
  return out.filter((x) => x !== undefined);
}

/** JSON text attributes (OpenInference stores lists and objects as JSON strings) parsed when they are JSON. */
export function maybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trimStart();
  if (!(t.startsWith('{') || t.startsWith('['))) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}
