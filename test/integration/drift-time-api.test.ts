import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, dispatch } from '../../main/api/dispatch';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, type Session } from './import-helpers';

const tmp = useTempDir('assay-drift-time-api-');
const DAY = 86_400_000;

/**
 * `days` days of 60 rows each from `start`. `amount` is stable except on the days listed in `shiftDays`, where
 * it jumps by 50; the model is wrong on every 8th row of the day (8 of 60) except on `badDays`, where it is right on half of them.
 */
function timedCsv(file: string, start: string, days: number, shiftDays: number[] = [], badDays: number[] = []): string {
  const lines = ['timestamp,amount,colour,score,prediction,label'];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < 60; i++) {
      const t = new Date(Date.parse(`${start}T00:00:00Z`) + d * DAY + i * 60_000).toISOString();
      const label = i % 4 === 0 ? 1 : 0;
      const wrong = badDays.includes(d) ? i % 2 === 0 : i % 8 === 0;
      const score = (wrong ? 1 - label : label) ? 0.6 + (i % 7) / 20 : 0.1 + (i % 9) / 30;
      const amount = 100 + ((i * 37) % 60) + (shiftDays.includes(d) ? 50 : 0);
      lines.push([t, amount, ['red', 'green', 'blue'][i % 3], score.toFixed(3), wrong ? 1 - label : label, label].join(','));
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function datasets(s: Session, current: { shiftDays?: number[]; badDays?: number[] } = {}): Promise<{ ref: number; cur: number }> {
  const ref = await importFiles(s, [timedCsv(path.join(s.dir, 'reference.csv'), '2024-01-01', 28)], { name: 'reference' });
  const cur = await importFiles(s, [timedCsv(path.join(s.dir, 'current.csv'), '2024-03-04', 14, current.shiftDays, current.badDays)], { name: 'current' });
  return { ref: ref.assetId!, cur: cur.assetId! };
}

describe('drift.overTime', () => {
  it('charts each column per day against bands from reference days, alerting only on the shifted day', async () => {
    const s = session(tmp);
    const { ref, cur } = await datasets(s, { shiftDays: [9] });
    const r = await callApi(s.handlers, 'drift.overTime', { referenceAssetId: ref, currentAssetId: cur, period: 'day', columns: ['amount', 'colour'] });
    expect(r.time_column).toBe('timestamp');
    expect(r.reference_time_column).toBe('timestamp');
    expect(r.chunking).toBe('period');
    const amount = r.columns.find((c) => c.name === 'amount')!;
    expect(amount.statistic).toBe('wasserstein');
    expect(amount.band!.chunks).toBe(28);
    expect(amount.points).toHaveLength(14);
    expect(amount.points[0]).toMatchObject({ start: '2024-03-04', rows: 60 });
    expect(amount.points.flatMap((p, i) => (p.alert ? [i] : []))).toEqual([9]);
    expect(r.columns.find((c) => c.name === 'colour')!.statistic).toBe('jensenshannon');
  });

  it('reports model quality per week with reference bands; a bad week is an alert', async () => {
    const s = session(tmp);
    const { ref, cur } = await datasets(s, { badDays: [7, 8, 9, 10, 11, 12, 13] });
    const r = await callApi(s.handlers, 'drift.overTime', { referenceAssetId: ref, currentAssetId: cur });
    expect(r.period).toBe('week');
    expect(r.quality!.task).toBe('classification');
    expect(r.quality!.positive_label).toBe('1');
    const accuracy = r.quality!.metrics.find((m) => m.metric === 'accuracy')!;
    expect(r.quality!.metrics.map((m) => m.metric)).toEqual(['accuracy', 'f1', 'roc_auc']);
    expect(accuracy.band!.chunks).toBe(4);
    expect(accuracy.points.map((p) => p.value)).toEqual([52 / 60, 0.5]);
    expect(accuracy.points.map((p) => p.alert)).toEqual([false, true]);
    // The reference is the same every week, so its band is a single value and any change is outside it.
    expect(accuracy.band!.std).toBeCloseTo(0, 12);
  });

  it('refuses unknown assets, a dataset without a time column and an unknown time column with clear errors', async () => {
    const s = session(tmp);
    const { ref, cur } = await datasets(s);
    const plain = path.join(s.dir, 'plain.csv');
    writeFileSync(plain, 'a,b\n1,x\n2,y\n3,z\n');
    const plainId = (await importFiles(s, [plain], { name: 'plain' })).assetId!;
    const fail = async (input: unknown) => {
      const reply = await dispatch(s.handlers, 'drift.overTime', input);
      expect(reply.ok).toBe(false);
      return reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`;
    };
    expect(await fail({ referenceAssetId: ref, currentAssetId: 999 })).toMatch(/not_found: current asset 999 does not exist/);
    expect(await fail({ referenceAssetId: ref, currentAssetId: plainId })).toMatch(/bad_request: plain has no timestamp-role or date column/);
    expect(await fail({ referenceAssetId: ref, currentAssetId: cur, timeColumn: 'when' })).toMatch(/current has no column "when"/);
    expect(await fail({ referenceAssetId: ref, currentAssetId: cur, timeColumn: 'colour' })).toMatch(/column "colour" holds no dates or epoch times/);
    expect(await fail({ referenceAssetId: ref, currentAssetId: cur, period: 'month' })).toMatch(/bad_request: drift.overTime: invalid request: period/);
  });

  it('falls back to reference row chunks when the reference has no time column', async () => {
    const s = session(tmp);
    const { cur } = await datasets(s);
    const untimed = path.join(s.dir, 'untimed.csv');
    writeFileSync(untimed, `amount,colour\n${Array.from({ length: 600 }, (_, i) => `${100 + ((i * 37) % 60)},${['red', 'green', 'blue'][i % 3]}`).join('\n')}\n`);
    const ref = (await importFiles(s, [untimed], { name: 'untimed' })).assetId!;
    const r = await callApi(s.handlers, 'drift.overTime', { referenceAssetId: ref, currentAssetId: cur, period: 'day', columns: ['amount'] });
    expect(r.chunking).toBe('rows');
    expect(r.reference_time_column).toBeNull();
    expect(r.columns[0]!.band!.chunks).toBe(10);
    expect(r.notes.join(' ')).toMatch(/no target and prediction roles/);
    expect(r.quality!.metrics[0]!.band).toBeNull();
  });
});
