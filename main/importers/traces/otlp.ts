import { isObj, flattenAttributes, type Span, type SpanEvent, type SpanLogEvent } from './span';

type Obj = Record<string, unknown>;

/** OTLP AnyValue ({stringValue}, {intValue}, {arrayValue: {values}}, {kvlistValue: {values}}, ...) as plain JSON. */
export function anyValue(v: unknown): unknown {
  if (!isObj(v)) return v;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('boolValue' in v) return v.boolValue;
  if ('bytesValue' in v) return v.bytesValue;
  if (isObj(v.arrayValue)) return (Array.isArray(v.arrayValue.values) ? v.arrayValue.values : []).map(anyValue);
  if (isObj(v.kvlistValue)) return keyValues(v.kvlistValue.values);
  return undefined;
}

/** OTLP attribute lists ([{key, value}]) or plain objects (Phoenix exports) as a flat dotted-key object. */
export function attributesOf(v: unknown): Obj {
  if (Array.isArray(v)) return keyValues(v);
  if (isObj(v)) return flattenAttributes(v);
  return {};
}

function keyValues(list: unknown): Obj {
  const out: Obj = {};
  if (!Array.isArray(list)) return out;
  for (const kv of list) if (isObj(kv) && typeof kv.key === 'string') out[kv.key] = anyValue(kv.value);
  return out;
}

/** Trace and span ids as lowercase hex: OTLP JSON uses hex, protobuf-to-JSON mappers base64. */
export function hexId(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  if (/^[0-9a-fA-F]+$/.test(v) && (v.length === 16 || v.length === 32)) return v.toLowerCase();
  if (/^[A-Za-z0-9+/]+=*$/.test(v) && (v.length === 12 || v.length === 24)) {
    const bytes = Buffer.from(v, 'base64');
    if (bytes.length === 8 || bytes.length === 16) return bytes.toString('hex');
  }
  return v.replace(/^0x/, '').toLowerCase();
}

