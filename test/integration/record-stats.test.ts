import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { createHandlers } from '../../main/api/handlers';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { listRecords } from '../../main/storage/records-repo';
import { createWorkspace } from '../../main/storage/workspace';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-stats-');
const context = 'The Lumora Cam Indoor has a two-year warranty. Returns are accepted within 30 days of delivery.';
const record = (i: number) => ({
  id: `r-${i}`,
  model: i % 2 === 0 ? 'gpt-a' : 'gpt-b',
  prompt_version: i < 6 ? 'v1' : 'v2',
  input: 'How long is the warranty on the Cam Indoor?',
  // Every third answer invents facts the context does not hold.
  output: i % 3 === 0 ? 'The Cam Indoor has a five-year warranty and free lifetime repairs in Paris.' : 'The Cam Indoor has a two-year warranty.',
  contexts: [context],
  tokens_in: 100 + i,
  tokens_out: 10,
  cost: i === 0 ? undefined : 0.5,
  latency_ms: 200,
});

describe('records.stats', () => {
  it('counts records, flags, tokens and cost overall and per model and prompt version, matching records.list', async () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'));
    const file = path.join(tmp(), 'r.jsonl');
    writeFileSync(file, Array.from({ length: 9 }, (_, i) => JSON.stringify(record(i))).join('\n'));
    await importJsonlRecords(ws, file, { name: 'logs' });
    const handlers = createHandlers(ws, new EventBus());

    const before = await callApi(handlers, 'records.stats', {});
    expect(before).toMatchObject({ count: 9, unscored: 9, flags: { hallucination: 0, any: 0 }, tokensIn: 936, tokensOut: 90, cost: 4, latencyMsMean: 200, groundingMean: null });

    await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    const after = await callApi(handlers, 'records.stats', {});
    const flagged = listRecords(ws.db, { flag: 'hallucination', sort: 'id', dir: 'asc', offset: 0, limit: 100 }).total;
    expect(after.unscored).toBe(0);
    expect(after.flags.hallucination).toBe(flagged);
    expect(flagged).toBe(3);
    expect(after.groundingMean).toBeGreaterThan(0);
    expect(after.byModel.map((g) => [g.value, g.count])).toEqual([['gpt-a', 5], ['gpt-b', 4]]);
    expect(after.byPromptVersion.map((g) => [g.value, g.count, g.flags.hallucination])).toEqual([['v1', 6, 2], ['v2', 3, 1]]);

    const onlyB = await callApi(handlers, 'records.stats', { model: 'gpt-b' });
    expect(onlyB).toMatchObject({ count: 4, byModel: [{ value: 'gpt-b', count: 4 }] });
    await expect(callApi(handlers, 'records.stats', { model: 'x', extra: 1 } as never)).rejects.toThrow(/extra/);
    ws.close();
  });
});
