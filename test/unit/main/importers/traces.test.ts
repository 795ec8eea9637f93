import { describe, expect, it } from 'vitest';
import { assembleTrace } from '../../../../main/importers/traces/assemble';
import { anyValue, hexId, otlpUnits, timeMs } from '../../../../main/importers/traces/otlp';
import type { Span } from '../../../../main/importers/traces/span';

function span(id: string, start: number, attrs: Record<string, unknown>, parentId: string | null = 'root'): Span {
  return { traceId: 't', spanId: id, parentId, name: id, startMs: start, endMs: start + 10, attrs, events: [], resource: {}, status: null };
}
const retriever = (id: string, start: number, docs: string[]) => span(id, start, Object.fromEntries([['openinference.span.kind', 'RETRIEVER'], ...docs.map((d, i) => [`retrieval.documents.${i}.document.content`, d])]));
const llm = (id: string, start: number, q: string) => span(id, start, {
  'openinference.span.kind': 'LLM', 'llm.input_messages.0.message.role': 'user', 'llm.input_messages.0.message.content': q,
  'llm.output_messages.0.message.role': 'assistant', 'llm.output_messages.0.message.content': `answer to ${q}`, 'llm.token_count.prompt': 10,
});

describe('trace assembly', () => {
  it('gives an LLM call the documents of the retrieval that ran before it', () => {
    const root = span('root', 0, { 'openinference.span.kind': 'CHAIN', 'input.value': 'user question' }, null);
    const out = assembleTrace({ spans: [root, retriever('r1', 1, ['d1', 'd2']), llm('l1', 2, 'q1')], logEvents: new Map(), traceInfo: null });
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.draft).toMatchObject({ id: 'l1', input: 'q1', output: 'answer to q1', contexts: ['d1', 'd2'], tokensIn: 10, latencyMs: 10 });
    expect(out.records[0]!.draft.metadata).toMatchObject({ trace_name: 'root', trace_input: 'user question' });
  });

  it('uses fresh retrievals per call, reranked lists over raw ones, and the last retrieval when none is fresh', () => {
    const rerank = span('rr', 4, { 'openinference.span.kind': 'RERANKER', 'reranker.output_documents.0.document.content': 'best' });
    const spans = [retriever('r1', 1, ['a']), llm('l1', 2, 'q1'), retriever('r2', 3, ['b', 'best']), rerank, llm('l2', 5, 'q2'), llm('l3', 6, 'q3')];
    const out = assembleTrace({ spans, logEvents: new Map(), traceInfo: null });
    expect(out.records.map((r) => [r.spanId, r.draft.contexts])).toEqual([['l1', ['a']], ['l2', ['best']], ['l3', ['best']]]);
  });

  it('does not let a retrieval that starts after the call feed it', () => {
    const out = assembleTrace({ spans: [llm('l1', 1, 'q'), retriever('r1', 2, ['late'])], logEvents: new Map(), traceInfo: null });
    expect(out.records[0]!.draft.contexts).toEqual([]);
  });

  it('reports a trace without an LLM call through its span kinds', () => {
    const out = assembleTrace({ spans: [span('c', 0, { 'openinference.span.kind': 'CHAIN' }, null)], logEvents: new Map(), traceInfo: null });
    expect(out.records).toEqual([]);
    expect(out.kinds).toEqual(['CHAIN']);
  });
});

describe('OTLP JSON decoding', () => {
  it('decodes AnyValue, ids and times', () => {
    expect(anyValue({ intValue: '42' })).toBe(42);
    expect(anyValue({ arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } })).toEqual(['a', true]);
    expect(anyValue({ kvlistValue: { values: [{ key: 'k', value: { doubleValue: 0.5 } }] } })).toEqual({ k: 0.5 });
    expect(hexId('W4qlotLIcugyHPNzCNad8g==')).toBe('5b8aa5a2d2c872e8321cf37308d69df2');
    expect(hexId('5B8AA5A2D2C872E8321CF37308D69DF2')).toBe('5b8aa5a2d2c872e8321cf37308d69df2');
    expect(timeMs('1727780000123456789')).toBeCloseTo(1727780000123.457, 2);
    expect(timeMs('2024-10-01T10:00:00.150+00:00')).toBe(Date.UTC(2024, 9, 1, 10, 0, 0, 150));
  });

  it('reads spans from a request and flags spans without ids', () => {
    const units = [...otlpUnits({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] }, scopeSpans: [{ scope: { name: 's' }, spans: [
      { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'chat', attributes: [{ key: 'gen_ai.request.model', value: { stringValue: 'm' } }] },
      { name: 'no ids' },
    ] }] }] })];
    expect(units[0]).toMatchObject({ kind: 'span', span: { spanId: 'b7ad6b7169203331', resource: { 'service.name': 'api' }, attrs: { 'gen_ai.request.model': 'm', 'otel.scope.name': 's' } } });
    expect(units[1]).toEqual({ kind: 'bad', reason: 'span has no traceId or spanId' });
  });
});
