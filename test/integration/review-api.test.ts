// Review queues end to end through the API: seeded samples, verdicts with undo on the audit trail, all-or-nothing
// verdict import with line-numbered errors, and the stats a reviewer and the report rely on.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/run-analysis';
import { callApi } from '../../main/api/dispatch';
import { EventBus } from '../../main/api/event-bus';
import { createHandlers } from '../../main/api/handlers';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import type { CallApi } from '../../main/cli/open';
import { reviewQueueSummaries } from '../../main/review/queue-summaries';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { sha256Hex } from '../../shared/util/hash';
import { apiError } from '../helpers/api-error';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-review-');
const context = 'The Lumora Cam Indoor has a two-year warranty. Returns are accepted within 30 days of delivery.';

async function workspace(count = 60): Promise<{ ws: Workspace; call: CallApi }> {
  const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
  const file = path.join(tmp(), 'r.jsonl');
  writeFileSync(file, Array.from({ length: count }, (_, i) => JSON.stringify({
    id: `ext-${i}`, model: i % 2 ? 'gpt-a' : 'gpt-b', prompt_version: i < count / 2 ? 'v1' : 'v2', input: 'How long is the warranty?',
    // Every third answer invents facts the context does not hold.
    output: i % 3 === 0 ? 'The Cam Indoor has a five-year warranty and free lifetime repairs in Paris.' : 'The Cam Indoor has a two-year warranty.',
    contexts: [context],
  })).join('\n'));
  await importJsonlRecords(ws, file, { name: 'logs' });
  const handlers = createHandlers(ws, new EventBus());
  return { ws, call: (method, input) => callApi(handlers, method, input) };
}