/** Unix nanoseconds (string or number), ISO strings, or [seconds, nanos] pairs as epoch milliseconds. */
export function timeMs(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && /^\d+$/.test(v)) return v.length > 15 ? Number(BigInt(v) / 1000n) / 1000 : Number(v);
  if (typeof v === 'number') return v > 1e17 ? v / 1e6 : v > 1e14 ? v / 1e3 : v > 1e11 ? v : v * 1000;
  if (Array.isArray(v) && v.length === 2) return Number(v[0]) * 1000 + Number(v[1]) / 1e6;
  if (typeof v === 'string') {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.replace(' ', 'T')}Z`);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

export type OtlpUnit = { kind: 'span'; span: Span } | { kind: 'log'; log: SpanLogEvent } | { kind: 'bad'; reason: string };

/** Whether a parsed object is OTLP or a flat span export (for detection). */
export function looksLikeSpans(o: Obj): boolean {
  if (Array.isArray(o.resourceSpans) || Array.isArray(o.resourceLogs) || Array.isArray(o.scopeSpans) || Array.isArray(o.scopeLogs)) return true;
  return flatIds(o) !== null;
}

function flatIds(o: Obj): { traceId: string; spanId: string } | null {
  const ctx = isObj(o.context) ? o.context : {};
  const traceId = hexId(o.traceId ?? o.trace_id ?? ctx.trace_id ?? ctx.traceId);
  const spanId = hexId(o.spanId ?? o.span_id ?? ctx.span_id ?? ctx.spanId);
  return traceId && spanId && ('attributes' in o || 'name' in o) ? { traceId, spanId } : null;
}

/**
 * Units of one parsed item: an ExportTraceServiceRequest ({resourceSpans}), one of its ResourceSpans, an
 * ExportLogsServiceRequest ({resourceLogs}) or one of its ResourceLogs, or a flat span object.
 */
export function* otlpUnits(value: unknown): Generator<OtlpUnit> {
  if (!isObj(value)) {
    yield { kind: 'bad', reason: 'expected a JSON object (OTLP request, resource spans or a span)' };
    return;
  }
  if (Array.isArray(value.resourceSpans)) {
    for (const rs of value.resourceSpans) yield* resourceSpans(rs);
    if (!Array.isArray(value.resourceLogs)) return;
  }
  if (Array.isArray(value.resourceLogs)) {
    for (const rl of value.resourceLogs) yield* resourceLogs(rl);
    return;
  }
  if (Array.isArray(value.scopeSpans) || Array.isArray(value.instrumentationLibrarySpans)) {
    yield* resourceSpans(value);
    return;
  }
  if (Array.isArray(value.scopeLogs)) {
    yield* resourceLogs(value);
    return;
  }
  const ids = flatIds(value);
  if (!ids) {
    yield { kind: 'bad', reason: 'not an OTLP span: no traceId/spanId (or context.trace_id/span_id)' };
    return;
  }
  yield { kind: 'span', span: toSpan(value, ids, {}) };
}

function* resourceSpans(rs: unknown): Generator<OtlpUnit> {
  if (!isObj(rs)) {
    yield { kind: 'bad', reason: 'resourceSpans entry is not an object' };
    return;
  }
  const resource = attributesOf(isObj(rs.resource) ? rs.resource.attributes : undefined);
  const scopes = Array.isArray(rs.scopeSpans) ? rs.scopeSpans : Array.isArray(rs.instrumentationLibrarySpans) ? rs.instrumentationLibrarySpans : [];
  for (const ss of scopes) {
    if (!isObj(ss) || !Array.isArray(ss.spans)) continue;
    const scope = isObj(ss.scope) ? ss.scope.name : isObj(ss.instrumentationLibrary) ? ss.instrumentationLibrary.name : undefined;
    for (const s of ss.spans) {
      if (!isObj(s)) { yield { kind: 'bad', reason: 'span is not an object' }; continue; }
      const ids = flatIds({ ...s, name: s.name ?? '' });
      if (!ids) { yield { kind: 'bad', reason: 'span has no traceId or spanId' }; continue; }
      const span = toSpan(s, ids, resource);
      if (typeof scope === 'string') span.attrs['otel.scope.name'] ??= scope;
      yield { kind: 'span', span };
    }
  }
}

function* resourceLogs(rl: unknown): Generator<OtlpUnit> {
  if (!isObj(rl)) {
    yield { kind: 'bad', reason: 'resourceLogs entry is not an object' };
    return;
  }
  const scopes = Array.isArray(rl.scopeLogs) ? rl.scopeLogs : [];
  for (const sl of scopes) {
    if (!isObj(sl) || !Array.isArray(sl.logRecords)) continue;
    for (const r of sl.logRecords) {
      if (!isObj(r)) { yield { kind: 'bad', reason: 'log record is not an object' }; continue; }
      const traceId = hexId(r.traceId);
      const spanId = hexId(r.spanId);
      const attrs = attributesOf(r.attributes);
      const name = typeof r.eventName === 'string' ? r.eventName : typeof attrs['event.name'] === 'string' ? (attrs['event.name'] as string) : '';
      if (!traceId || !spanId) { yield { kind: 'bad', reason: `log record${name ? ` "${name}"` : ''} is not linked to a span (no traceId/spanId)` }; continue; }
      const body = anyValue(r.body);
      if (body !== undefined) attrs.body = body;
      yield { kind: 'log', log: { traceId, spanId, event: { name, timeMs: timeMs(r.timeUnixNano ?? r.observedTimeUnixNano), attrs } } };
    }
  }
}

function toSpan(s: Obj, ids: { traceId: string; spanId: string }, resource: Obj): Span {
  const events: SpanEvent[] = Array.isArray(s.events)
    ? s.events.filter(isObj).map((e) => ({ name: String(e.name ?? ''), timeMs: timeMs(e.timeUnixNano ?? e.timestamp), attrs: attributesOf(e.attributes) }))
    : [];
  const status = isObj(s.status) ? String(s.status.code ?? s.status.status_code ?? '') || null : typeof s.status_code === 'string' ? s.status_code : null;
  const attrs = attributesOf(s.attributes);
  if (typeof s.span_kind === 'string' && attrs['openinference.span.kind'] === undefined) attrs['openinference.span.kind'] = s.span_kind;
  return {
    traceId: ids.traceId,
    spanId: ids.spanId,
    parentId: hexId(s.parentSpanId ?? s.parent_span_id ?? s.parent_id ?? (isObj(s.parent) ? s.parent.span_id : undefined)),
    name: String(s.name ?? ''),
    startMs: timeMs(s.startTimeUnixNano ?? s.start_time ?? s.startTime),
    endMs: timeMs(s.endTimeUnixNano ?? s.end_time ?? s.endTime),
    attrs,
    events,
    resource,
    status,
  };
}
