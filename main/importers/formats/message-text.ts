/**
 * Text out of the many shapes LLM SDKs log messages in: OpenAI chat and Responses items, Anthropic content
 * blocks, Gemini parts, OTel GenAI parts, LangChain messages, plain strings. Records store text; the message
 * list itself goes to metadata so nothing is lost.
 */

export interface ChatMessage {
  role: string;
  text: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ROLE_ALIASES: Record<string, string> = {
  human: 'user', ai: 'assistant', model: 'assistant', bot: 'assistant', developer: 'system', function: 'tool',
  HumanMessage: 'user', AIMessage: 'assistant', AIMessageChunk: 'assistant', SystemMessage: 'system', ToolMessage: 'tool',
};

function normRole(role: unknown): string | null {
  if (typeof role !== 'string' || role === '') return null;
  return ROLE_ALIASES[role] ?? role.toLowerCase();
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

/** Text of one content value: a string, a list of parts, or a part. Tool calls are rendered so they stay visible. */
export function contentText(content: unknown, depth = 0): string {
  if (depth > 6 || content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (typeof content === 'number' || typeof content === 'boolean') return String(content);
  if (Array.isArray(content)) {
    return content.map((p) => contentText(p, depth + 1)).filter((t) => t !== '').join('\n');
  }
  if (!isObj(content)) return '';
  const type = typeof content.type === 'string' ? content.type : '';
  if (typeof content.text === 'string') return content.text;
  if (isObj(content.text) && typeof content.text.value === 'string') return content.text.value;
  if (type === 'text' || type === 'output_text' || type === 'input_text') return contentText(content.content ?? content.value, depth + 1);
  const call = toolCallText(content);
  if (call !== null) return call;
  if (type === 'tool_result' || type === 'tool_call_response' || type === 'function_call_output' || 'functionResponse' in content) {
    const body = content.content ?? content.response ?? content.output ?? (isObj(content.functionResponse) ? content.functionResponse.response : undefined);
    return contentText(body, depth + 1);
  }
  if ('content' in content) return contentText(content.content, depth + 1);
  if ('parts' in content) return contentText(content.parts, depth + 1);
  if (type === 'image_url' || type === 'image' || type === 'input_image' || type === 'input_audio' || type === 'file') return `[${type}]`;
  return '';
}

/** "[tool call] name(args)" for the tool-call shapes of OpenAI, Anthropic, Gemini and OTel; null if not a call. */
export function toolCallText(v: Obj): string | null {
  const type = typeof v.type === 'string' ? v.type : '';
  if (type === 'tool_use') return `[tool call] ${String(v.name ?? '')}(${stringify(v.input ?? {})})`;
  if (type === 'function_call' || type === 'tool_call') return `[tool call] ${String(v.name ?? '')}(${argsText(v.arguments)})`;
  if (isObj(v.function) && (type === 'function' || 'id' in v)) return `[tool call] ${String(v.function.name ?? '')}(${argsText(v.function.arguments)})`;
  const fc = v.functionCall ?? v.function_call;
  if (isObj(fc)) return `[tool call] ${String(fc.name ?? '')}(${argsText(fc.args ?? fc.arguments)})`;
  return null;
}

function argsText(a: unknown): string {
  return typeof a === 'string' ? a : stringify(a ?? {});
}

function toolCallsText(calls: unknown): string {
  if (!Array.isArray(calls)) return '';
  return calls.map((c) => (isObj(c) ? toolCallText({ ...c, type: typeof c.type === 'string' ? c.type : 'function' }) ?? '' : ''))
    .filter((t) => t !== '').join('\n');
}

/** Python reprs of message objects that some SDKs log as strings: "role='user' content='...' name=None ...". */
const REPR = /^role=['"](\w+)['"] content=(?:'([\s\S]*?)'|"([\s\S]*?)"|None)(?= \w+=|$)/;

/** One message-like value as a ChatMessage, or null when it is not one. */
export function toMessage(v: unknown): ChatMessage | null {
  if (typeof v === 'string') {
    const m = REPR.exec(v);
    return m ? { role: normRole(m[1]) ?? 'user', text: (m[2] ?? m[3] ?? '').replace(/\\n/g, '\n') } : null;
  }
  if (!isObj(v)) return null;
  if (isObj(v.message) && !('role' in v)) return toMessage(v.message);
  if (isObj(v.kwargs) && v.lc !== undefined) {
    const id = Array.isArray(v.id) ? String(v.id.at(-1) ?? '') : '';
    return toMessage({ ...v.kwargs, role: (v.kwargs as Obj).role ?? (v.kwargs as Obj).type ?? id });
  }
  const role = normRole(v.role) ?? normRole(v.type === 'message' ? undefined : v.type) ?? normRole(v.author);
  const type = typeof v.type === 'string' ? v.type : '';
  if (type === 'function_call' || type === 'tool_call') return { role: 'assistant', text: toolCallText(v) ?? '' };
  if (type === 'function_call_output') return { role: 'tool', text: contentText(v.output) };
  if (role === null) return null;
  let text = contentText(v.content ?? v.parts ?? v.text ?? v.message);
  const calls = toolCallsText(v.tool_calls ?? (isObj(v.additional_kwargs) ? v.additional_kwargs.tool_calls : undefined));
  if (calls) text = text ? `${text}\n${calls}` : calls;
  return { role, text };
}

/** A list of messages from a value holding one (array, {messages}, {contents}, {input}), or null. */
export function toMessages(value: unknown, depth = 0): ChatMessage[] | null {
  if (depth > 3) return null;
  if (Array.isArray(value)) {
    const out: ChatMessage[] = [];
    for (const v of value) {
      const m = toMessage(v);
      if (m) out.push(m);
    }
    return out.length > 0 && out.length >= value.length / 2 ? out : null;
  }
  if (isObj(value)) {
    for (const key of ['messages', 'contents', 'input', 'prompt', 'history']) {
      if (key in value) {
        const inner = value[key];
        if (typeof inner === 'string' && key !== 'messages') return [{ role: 'user', text: inner }];
        const found = toMessages(inner, depth + 1);
        if (found) return withSystem(value, found);
      }
    }
    const single = toMessage(value);
    if (single) return [single];
  }
  return null;
}

function withSystem(container: Obj, messages: ChatMessage[]): ChatMessage[] {
  const sys = container.system ?? container.instructions ?? container.system_instruction
    ?? (isObj(container.config) ? container.config.system_instruction : undefined);
  const text = contentText(sys);
  return text ? [{ role: 'system', text }, ...messages] : messages;
}

/** The question a call answered: the last user message, else all text. */
export function inputText(value: unknown): string {
  if (typeof value === 'string') return value;
  const messages = toMessages(value);
  if (messages) {
    const user = messages.filter((m) => m.role === 'user' && m.text !== '');
    if (user.length) return user.at(-1)!.text;
    return messages.map((m) => m.text).filter((t) => t !== '').at(-1) ?? '';
  }
  if (isObj(value) && Array.isArray(value.args) && value.args.length > 0) return contentText(value.args[0]);
  return anyText(value);
}

/** The answer a call produced, from response objects of the common SDKs or message lists. */
export function outputText(value: unknown, depth = 0): string {
  if (depth > 4 || value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isObj(value)) {
    if (Array.isArray(value.choices)) {
      const first = value.choices[0];
      if (isObj(first)) {
        if (isObj(first.message)) return toMessage({ role: 'assistant', ...first.message })?.text ?? '';
        if (isObj(first.delta)) return contentText(first.delta.content);
        if (typeof first.text === 'string') return first.text;
      }
    }
    if (Array.isArray(value.output)) {
      const texts = value.output.map((o) => (isObj(o) ? (o.type === 'message' ? contentText(o.content) : toolCallText(o) ?? '') : ''));
      return texts.filter((t) => t !== '').join('\n');
    }
    if (Array.isArray(value.candidates)) return outputText(value.candidates[0], depth + 1);
    if (typeof value.output_text === 'string') return value.output_text;
    if ('completion' in value) return outputText(value.completion, depth + 1);
    if ('generations' in value) return outputText(value.generations, depth + 1);
    const m = toMessage(value.role || value.type ? value : { role: 'assistant', ...value });
    if (m && m.text !== '') return m.text;
    if ('content' in value) return contentText(value.content);
    if ('output' in value) return outputText(value.output, depth + 1);
  }
  if (Array.isArray(value)) {
    const messages = toMessages(value);
    if (messages) {
      const assistant = messages.filter((m) => m.role === 'assistant' && m.text !== '');
      return (assistant.length ? assistant : messages).map((m) => m.text).join('\n');
    }
    if (value.length > 0 && Array.isArray(value[0])) return outputText(value[0], depth + 1);
    if (value.length > 0 && isObj(value[0]) && 'text' in value[0]) return contentText(value);
  }
  return anyText(value);
}

/** Last resort: a compact JSON rendering, so the record still shows what was logged. */
export function anyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const t = contentText(value);
  return t !== '' ? t : stringify(value);
}

/** Texts of retrieved documents in the shapes retrievers log (strings, {pageContent}, {page_content}, {text}, {document: {content}}). */
export function documentTexts(value: unknown, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => documentTexts(v, depth + 1));
  if (!isObj(value)) return [];
  for (const key of ['page_content', 'pageContent', 'text', 'content', 'chunk', 'body']) {
    if (typeof value[key] === 'string') return [value[key] as string];
  }
  for (const key of ['document', 'node']) if (isObj(value[key])) return documentTexts(value[key], depth + 1);
  for (const key of ['documents', 'nodes', 'results', 'docs', 'source_nodes', 'contexts']) {
    if (Array.isArray(value[key])) return documentTexts(value[key], depth + 1);
  }
  return [];
}
