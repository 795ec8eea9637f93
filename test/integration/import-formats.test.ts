import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import type { LogRecord } from '../../shared/contract/schemas';
import { useTempDir } from '../helpers/tmp';
import { evaldata, expectBalanced, fixtures, importFiles, session, type Session } from './import-helpers';

const tmp = useTempDir('assay-formats-');

async function records(s: Session, assetId: number): Promise<LogRecord[]> {
  return (await callApi(s.handlers, 'records.list', { assetId, limit: 1000 })).rows;
}

describe('OpenAI chat-completions logs', () => {
  it('detects the format and reads request messages, response choices, usage and prompt versions', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'openai-chat.jsonl')]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ format: 'openai', inputCount: 8, imported: 7, quarantined: 1 });
    expect(sum.quarantine[0]).toMatchObject({ line: 8, field: 'response.error' });
    expect(sum.quarantine[0]!.reason).toMatch(/the API returned an error: The model `gpt-4o-mini-nonexistent` does not exist/);
    const rows = await records(s, sum.assetId!);
    const byId = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(byId['chatcmpl-A001']).toMatchObject({
      input: 'How do I reset the Lumo Hub?', output: 'Hold the reset button for 10 seconds until the light blinks white.', model: 'gpt-4o-mini',
      modelVersion: 'gpt-4o-mini-2024-07-18', promptId: 'support-answer', promptVersion: 'v1.3', tokensIn: 52, tokensOut: 18, latencyMs: 641,
      timestamp: '2024-10-01T10:01:00.000Z',
    });
    expect(byId['chatcmpl-A001']!.metadata).toMatchObject({ params: { temperature: 0.2 }, finish_reason: 'stop', messages: [{ role: 'system' }, { role: 'user' }] });
    expect(byId['chatcmpl-A003']!.input).toBe('And on the free plan?');
    expect(byId['chatcmpl-A004']!.output).toBe('[tool call] get_current_weather({"location": "Seattle, WA"})');
    expect(byId['chatcmpl-A005']!.metadata.other_choices).toEqual(['Hi']);
    expect(byId['chatcmpl-S1']).toMatchObject({ output: 'This is a test.', tokensIn: 12 });
    expect(byId.resp_01).toMatchObject({ input: 'What is the return window?', output: 'You can return devices within 30 days.', promptId: 'pmpt_returns', promptVersion: '2', tokensOut: 9 });
    expect(sum.prompts.map((p) => `${p.promptId}@${p.promptVersion}`).sort()).toEqual(['pmpt_returns@2', 'support-answer@v1.3', 'support-answer@v1.4']);
  });

  it('joins Batch API input and output files by custom_id and reports the request without an answer', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'openai-batch-input.jsonl'), path.join(fixtures, 'openai-batch-output.jsonl')], { name: 'batch' });
    expect(sum).toMatchObject({ inputCount: 5, imported: 4, quarantined: 1, stored: 2 });
    expect(sum.quarantine[0]).toMatchObject({ line: 3, field: 'custom_id', reason: 'batch request "req-3" has no matching response in the files imported' });
    expect((await records(s, sum.assetId!)).map((r) => [r.input, r.output])).toEqual([
      ['How long is the warranty?', 'Two years from the purchase date.'], ['Can I pair two hubs?', 'Yes, up to two hubs per account.'],
    ]);
  });

  it('reads every recorded OpenAI API call of the OTel instrumentation cassettes (skipped where absent)', async (ctx) => {
    const dir = path.join(evaldata, 'otel-genai-openai-cassettes', 'cassettes');
    if (!existsSync(dir)) return ctx.skip('skipped: ../shared/evaldata/otel-genai-openai-cassettes is absent');
    const lines: string[] = [];
    const expected = { chat: 0, failed: 0, embeddings: 0 };
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
      const doc = parseYaml(readFileSync(path.join(dir, f), 'utf8')) as { interactions: { request: { body: string; uri: string }; response: { status: { code: number }; body: { string: string } } }[] };
      for (const it of doc.interactions) {
        const body = it.response.body.string;
        const response = body.trimStart().startsWith('{') ? JSON.parse(body)
          : body.split('\n').filter((l) => l.startsWith('data: ') && !l.includes('[DONE]')).map((l) => JSON.parse(l.slice(6)));
        lines.push(JSON.stringify({ request: JSON.parse(it.request.body), response }));
        if (it.response.status.code !== 200) expected.failed++;
        else if (it.request.uri.endsWith('/embeddings')) expected.embeddings++;
        else expected.chat++;
      }
    }
    const s = session(tmp);
    const file = path.join(s.dir, 'cassettes.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const sum = await importFiles(s, [file], { spec: { format: 'openai' } });
    expectBalanced(sum);
    expect(sum.inputCount).toBe(lines.length);
    // The recordings replay one response id for different requests: those are id conflicts, kept in quarantine.
    const q = (await callApi(s.handlers, 'import.quarantine', { assetId: sum.assetId!, limit: 1000 })).rows;
    const conflicts = q.filter((x) => x.field === 'id' && /^duplicate id "chatcmpl-/.test(x.reason)).length;
    expect(sum.imported + sum.duplicates + conflicts).toBe(expected.chat);
    expect(q.filter((x) => x.field === 'response.error')).toHaveLength(expected.failed);
    expect(q.filter((x) => /an embeddings call/.test(x.reason))).toHaveLength(expected.embeddings);
    expect(sum.quarantined).toBe(expected.failed + expected.embeddings + conflicts);
    const rows = await records(s, sum.assetId!);
    expect(rows.every((r) => r.input !== '' && r.model !== null)).toBe(true);
    expect(rows.filter((r) => r.output === '').length).toBeLessThan(rows.length / 4);
    expect(rows.some((r) => r.output === 'This is a test.')).toBe(true);
  });
});

