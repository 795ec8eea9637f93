import { contentText, documentTexts, inputText, outputText, toMessages, type ChatMessage } from '../formats/message-text';
import { optAmount, optCount, optString } from '../records/field-values';
import type { RecordDraft } from '../records/record-draft';
import { indexedList, isObj, maybeJson, type Span, type SpanEvent } from './span';

type Obj = Record<string, unknown>;

export type SpanRole = 'llm' | 'retriever' | 'other';

const LLM_OPS = new Set(['chat', 'text_completion', 'generate_content', 'completion', 'responses']);

/** LLM call, retrieval (retriever or reranker), or anything else, from OpenInference kinds or GenAI attributes. */
export function otelSpanRole(s: Span): SpanRole {
  const a = s.attrs;
  const kind = typeof a['openinference.span.kind'] === 'string' ? (a['openinference.span.kind'] as string).toUpperCase() : '';
  if (kind === 'LLM') return 'llm';
  if (kind === 'RETRIEVER' || kind === 'RERANKER') return 'retriever';
  if (kind !== '') return 'other';
  const op = typeof a['gen_ai.operation.name'] === 'string' ? (a['gen_ai.operation.name'] as string).toLowerCase() : '';
  if (LLM_OPS.has(op)) return 'llm';
  if (op === 'retrieval' || op === 'retrieve') return 'retriever';
  if (op !== '') return 'other';
  if ('llm.input_messages.0.message.role' in a || 'gen_ai.input.messages' in a || 'gen_ai.prompt.0.content' in a || 'gen_ai.prompt.0.role' in a) return 'llm';
  if ('retrieval.documents.0.document.content' in a) return 'retriever';
  return 'other';
}

/** Document texts of a retriever or reranker span, in rank order. */
export function otelDocuments(s: Span): string[] {
  const a = s.attrs;
  for (const prefix of ['reranker.output_documents', 'retrieval.documents']) {
    const docs = indexedList(a, prefix).map((d) => d['document.content']).filter((t): t is string => typeof t === 'string' && t !== '');
    if (docs.length) return docs;
  }
  const listed = maybeJson(a['retrieval.documents'] ?? a['gen_ai.retrieval.documents']);
  if (Array.isArray(listed)) return documentTexts(listed);
  return documentTexts(maybeJson(a['output.value']));
}

/** One OpenInference message (keys after `llm.input_messages.<i>.`). */
function oiMessage(item: Obj): ChatMessage {
  const role = String(item['message.role'] ?? 'user');
  const parts: string[] = [];
  if (typeof item['message.content'] === 'string') parts.push(item['message.content']);
  const keys = Object.keys(item).sort(naturalOrder);
  for (const k of keys) if (/^message\.contents\.\d+\.message_content\.text$/.test(k) && typeof item[k] === 'string') parts.push(item[k] as string);
  for (const k of keys) {
    const m = /^message\.tool_calls\.(\d+)\.tool_call\.function\.name$/.exec(k);
    if (m) parts.push(`[tool call] ${String(item[k])}(${String(item[`message.tool_calls.${m[1]}.tool_call.function.arguments`] ?? '')})`);
  }
  if (typeof item['message.function_call_name'] === 'string') parts.push(`[tool call] ${item['message.function_call_name']}(${String(item['message.function_call_arguments_json'] ?? '')})`);
  return { role: role.toLowerCase(), text: parts.join('\n') };
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function eventMessages(events: SpanEvent[], side: 'input' | 'output'): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const e of events) {
    const a = e.attrs;
    const body = isObj(a.body) ? a.body : {};
    if (side === 'input') {
      if (e.name === 'gen_ai.content.prompt') out.push(...(toMessages(maybeJson(a['gen_ai.prompt'])) ?? []));
      const role = /^gen_ai\.(system|user|assistant|tool)\.message$/.exec(e.name)?.[1];
      if (role) out.push({ role, text: contentText(a.content ?? body.content ?? a['gen_ai.event.content']) });
      if (e.name === 'gen_ai.client.inference.operation.details') out.push(...(toMessages(maybeJson(a['gen_ai.input.messages'])) ?? []));
    } else {
      if (e.name === 'gen_ai.content.completion') out.push(...(toMessages(maybeJson(a['gen_ai.completion'])) ?? [{ role: 'assistant', text: contentText(maybeJson(a['gen_ai.completion'])) }]));
      if (e.name === 'gen_ai.choice') {
        const message = isObj(body.message) ? body.message : maybeJson(a.message);
        out.push({ role: 'assistant', text: isObj(message) ? contentText(message.content ?? message) || outputText(message) : contentText(message) });
      }
      if (e.name === 'gen_ai.client.inference.operation.details') out.push(...(toMessages(maybeJson(a['gen_ai.output.messages'])) ?? []));
    }
  }
  return out.filter((m) => m.text !== '' || side === 'input');
}

function inputMessages(s: Span, logEvents: SpanEvent[]): ChatMessage[] {
  const a = s.attrs;
  const oi = indexedList(a, 'llm.input_messages');
  if (oi.length) return oi.map(oiMessage);
  const semconv = toMessages(maybeJson(a['gen_ai.input.messages']));
  if (semconv) {
    const sys = contentText(maybeJson(a['gen_ai.system_instructions']));
    return sys ? [{ role: 'system', text: sys }, ...semconv] : semconv;
  }
  const indexed = indexedList(a, 'gen_ai.prompt');
  if (indexed.length) return indexed.map((m) => ({ role: String(m.role ?? 'user'), text: contentText(maybeJson(m.content)) }));
  const fromEvents = eventMessages([...s.events, ...logEvents], 'input');
  if (fromEvents.length) return fromEvents;
  const prompts = indexedList(a, 'llm.prompts').map((p) => p['prompt.text']).filter((t): t is string => typeof t === 'string');
  if (prompts.length) return prompts.map((text) => ({ role: 'user', text }));
  const value = maybeJson(a['input.value']);
  if (value !== undefined) return toMessages(value) ?? [{ role: 'user', text: inputText(value) }];
  return [];
}

