import type { ResolvedSpec } from '../../../shared/contract/import-schemas';
import { createUnitStaging, type StagedUnit } from '../../storage/import-staging';
import { recordWriter } from '../../storage/record-writer';
import type { PromptCollector } from '../records/prompt-collector';
import { RecordSink } from '../records/record-sink';
import { assembleTrace } from '../traces/assemble';
import { langfuseUnits } from '../traces/langfuse';
import { otlpUnits } from '../traces/otlp';
import type { Span, SpanEvent, SpanLogEvent } from '../traces/span';
import type { Loc } from './accounting';
import type { Pipeline, PipelineContext } from './pipeline';

const TRACE_PAGE = 200;

/**
 * Spans (OTLP GenAI, OpenInference) or Langfuse observations: parked per trace while files are read, then each
 * trace becomes records. Units are spans, log events and trace objects; a unit is imported when its trace
 * produced a record, and quarantined (with the reason) when its trace holds no LLM call.
 */
export function tracesPipeline(ctx: PipelineContext, prompts: PromptCollector): Pipeline {
  const staging = createUnitStaging(ctx.db);
  const sink = new RecordSink(recordWriter(ctx.db, ctx.assetId), prompts);
  const acc = ctx.acc;
  const langfuse = ctx.spec.format === 'langfuse';

  function park(u: Omit<StagedUnit, 'seq' | 'file' | 'line' | 'byteOffset'>, loc: Loc, raw: string): void {
    if (staging.put({ ...u, file: loc.file, line: loc.line, byteOffset: loc.byteOffset })) return;
    if (staging.existingBody(u.unitId) === u.body) acc.duplicate();
    else acc.reject(loc, 'id', `${u.kind} ${u.unitId} appears twice with different content; the first one was kept`, raw);
  }

  function json(value: unknown, loc: Loc, raw: string, key: string | null): void {
    if (langfuse) {
      for (const u of langfuseUnits(value, key)) {
        if (u.kind === 'bad') acc.reject(loc, null, u.reason, raw);
        else if (u.kind === 'trace') park({ traceId: u.traceId, unitId: `trace:${u.traceId}`, kind: 'trace', startMs: null, body: JSON.stringify(u.info) }, loc, raw);
        else park(spanUnit(u.span), loc, raw);
      }
      return;
    }
    let seq = 0;
    for (const u of otlpUnits(value)) {
      if (u.kind === 'bad') acc.reject(loc, null, u.reason, raw);
      else if (u.kind === 'span') park(spanUnit(u.span), loc, raw);
      else park({ traceId: u.log.traceId, unitId: `log:${u.log.spanId}:${loc.file}:${loc.line ?? loc.byteOffset}:${seq++}`, kind: 'log', startMs: u.log.event.timeMs, body: JSON.stringify(u.log) }, loc, raw);
    }
  }

  function finish(): void {
    let after: string | null = null;
    for (;;) {
      const ids = staging.traceIds(after, TRACE_PAGE);
      if (ids.length === 0) break;
      for (const id of ids) finishTrace(staging.unitsOf(id));
      after = ids.at(-1)!;
    }
  }

  function finishTrace(units: StagedUnit[]): void {
    const spans: Span[] = [];
    const logEvents = new Map<string, SpanEvent[]>();
    let traceInfo: Record<string, unknown> | null = null;
    for (const u of units) {
      if (u.kind === 'span') spans.push(JSON.parse(u.body) as Span);
      else if (u.kind === 'trace') traceInfo = JSON.parse(u.body) as Record<string, unknown>;
      else {
        const log = JSON.parse(u.body) as SpanLogEvent;
        const list = logEvents.get(log.spanId) ?? [];
        list.push(log.event);
        logEvents.set(log.spanId, list);
      }
    }
    const result = assembleTrace({ spans, logEvents, traceInfo });
    const failed = new Map(result.failed.map((f) => [f.spanId, f.error]));
    const recorded = new Set<string>();
    for (const r of result.records) {
      const outcome = sink.addDraft(r.draft);
      if (outcome === 'stored') recorded.add(r.spanId);
    }
    const traceId = units[0]?.traceId ?? '';
    const kept = recorded.size > 0;
    for (const u of units) {
      const loc: Loc = { file: u.file, line: u.line, byteOffset: u.byteOffset };
      const spanId = u.kind === 'span' ? (JSON.parse(u.body) as Span).spanId : u.kind === 'log' ? (JSON.parse(u.body) as SpanLogEvent).spanId : null;
      const error = spanId !== null ? failed.get(spanId) : undefined;
      if (error) acc.reject(loc, error.field, error.reason, u.body);
      else if (u.kind === 'log' && !recorded.has(spanId!)) acc.reject(loc, null, spans.some((s) => s.spanId === spanId) ? `log event for span ${spanId}, which is not an LLM call that was stored` : `log event for span ${spanId}, which is not in the files imported`, u.body);
      else if (kept) acc.accept();
      else acc.reject(loc, null, `trace ${traceId} has no LLM call to store (span kinds: ${result.kinds.join(', ') || 'none'})`, u.body);
    }
  }

  return {
    json,
    finish,
    stored: () => sink.stored,
    contentSha256: () => sink.contentSha256(),
    resolvedSpec: (): ResolvedSpec => ctx.spec,
  };
}

function spanUnit(s: Span): Omit<StagedUnit, 'seq' | 'file' | 'line' | 'byteOffset'> {
  return { traceId: s.traceId, unitId: `span:${s.traceId}:${s.spanId}`, kind: 'span', startMs: s.startMs, body: JSON.stringify(s) };
}