describe('OpenTelemetry GenAI and OpenInference spans', () => {
  it('reads messages from span attributes, span events and indexed attributes, and reports a trace with no LLM call', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'otel-genai-traces.json')]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ format: 'otel', inputCount: 5, imported: 4, quarantined: 1, stored: 3 });
    expect(sum.quarantine[0]!.reason).toBe('trace a3ce929d0e0e47364bf92f3577b34da6 has no LLM call to store (span kinds: embeddings)');
    const rows = Object.fromEntries((await records(s, sum.assetId!)).map((r) => [r.externalId, r]));
    expect(rows['051581bf3cb55c13']).toMatchObject({
      input: 'How do I update the hub firmware?', output: 'Open the app, go to Settings > Hub > Firmware and tap Update.', model: 'gpt-4o-mini',
      modelVersion: 'gpt-4o-mini-2024-07-18', tokensIn: 48, tokensOut: 21, latencyMs: 830, timestamp: '2024-10-01T10:53:20.000Z',
    });
    expect(rows['051581bf3cb55c13']!.metadata).toMatchObject({ system: 'openai', params: { temperature: 0.2 }, service: 'support-bot', messages: [{ role: 'system', text: 'You are the support assistant for Lumo devices.' }, { role: 'user' }] });
    expect(rows.b7ad6b7169203331).toMatchObject({ input: 'Can I use the cam outdoors?', output: 'Yes, the Lumo Cam is rated IP65.', tokensIn: 30, tokensOut: 12 });
    expect(rows['53995c3f42cd8ad8']).toMatchObject({ input: 'How many devices can one account have?', output: 'Up to 20 devices per account.' });
    expect(rows['53995c3f42cd8ad8']!.metadata.trace_name).toBe('invoke_agent support');
  });

  it('takes messages from GenAI log records linked to the span', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'otel-genai-with-logs.jsonl')]);
    expect(sum).toMatchObject({ inputCount: 4, imported: 3, quarantined: 1 });
    expect(sum.quarantine[0]!.reason).toBe('log event for span 9999999999999999, which is not in the files imported');
    expect((await records(s, sum.assetId!))[0]).toMatchObject({ input: 'Say this is a test', output: 'This is a test.', tokensIn: 12 });
  });

  it('gives each LLM span the documents of the retriever (or reranker) before it, across export batches', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'openinference-traces.jsonl')]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ format: 'openinference', inputCount: 9, imported: 7, quarantined: 1, duplicates: 1, stored: 2 });
    const rows = await records(s, sum.assetId!);
    expect(rows.map((r) => [r.input, r.output, r.contexts])).toEqual([
      ['How long does the hub battery last?', 'The backup battery lasts up to 8 hours.', ['The Lumo Hub backup battery lasts up to 8 hours during a power cut.', 'Charging the hub fully takes about 2 hours.']],
      ['Can I return an opened camera?', 'Yes, within 30 days with the receipt.', ['Refunds are issued to the original payment method within 5 business days.']],
    ]);
    expect(rows[0]).toMatchObject({ model: 'gpt-4o-mini', tokensIn: 180, tokensOut: 24, cost: 0.0000414, promptVersion: 'v2' });
    expect(rows[0]!.metadata).toMatchObject({ session_id: 'sess-42', params: { temperature: 0 }, prompt_variables: { question: 'How long does the hub battery last?' } });
    expect(sum.prompts).toHaveLength(1);
    const templates = s.ws.db.prepare('SELECT template FROM prompt_templates').pluck().all();
    expect(templates).toEqual(['Answer using only this context:\n{context}\n\nQuestion: {question}']);
  });

  it('reads flat span exports with nested attribute objects (Phoenix)', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'phoenix-spans.jsonl')]);
    expect(sum).toMatchObject({ format: 'openinference', imported: 2, stored: 1 });
    expect((await records(s, sum.assetId!))[0]).toMatchObject({ input: 'Does the hub support Zigbee?', contexts: ['The Lumo Hub supports Zigbee 3.0 and Thread.'], model: 'claude-3-5-sonnet', tokensIn: 40 });
  });
});

