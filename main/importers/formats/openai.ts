import { FieldError, type RecordDraft } from '../records/record-draft';
import { optAmount, optCount, optString, optTimestamp } from '../records/field-values';
import { contentText, outputText, toMessages, type ChatMessage } from './message-text';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One half of an OpenAI Batch API pair: input file lines and output file lines are joined by custom_id. */
export interface BatchHalf {
  customId: string;
  side: 'request' | 'response';
  body: Obj;
}

export type OpenAiItem = { kind: 'record'; draft: RecordDraft } | { kind: 'half'; half: BatchHalf };

/** Whether an object looks like an OpenAI request/response log line (for detection). */
export function looksLikeOpenAi(o: Obj): boolean {
  const req = pickRequest(o);
  const res = pickResponse(o);
  if (res && (Array.isArray(res.choices) || res.object === 'response' || res.object === 'chat.completion')) return true;
  if (typeof o.custom_id === 'string' && (isObj(o.body) || isObj(o.response))) return true;
  return req !== null && Array.isArray(req.messages) && Array.isArray(o.choices);
}

function pickRequest(o: Obj): Obj | null {
  for (const k of ['request', 'req', 'params']) {
    const v = o[k];
    if (isObj(v)) return isObj(v.body) && !('messages' in v) ? v.body : v;
  }
  if (typeof o.custom_id === 'string' && isObj(o.body) && ('messages' in o.body || 'input' in o.body)) return o.body;
  if (Array.isArray(o.messages) || typeof o.prompt === 'string') return o;
  return null;
}

function pickResponse(o: Obj): Obj | null {
  for (const k of ['response', 'res', 'completion', 'result']) {
    const v = o[k];
    if (isObj(v)) {
      if (isObj(v.body) && !Array.isArray(v.choices)) return v.body;
      return v;
    }
    if (Array.isArray(v) && v.every(isObj)) return mergeStream(v as Obj[]);
  }
  if (Array.isArray(o.choices) || o.object === 'response') return o;
  return null;
}

/** Streamed chunks folded into one response: chat.completion.chunk deltas joined (last usage kept), or a Responses API stream's final response. */
function mergeStream(chunks: Obj[]): Obj {
  // Responses API streams end with the whole response in a response.completed event.
  const completed = chunks.find((c) => c.type === 'response.completed' && isObj(c.response));
  if (completed) return completed.response as Obj;
  let text = '';
  let usage: unknown;
  let finish: unknown;
  const first = chunks[0] ?? {};
  for (const c of chunks) {
    const choice = Array.isArray(c.choices) ? c.choices[0] : undefined;
    if (isObj(choice) && isObj(choice.delta) && typeof choice.delta.content === 'string') text += choice.delta.content;
    if (isObj(choice) && choice.finish_reason) finish = choice.finish_reason;
    if (c.usage) usage = c.usage;
  }
  return { ...first, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }], usage };
}

/**
 * An OpenAI chat-completions (or Responses API, or legacy completions) log line as a record: the last user
 * message is the input, the first choice the output; the full message list, parameters and other choices go
 * to metadata. Batch API lines that carry only one side come back as halves to be joined.
 */
export function readOpenAiItem(o: Obj): OpenAiItem {
  const customId = typeof o.custom_id === 'string' ? o.custom_id : null;
  const req = pickRequest(o);
  const res = pickResponse(o);
  if (customId !== null && (req === null || res === null)) {
    if (req !== null) return { kind: 'half', half: { customId, side: 'request', body: req } };
    if (res !== null) return { kind: 'half', half: { customId, side: 'response', body: res } };
    if (isObj(o.error)) throw new FieldError('error', `batch request failed: ${String(o.error.message ?? o.error.code ?? 'error')}`);
  }
  if (res === null) throw new FieldError('response', 'no response (choices or output) in this line');
  if (req === null && !customId) throw new FieldError('request', 'no request messages in this line');
  return { kind: 'record', draft: openAiDraft(req ?? {}, res, o, customId) };
}