describe('review queues', () => {
  it('draws the same sample for the same seed and filter, records the design, and logs the draw', async () => {
    const { ws, call } = await workspace();
    const a = await call('review.sample', { name: 'a', size: 12, seed: 7 });
    const b = await call('review.sample', { name: 'b', size: 12, seed: 7 });
    const c = await call('review.sample', { name: 'c', size: 12, seed: 8 });
    expect(a.records).toEqual(b.records);
    expect(new Set(a.records).size).toBe(12);
    expect(a.records).not.toEqual(c.records);
    const ids = ws.db.prepare('SELECT id FROM records ORDER BY id').pluck().all() as number[];
    expect(a.population).toBe(60);
    expect(a.population_sha256).toBe(sha256Hex(ids.join('\n')));
    const v1 = await call('review.sample', { name: 'v1', filter: { promptVersion: 'v1' }, size: 100, seed: 1 });
    expect(v1.population).toBe(30);
    expect(v1.n).toBe(30);
    const sized = await call('review.sample', { name: 'sized', confidence: 0.95, tolerable: 0.1, expected: 0, seed: 1 });
    expect(sized.n).toBe((await call('review.sampleSize', { confidence: 0.95, tolerable: 0.1, expected: 0, population: 60 })).n);
    const entry = (await call('audit.list', { offset: 0, limit: 50 })).rows.find((e) => e.action === 'review.queue.created');
    expect(entry?.payload).toMatchObject({ queue: expect.any(String), seed: expect.any(Number), population_sha256: expect.any(String) });
    expect((await apiError(call('review.sample', { name: 'a', size: 3 }))).message).toMatch(/already exists/);
    expect((await apiError(call('review.sample', { name: 'z', filter: { model: 'nope' } }))).message).toMatch(/no records match/);
    ws.close();
  });

  it('stratifies proportionally by prompt version and weights by risk', async () => {
    const { ws, call } = await workspace();
    await runAnalysis(ws, { analyzerIds: ['grounding'], workers: 0 });
    const s = await call('review.sample', { name: 's', method: 'stratified', strata: 'promptVersion', size: 10, seed: 2 });
    const pv = ws.db.prepare(`SELECT prompt_version FROM records WHERE id IN (${s.records.join(',')})`).pluck().all() as string[];
    expect(pv.filter((v) => v === 'v1').length).toBe(5);
    const r = await call('review.sample', { name: 'r', method: 'risk', size: 10, seed: 2 });
    const flagged = ws.db.prepare(`SELECT count(*) FROM record_scores WHERE flag_hallucination = 1 AND record_id IN (${r.records.join(',')})`).pluck().get() as number;
    // A third of the population is flagged; risk weighting should favour them well beyond that share.
    expect(flagged).toBeGreaterThanOrEqual(6);
    await call('review.verdict', { queue: 'r', record: r.records[0]!, reviewer: 'ana', verdict: 'pass' });
    expect((await call('review.stats', { queue: 'r' })).conclusion).toMatch(/does not estimate the population/);
    ws.close();
  });

  it('stores verdicts, undoes them, and puts who, queue, record, old and new value on the audit trail', async () => {
    const { ws, call } = await workspace();
    const q = await call('review.sample', { name: 'q', size: 5, seed: 1, config: { minReviews: 1 } });
    const [r0, r1] = q.records as [number, number];
    const first = await call('review.verdict', { queue: 'q', record: r0, reviewer: 'ana', verdict: 'pass' });
    expect(first.next).toBe(1);
    await call('review.verdict', { queue: 'q', record: r0, reviewer: 'ana', verdict: 'fail', labels: ['hallucination'], comment: 'made up' });
    await call('review.verdict', { queue: 'q', record: r1, reviewer: 'ana', verdict: 'unsure' });
    expect((await call('review.undo', { queue: 'q', reviewer: 'ana' })).undone).toMatchObject({ record: r1, new: null });
    const back = await call('review.undo', { queue: 'q', reviewer: 'ana' });
    expect(back.undone?.new).toMatchObject({ verdict: 'pass' });
    const item = await call('review.item', { queue: 'q', reviewer: 'ana', position: 0 });
    expect(item.mine?.verdict).toBe('pass');
    const log = (await call('audit.list', { offset: 0, limit: 50 })).rows.filter((e) => e.action.startsWith('review.verdict'));
    expect(log.map((e) => e.action)).toEqual(['review.verdict', 'review.verdict', 'review.verdict', 'review.verdict.undo', 'review.verdict.undo'].reverse());
    expect(log.at(-2)?.payload).toMatchObject({ queue: 'q', record: r0, reviewer: 'ana', old: { verdict: 'pass' }, new: { verdict: 'fail', labels: ['hallucination'] } });
    expect((await apiError(call('review.verdict', { queue: 'q', record: 999999, reviewer: 'ana', verdict: 'pass' }))).message).toMatch(/not in review queue/);
    expect((await apiError(call('review.verdict', { queue: 'nope', record: r0, reviewer: 'ana', verdict: 'pass' }))).message).toMatch(/does not exist/);
    expect((await apiError(call('review.verdict', { queue: 'q', record: r0, reviewer: ' ', verdict: 'pass' } as never))).message).toMatch(/reviewer/);
    expect((await apiError(call('review.verdict', { queue: 'q', record: r0, reviewer: 'ana', verdict: 'fail', labels: ['bogus'] }))).message).toMatch(/unknown label bogus/);
    ws.close();
  });

  it('hides other verdicts in blind mode and enforces assignees', async () => {
    const { ws, call } = await workspace();
    const q = await call('review.sample', { name: 'blind', size: 3, seed: 1, config: { blind: true, minReviews: 2, assignees: ['ana', 'ben'] } });
    await call('review.verdict', { queue: 'blind', record: q.records[0]!, reviewer: 'ana', verdict: 'fail' });
    const seen = await call('review.item', { queue: 'blind', reviewer: 'ben', position: 0 });
    expect(seen.others).toEqual([]);
    expect(seen.reviews).toBe(1);
    // Double review: ben's next item is the one ana judged, not yet at two reviews.
    const next = await call('review.verdict', { queue: 'blind', record: q.records[1]!, reviewer: 'ben', verdict: 'pass' });
    expect(next.next).toBe(2);
    expect((await apiError(call('review.verdict', { queue: 'blind', record: q.records[0]!, reviewer: 'cy', verdict: 'pass' }))).message).toMatch(/not assigned/);
    ws.close();
  });

  it('imports a verdicts file all or nothing, naming the line and field of each problem', async () => {
    const { ws, call } = await workspace();
    const q = await call('review.sample', { name: 'imp', size: 20, seed: 4 });
    const bad = path.join(tmp(), 'bad.jsonl');
    writeFileSync(bad, [
      JSON.stringify({ record: q.records[0], reviewer: 'ana', verdict: 'pass' }),
      JSON.stringify({ record: q.records[1], verdict: 'pass' }),
      '{not json',
      JSON.stringify({ record: 424242, reviewer: 'ana', verdict: 'pass' }),
      JSON.stringify({ record: q.records[2], reviewer: 'ana', verdict: 'maybe' }),
    ].join('\n'));
    const err = await apiError(call('review.import', { queue: 'imp', path: bad }));
    expect(err.message).toContain(`${bad}:2: field "reviewer"`);
    expect(err.message).toContain(`${bad}:3: not valid JSON`);
    expect(err.message).toContain(`${bad}:4: field "record"`);
    expect(err.message).toContain(`${bad}:5: field "verdict"`);
    expect((await call('review.stats', { queue: 'imp' })).reviewed).toBe(0);
    expect((await call('audit.list', { offset: 0, limit: 10 })).rows.some((e) => e.action === 'review.verdicts.imported')).toBe(false);

    // Two reviewers over 20 records; kappa and alpha by hand. External ids name records too.
    const ext = new Map((ws.db.prepare('SELECT id, external_id FROM records').all() as { id: number; external_id: string }[]).map((r) => [r.id, r.external_id]));
    const A = ['pass', 'pass', 'fail', 'pass', 'unsure', 'fail', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass', 'unsure', 'pass', 'pass', 'fail', 'pass'];
    const B = ['pass', 'fail', 'fail', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'pass', 'unsure', 'fail', 'pass', 'pass', 'unsure', 'pass', 'fail', 'fail', 'pass'];
    const good = path.join(tmp(), 'good.jsonl');
    writeFileSync(good, q.records.flatMap((r, i) => [
      JSON.stringify({ record: ext.get(r), reviewer: 'ana', verdict: A[i] }), JSON.stringify({ record: r, reviewer: 'ben', verdict: B[i], labels: 'hallucination' }),
    ]).join('\n'));
    expect(await call('review.import', { queue: 'imp', path: good })).toEqual({ queue: 'imp', imported: 40 });
    const s = await call('review.stats', { queue: 'imp' });
    const po = A.filter((a, i) => a === B[i]).length / 20;
    const cats = ['pass', 'fail', 'unsure'];
    const pe = cats.reduce((t, c) => t + A.filter((x) => x === c).length * B.filter((x) => x === c).length, 0) / 400;
    expect(s.agreement.items).toBe(20);
    expect(s.agreement.kappa).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(s.agreement.alpha).not.toBeNull();
    expect(s.disagreements.length).toBe(A.filter((a, i) => a !== B[i]).length);
    // Final verdict: agreement, or a tie with a fail counts as fail.
    const deviations = A.filter((a, i) => a === 'fail' || B[i] === 'fail').length;
    expect(s.deviations).toBe(deviations);
    expect(s.progress).toEqual([{ reviewer: 'ana', reviewed: 20 }, { reviewer: 'ben', reviewed: 20 }]);
    expect(reviewQueueSummaries(ws.db).find((x) => x.design.queue === 'imp')?.results.deviations).toBe(deviations);
    ws.close();
  });

  it('states the audit conclusion from the exact upper limit for the queue\'s population', async () => {
    const { ws, call } = await workspace(120);
    const q = await call('review.sample', { name: 'c', confidence: 0.95, tolerable: 0.05, expected: 0, seed: 9 });
    const file = path.join(tmp(), 'v.jsonl');
    writeFileSync(file, q.records.map((r) => JSON.stringify({ record: r, reviewer: 'ana', verdict: 'pass' })).join('\n'));
    await call('review.import', { queue: 'c', path: file });
    const s = await call('review.stats', { queue: 'c' });
    expect(s.deviations).toBe(0);
    // The sample was sized for this finite population (hypergeometric), so its exact limit is what meets 5%;
    // Clopper-Pearson, which ignores that the population is finite, stays above it.
    expect(s.upper_limit_finite!).toBeLessThanOrEqual(0.05);
    expect(s.upper_limit!).toBeGreaterThan(s.upper_limit_finite!);
    expect(s.below_tolerable).toBe(true);
    expect(s.conclusion).toMatch(/^Deviation rate is below 5% with 95% confidence/);
    await call('review.verdict', { queue: 'c', record: q.records[0]!, reviewer: 'ana', verdict: 'fail' });
    const after = await call('review.stats', { queue: 'c' });
    expect(after.below_tolerable).toBe(false);
    expect(after.conclusion).toMatch(/not shown to be below 5%/);
    ws.close();
  });
});
