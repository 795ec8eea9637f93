import { describe, expect, it } from 'vitest';
import { RecordInput } from '../../../../shared/contract/record-input';
import { describeZodIssue } from '../../../../main/importers/zod-issue';
import { inferMapping, mappedRecordReader } from '../../../../main/importers/records/mapped-records';
import { FieldError } from '../../../../main/importers/records/record-draft';

const native = mappedRecordReader(inferMapping(['id', 'timestamp', 'model', 'prompt_id', 'prompt_version', 'input', 'output', 'contexts', 'tokens_in', 'tokens_out', 'latency_ms', 'cost', 'metadata']));

function error(o: Record<string, unknown>): FieldError {
  try {
    native(o);
  } catch (err) {
    if (err instanceof FieldError) return err;
    throw err;
  }
  throw new Error('expected a FieldError');
}

describe('record mapping', () => {
  it('finds fields under the names producers use', () => {
    const m = inferMapping(['Question', 'model_answer', 'retrieved_contexts', 'created_at', 'prompt_tokens', 'uuid', 'extra']);
    expect(m.fields).toMatchObject({ input: 'Question', contexts: 'retrieved_contexts', timestamp: 'created_at', tokens_in: 'prompt_tokens', id: 'uuid' });
    expect(m.fields.output).toBeUndefined();
    expect(inferMapping(['q', 'answer', 'response']).fields.output).toBe('answer');
  });

  it('reads dot paths with negative indexes and keeps unmapped fields in metadata', () => {
    const read = mappedRecordReader({ fields: { input: 'messages.-1.content', output: 'reply.text', tokens_in: 'usage.prompt_tokens' }, metadata: 'rest' });
    const d = read({ messages: [{ content: 'first' }, { content: 'last' }], reply: { text: 'ok' }, usage: { prompt_tokens: '12' }, team: 'eu', empty: '' });
    expect(d).toMatchObject({ input: 'last', output: 'ok', tokensIn: 12, metadata: { team: 'eu' } });
    expect(d.metadata).not.toHaveProperty('messages');
    expect(d.metadata).not.toHaveProperty('empty');
  });

  it('normalizes timestamps (ISO, zone-less, epoch seconds and milliseconds) to ISO UTC', () => {
    const at = (timestamp: unknown) => native({ input: 'q', output: 'a', timestamp }).timestamp;
    expect(at('2024-10-01T12:00:00+02:00')).toBe('2024-10-01T10:00:00.000Z');
    expect(at('2024-10-01 12:00:00')).toBe('2024-10-01T12:00:00.000Z');
    expect(at(1727784000)).toBe('2024-10-01T12:00:00.000Z');
    expect(at(1727784000123)).toBe('2024-10-01T12:00:00.123Z');
    expect(error({ input: 'q', output: 'a', timestamp: 'yesterday' })).toMatchObject({ field: 'timestamp' });
  });

  it('takes contexts as a list, a JSON-array string, document objects or one string', () => {
    const ctx = (contexts: unknown) => native({ input: 'q', output: 'a', contexts }).contexts;
    expect(ctx(['a', 'b'])).toEqual(['a', 'b']);
    expect(ctx('["a","b"]')).toEqual(['a', 'b']);
    expect(ctx([{ page_content: 'p' }, { text: 't' }])).toEqual(['p', 't']);
    expect(ctx('one passage')).toEqual(['one passage']);
    expect(error({ input: 'q', output: 'a', contexts: ['ok', 7] })).toMatchObject({ field: 'contexts.1', reason: 'Invalid input: expected string, received number' });
  });

  it('agrees with the RecordInput schema on what is rejected, and names the same field', () => {
    const cases: Record<string, unknown>[] = [
      { output: 'a' },
      { input: 'q' },
      { input: 42, output: 'a' },
      { input: 'q', output: 'a', tokens_in: -1 },
      { input: 'q', output: 'a', tokens_in: 1.5 },
      { input: 'q', output: 'a', cost: -0.1 },
      { input: 'q', output: 'a', metadata: [1] },
      { input: 'q', output: 'a', model: { name: 'x' } },
    ];
    for (const c of cases) {
      const z = RecordInput.safeParse(c);
      expect(z.success, JSON.stringify(c)).toBe(false);
      const issue = z.error!.issues[0]!;
      const mine = error(c);
      expect(mine.field).toBe(issue.path.join('.'));
      expect(describeZodIssue(issue)).toContain(mine.reason.split(',')[0]!.replace(/Invalid input: expected \w+( or chat messages)?/, 'Invalid input: expected'));
    }
    const ok = { id: 7, input: 'q', output: 'a', contexts: ['c'], tokens_in: 3, latency_ms: 1.5, cost: 0, metadata: { k: 1 } };
    expect(RecordInput.safeParse(ok).success).toBe(true);
    expect(native(ok)).toMatchObject({ id: '7', input: 'q', output: 'a', contexts: ['c'], tokensIn: 3, latencyMs: 1.5, cost: 0, metadata: { k: 1 } });
  });

  it('takes chat messages as input and a response object as output', () => {
    const d = native({ input: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi?' }], output: { role: 'assistant', content: 'hello' } });
    expect(d).toMatchObject({ input: 'hi?', output: 'hello' });
  });
});