describe('Langfuse exports', () => {
  it('reads a trace download: generation with prompt version, usage and cost, retriever documents as contexts, trace fields as metadata', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'langfuse-trace.json')]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ format: 'langfuse', inputCount: 5, imported: 5, stored: 1 });
    const [r] = await records(s, sum.assetId!);
    expect(r).toMatchObject({
      externalId: 'obs-gen-1', input: 'My Lumo Cam shows a red light, what does it mean?', model: 'gpt-4o-mini', promptId: 'support-answer', promptVersion: '4',
      tokensIn: 212, tokensOut: 23, cost: 0.0000456, latencyMs: 2400, timestamp: '2024-10-02T09:15:00.500Z',
      contexts: ['Status light: solid red means the camera has lost its Wi-Fi connection.', 'Status light: blinking blue means the camera is in pairing mode.'],
    });
    expect(r!.output).toMatch(/^A solid red light means the camera lost Wi-Fi/);
    expect(r!.metadata).toMatchObject({ trace: { userId: 'user-784', sessionId: 'session-19', release: '2024.10.1', tags: ['rag', 'eu'], scores: [{ name: 'user-feedback', value: 1 }] }, model_parameters: { temperature: 0.1 } });
  });

  it('reads blob-storage observation rows (snake_case, JSON as text) and quarantines rows it cannot place', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [path.join(fixtures, 'langfuse-observations.jsonl')]);
    expect(sum).toMatchObject({ inputCount: 4, imported: 2, quarantined: 2, stored: 2 });
    expect(sum.quarantine.map((q) => q.reason).sort()).toEqual(['observation o-103 has no traceId', 'trace t-101 has no LLM call to store (span kinds: SPAN)']);
    const rows = await records(s, sum.assetId!);
    expect(rows.map((r) => [r.input, r.output, r.promptId, r.promptVersion, r.tokensIn])).toEqual([
      ['cancel my subscription', 'intent: cancel_subscription', 'intent-router', '2', 15],
      ['User wants to cancel. Write a short confirmation.', 'Your subscription will end at the close of this billing period.', null, null, 30],
    ]);
    expect(rows[1]!.metadata).toMatchObject({ level: 'WARNING', status_message: 'slow response' });
  });

  it('reads the real framework traces exported from Langfuse (skipped where absent)', async (ctx) => {
    const dir = path.join(evaldata, 'langfuse-framework-traces', 'framework-traces');
    if (!existsSync(dir)) return ctx.skip('skipped: ../shared/evaldata/langfuse-framework-traces is absent');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
    let generations = 0;
    let units = 0;
    for (const f of files) {
      const doc = JSON.parse(readFileSync(f, 'utf8')) as { observations: { type: string }[] };
      generations += doc.observations.filter((o) => o.type === 'GENERATION').length;
      units += doc.observations.length + 1;
    }
    const s = session(tmp);
    const sum = await importFiles(s, files, { name: 'framework-traces' });
    expectBalanced(sum);
    expect(sum).toMatchObject({ format: 'langfuse', inputCount: units, quarantined: 0, stored: generations });
    const rows = await records(s, sum.assetId!);
    expect(rows.every((r) => r.model !== null && r.timestamp !== null && r.tokensIn !== null)).toBe(true);
    // A few generations in these exports were recorded without input or output; everything else has text.
    expect(rows.filter((r) => r.input !== '').length).toBeGreaterThan(generations * 0.9);
    expect(rows.filter((r) => r.output !== '').length).toBeGreaterThan(generations * 0.8);
    expect(rows.filter((r) => r.input.startsWith('{')).map((r) => r.input.slice(0, 80))).toEqual([]);
    expect(rows.find((r) => r.input === 'What is Langfuse?' && r.model === 'gpt-4o')?.output).toMatch(/^Langfuse is a tool/);
  });
});