function outputTextOf(s: Span, logEvents: SpanEvent[]): string | null {
  const a = s.attrs;
  const oi = indexedList(a, 'llm.output_messages');
  if (oi.length) return oi.map(oiMessage).map((m) => m.text).filter((t) => t !== '').join('\n');
  const semconv = toMessages(maybeJson(a['gen_ai.output.messages']));
  if (semconv) return semconv.map((m) => m.text).filter((t) => t !== '').join('\n');
  const indexed = indexedList(a, 'gen_ai.completion');
  if (indexed.length) return indexed.map((m) => contentText(maybeJson(m.content))).filter((t) => t !== '').join('\n');
  const fromEvents = eventMessages([...s.events, ...logEvents], 'output');
  if (fromEvents.length) return fromEvents.map((m) => m.text).join('\n');
  const choices = indexedList(a, 'llm.choices').map((c) => c['completion.text']).filter((t): t is string => typeof t === 'string');
  if (choices.length) return choices.join('\n');
  if (a['output.value'] !== undefined) return outputText(maybeJson(a['output.value']));
  return null;
}

function first(a: Obj, keys: string[]): unknown {
  for (const k of keys) if (a[k] !== undefined && a[k] !== null && a[k] !== '') return a[k];
  return undefined;
}

const PARAM_PREFIX = 'gen_ai.request.';

/** An OTel GenAI or OpenInference LLM span as a record draft (contexts are added by trace assembly). */
export function otelLlmDraft(s: Span, logEvents: SpanEvent[]): RecordDraft {
  const a = s.attrs;
  const messages = inputMessages(s, logEvents);
  const users = messages.filter((m) => m.role === 'user' && m.text !== '');
  const input = users.at(-1)?.text ?? messages.filter((m) => m.text !== '').at(-1)?.text ?? '';
  const output = outputTextOf(s, logEvents) ?? '';
  const meta: Obj = { trace_id: s.traceId, span_id: s.spanId, span_name: s.name };
  if (messages.length > 1) meta.messages = messages;
  const system = first(a, ['gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system']);
  if (system !== undefined) meta.system = system;
  const params: Obj = {};
  for (const [k, v] of Object.entries(a)) if (k.startsWith(PARAM_PREFIX) && k !== 'gen_ai.request.model') params[k.slice(PARAM_PREFIX.length)] = v;
  const invocation = maybeJson(a['llm.invocation_parameters']);
  if (isObj(invocation)) Object.assign(params, invocation);
  if (Object.keys(params).length) meta.params = params;
  const finish = first(a, ['gen_ai.response.finish_reasons', 'llm.finish_reason']);
  if (finish !== undefined) meta.finish_reason = finish;
  for (const [from, to] of [['session.id', 'session_id'], ['user.id', 'user_id'], ['tag.tags', 'tags'], ['gen_ai.conversation.id', 'conversation_id']] as const) {
    if (a[from] !== undefined) meta[to] = a[from];
  }
  const spanMeta = maybeJson(a.metadata);
  if (isObj(spanMeta)) meta.span_metadata = spanMeta;
  if (s.resource['service.name'] !== undefined) meta.service = s.resource['service.name'];
  if (s.status !== null && /^(2|ERROR|STATUS_CODE_ERROR)$/i.test(s.status)) meta.status = 'error';
  const vars = maybeJson(a['llm.prompt_template.variables']);
  if (isObj(vars)) meta.prompt_variables = vars;
  const latency = s.startMs !== null && s.endMs !== null && s.endMs >= s.startMs ? Math.round((s.endMs - s.startMs) * 1000) / 1000 : null;
  return {
    id: s.spanId,
    timestamp: s.startMs === null ? null : new Date(s.startMs).toISOString(),
    model: optString(first(a, ['gen_ai.request.model', 'llm.request.model_name', 'llm.model_name', 'gen_ai.response.model']), 'model'),
    modelVersion: optString(first(a, ['gen_ai.response.model', 'llm.response.model_name']), 'model_version'),
    promptId: optString(first(a, ['llm.prompt_template.id', 'gen_ai.prompt.id', 'gen_ai.prompt.name', 'langfuse.prompt.name', 'prompt.id']), 'prompt_id'),
    promptVersion: optString(first(a, ['llm.prompt_template.version', 'gen_ai.prompt.version', 'langfuse.prompt.version', 'prompt.version']), 'prompt_version'),
    promptTemplate: optString(a['llm.prompt_template.template'], 'llm.prompt_template.template'),
    input,
    output,
    contexts: [],
    tokensIn: optCount(first(a, ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt', 'llm.usage.prompt_tokens']), 'gen_ai.usage.input_tokens'),
    tokensOut: optCount(first(a, ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.token_count.completion', 'llm.usage.completion_tokens']), 'gen_ai.usage.output_tokens'),
    latencyMs: latency,
    cost: optAmount(first(a, ['llm.cost.total', 'gen_ai.usage.cost', 'gen_ai.cost.total']), 'llm.cost.total'),
    metadata: meta,
  };
}