export function openAiDraft(req: Obj, res: Obj, line: Obj, customId: string | null): RecordDraft {
  if (isObj(res.error) && !Array.isArray(res.choices) && !Array.isArray(res.output)) {
    throw new FieldError('response.error', `the API returned an error: ${String(res.error.message ?? res.error.code ?? 'unknown')}`);
  }
  if (res.object === 'list' && Array.isArray(res.data) && isObj(res.data[0]) && 'embedding' in res.data[0]) {
    throw new FieldError('response', 'an embeddings call, not a chat or text completion: there is no answer to evaluate');
  }
  const messages = requestMessages(req);
  const users = messages.filter((m) => m.role === 'user' && m.text !== '');
  const input = users.at(-1)?.text ?? messages.at(-1)?.text ?? (typeof req.prompt === 'string' ? req.prompt : '');
  if (input === '' && messages.length === 0) throw new FieldError('request.messages', 'no messages or prompt in the request');
  const output = outputText(res);
  const usage = isObj(res.usage) ? res.usage : {};
  const choices = Array.isArray(res.choices) ? res.choices : [];
  const meta: Obj = {};
  if (messages.length > 1) meta.messages = messages;
  const params = requestParams(req);
  if (Object.keys(params).length) meta.params = params;
  const finish = isObj(choices[0]) ? choices[0].finish_reason : res.status;
  if (finish !== undefined && finish !== null) meta.finish_reason = finish;
  if (choices.length > 1) meta.other_choices = choices.slice(1).map((c) => outputText({ choices: [c] }));
  if (res.system_fingerprint) meta.system_fingerprint = res.system_fingerprint;
  if (customId !== null) meta.custom_id = customId;
  for (const k of ['user', 'tags', 'session_id', 'user_id', 'environment']) if (line[k] !== undefined) meta[k] = line[k];
  if (isObj(line.metadata)) Object.assign(meta, line.metadata);
  const reqMeta = isObj(req.metadata) ? req.metadata : {};
  const prompt = isObj(req.prompt) ? req.prompt : {};
  return {
    id: optString(res.id ?? line.id ?? customId, 'id'),
    timestamp: optTimestamp(line.timestamp ?? line.created_at ?? res.created ?? res.created_at, 'timestamp'),
    model: optString(req.model ?? res.model, 'model'),
    modelVersion: optString(res.model, 'model_version'),
    promptId: optString(prompt.id ?? reqMeta.prompt_id ?? line.prompt_id, 'prompt_id'),
    promptVersion: optString(prompt.version ?? reqMeta.prompt_version ?? line.prompt_version, 'prompt_version'),
    promptTemplate: optString(reqMeta.prompt_template ?? line.prompt_template, 'prompt_template'),
    input,
    output,
    contexts: [],
    tokensIn: optCount(usage.prompt_tokens ?? usage.input_tokens, 'usage.prompt_tokens'),
    tokensOut: optCount(usage.completion_tokens ?? usage.output_tokens, 'usage.completion_tokens'),
    latencyMs: optAmount(line.latency_ms ?? line.duration_ms ?? (typeof line.latency === 'number' ? line.latency : undefined), 'latency_ms'),
    cost: optAmount(line.cost ?? line.cost_usd, 'cost'),
    metadata: meta,
  };
}

function requestMessages(req: Obj): ChatMessage[] {
  const found = toMessages(Array.isArray(req.messages) ? req.messages : Array.isArray(req.input) ? req.input : undefined) ?? [];
  if (typeof req.input === 'string') found.push({ role: 'user', text: req.input });
  const instructions = contentText(req.instructions);
  return instructions ? [{ role: 'system', text: instructions }, ...found] : found;
}

const PARAMS = ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'max_output_tokens', 'n', 'stop', 'seed', 'presence_penalty',
  'frequency_penalty', 'response_format', 'tool_choice', 'stream', 'reasoning_effort', 'service_tier'];

function requestParams(req: Obj): Obj {
  const out: Obj = {};
  for (const k of PARAMS) if (req[k] !== undefined && req[k] !== null) out[k] = req[k];
  if (Array.isArray(req.tools)) {
    out.tools = req.tools.map((t) => (isObj(t) && isObj(t.function) ? t.function.name : isObj(t) ? t.name ?? t.type : t));
  }
  return out;
}
