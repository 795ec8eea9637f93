import type { FieldMapping, RecordField } from '../../../shared/contract/import-schemas';
import { compilePath, rootKey, type Getter } from './field-paths';
import { contextList, metadataObject, optAmount, optCount, optString, optTimestamp, requiredText } from './field-values';
import type { RecordDraft } from './record-draft';

/** Names producers use for each field; matched ignoring case, '_', '-' and spaces. First match wins. */
export const FIELD_ALIASES: Record<Exclude<RecordField, 'metadata'>, string[]> = {
  id: ['id', 'record_id', 'request_id', 'interaction_id', 'uuid', 'trace_id', 'run_id', 'message_id'],
  timestamp: ['timestamp', 'time', 'ts', 'created_at', 'datetime', 'date', 'start_time', 'logged_at', 'event_time'],
  model: ['model', 'model_name', 'llm', 'engine', 'deployment'],
  model_version: ['model_version', 'model_revision'],
  prompt_id: ['prompt_id', 'prompt_name', 'template_id', 'template_name'],
  prompt_version: ['prompt_version', 'template_version'],
  prompt_template: ['prompt_template', 'template'],
  input: ['input', 'question', 'query', 'prompt', 'user_input', 'user_message', 'instruction', 'request', 'user_query'],
  output: ['output', 'answer', 'response', 'completion', 'generated_text', 'generation', 'model_output', 'assistant_message', 'reply'],
  contexts: ['contexts', 'context', 'retrieved_contexts', 'retrieved_documents', 'documents', 'passages', 'sources', 'references', 'knowledge'],
  tokens_in: ['tokens_in', 'prompt_tokens', 'input_tokens', 'tokens_prompt'],
  tokens_out: ['tokens_out', 'completion_tokens', 'output_tokens', 'tokens_completion'],
  latency_ms: ['latency_ms', 'latency', 'duration_ms', 'response_time_ms', 'elapsed_ms'],
  cost: ['cost', 'cost_usd', 'total_cost', 'price', 'usd'],
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');

/** A mapping from the keys a file actually has; input and output must be found for logs to be readable. */
export function inferMapping(keys: readonly string[]): FieldMapping {
  const byKey = new Map(keys.map((k) => [squash(k), k] as const));
  const used = new Set<string>();
  const fields: Partial<Record<RecordField, string>> = {};
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Exclude<RecordField, 'metadata'>, string[]][]) {
    for (const alias of aliases) {
      const key = byKey.get(squash(alias));
      if (key !== undefined && !used.has(key)) {
        fields[field] = key;
        used.add(key);
        break;
      }
    }
  }
  if (byKey.has('metadata')) fields.metadata = byKey.get('metadata')!;
  return { fields, metadata: 'rest' };
}

/** Reads records through a mapping; throws FieldError naming the field for a value of the wrong type. */
export function mappedRecordReader(mapping: FieldMapping): (o: Record<string, unknown>) => RecordDraft {
  const f = mapping.fields;
  const none: Getter = () => undefined;
  const g = (field: RecordField): Getter => (f[field] ? compilePath(f[field]!) : none);
  const get = {
    id: g('id'), timestamp: g('timestamp'), model: g('model'), modelVersion: g('model_version'), promptId: g('prompt_id'),
    promptVersion: g('prompt_version'), promptTemplate: g('prompt_template'), input: g('input'), output: g('output'),
    contexts: g('contexts'), tokensIn: g('tokens_in'), tokensOut: g('tokens_out'), latencyMs: g('latency_ms'), cost: g('cost'),
    metadata: g('metadata'),
  };
  const consumed = new Set(Object.values(f).filter((p): p is string => typeof p === 'string').map(rootKey));
  const keep = mapping.metadata;
  const sep = mapping.contextsSeparator;
  return (o) => {
    const id = get.id(o);
    let metadata = metadataObject(get.metadata(o), 'metadata');
    if (keep === 'rest') {
      let copied = false;
      for (const k in o) {
        if (consumed.has(k)) continue;
        const v = o[k];
        if (v === undefined || v === '') continue;
        if (!copied) { metadata = { ...metadata }; copied = true; }
        if (!(k in metadata)) metadata[k] = v;
      }
    } else if (Array.isArray(keep)) {
      metadata = { ...metadata };
      for (const k of keep) if (o[k] !== undefined) metadata[k] = o[k];
    }
    return {
      id: id === undefined || id === null || id === '' ? null : typeof id === 'string' || typeof id === 'number' ? String(id) : optString(id, 'id'),
      timestamp: optTimestamp(get.timestamp(o), 'timestamp'),
      model: optString(get.model(o), 'model'),
      modelVersion: optString(get.modelVersion(o), 'model_version'),
      promptId: optString(get.promptId(o), 'prompt_id'),
      promptVersion: optString(get.promptVersion(o), 'prompt_version'),
      promptTemplate: optString(get.promptTemplate(o), 'prompt_template'),
      input: requiredText(get.input(o), 'input'),
      output: requiredText(get.output(o), 'output'),
      contexts: contextList(get.contexts(o), 'contexts', sep),
      tokensIn: optCount(get.tokensIn(o), 'tokens_in'),
      tokensOut: optCount(get.tokensOut(o), 'tokens_out'),
      latencyMs: optAmount(get.latencyMs(o), 'latency_ms'),
      cost: optAmount(get.cost(o), 'cost'),
      metadata,
    };
  };
}
