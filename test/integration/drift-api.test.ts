import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, dispatch } from '../../main/api/dispatch';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, type Session } from './import-helpers';

const tmp = useTempDir('assay-drift-api-');

/** 400 rows: `amount` shifts by `shift`, `colour` loses "green" to "blue" when `shift` is set, `age` is stable. */
function creditCsv(file: string, shift: number): string {
  const lines = ['row_id,age,amount,colour,region,score,prediction,label'];
  for (let i = 0; i < 400; i++) {
    const colour = shift && i % 3 !== 0 ? 'blue' : ['red', 'green', 'blue'][i % 3];
    const label = i % 4 === 0 ? 1 : 0;
    const score = label ? 0.7 + (i % 7) / 30 : 0.1 + (i % 9) / 30;
    const prediction = i % 8 === 0 ? 1 - label : label;
    lines.push([`r${i}`, 20 + (i % 50), 100 + (i % 97) + shift, colour, i % 2 ? 'north' : 'south', score.toFixed(3), prediction, label].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function twoDatasets(s: Session): Promise<{ ref: number; cur: number }> {
  const ref = await importFiles(s, [creditCsv(path.join(s.dir, 'reference.csv'), 0)], { name: 'reference' });
  const cur = await importFiles(s, [creditCsv(path.join(s.dir, 'current.csv'), 60)], { name: 'current' });
  return { ref: ref.assetId!, cur: cur.assetId! };
}

describe('drift.datasets and metrics.dataset', () => {
  it('reports per-column drift with chartable distributions and the dataset verdict', async () => {
    const s = session(tmp);
    const { ref, cur } = await twoDatasets(s);
    const report = await callApi(s.handlers, 'drift.datasets', { referenceAssetId: ref, currentAssetId: cur });
    const by = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    // The id column is not compared; model outputs are.
    expect(Object.keys(by)).toEqual(['age', 'amount', 'colour', 'region', 'score', 'prediction', 'label']);
    expect(by.amount).toMatchObject({ type: 'numeric', drifted: true });
    expect(by.colour).toMatchObject({ type: 'categorical', drifted: true });
    expect(by.age!.drifted).toBe(false);
    expect(by.region!.drifted).toBe(false);
    expect(report.reference).toEqual({ assetId: ref, name: 'reference', rows: 400 });
    expect(report.share_drifted).toBeCloseTo(2 / 7);
    expect(report.dataset_drifted).toBe(false);

    const amount = by.amount!.distribution!;
    expect(amount.kind).toBe('numeric');
    if (amount.kind === 'numeric') {
      expect(amount.edges.length).toBe(amount.reference.length + 1);
      expect(amount.reference.length).toBeLessThanOrEqual(30);
      expect(amount.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(amount.current.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
    const colour = by.colour!.distribution!;
    expect(colour).toMatchObject({ kind: 'categorical' });
    if (colour.kind === 'categorical') {
      const share = (side: number[], name: string) => side[colour.categories.indexOf(name)]!;
      expect(share(colour.reference, 'blue')).toBeCloseTo(1 / 3, 2);
      expect(share(colour.current, 'blue')).toBeCloseTo(2 / 3, 2);
      expect(share(colour.current, 'green')).toBe(0);
    }
  });

  it('honours the column selection, per-column tests and a correction', async () => {
    const s = session(tmp);
    const { ref, cur } = await twoDatasets(s);
    const report = await callApi(s.handlers, 'drift.datasets', {
      referenceAssetId: ref, currentAssetId: cur, columns: ['amount', 'age'], tests: { amount: 'ks', '*': 'psi' }, correction: 'bonferroni',
    });
    expect(report.columns.map((c) => [c.name, c.test])).toEqual([['amount', 'ks'], ['age', 'psi']]);
    expect(report.columns[0]!.p_value_adjusted).toBeLessThan(0.05);
  });

  it('computes model quality from the columns with the target, prediction and score roles', async () => {
    const s = session(tmp);
    const { cur } = await twoDatasets(s);
    const q = await callApi(s.handlers, 'metrics.dataset', { assetId: cur, segment: 'region' });
    expect(q.columns).toEqual({ target: 'label', prediction: 'prediction', score: 'score', segment: 'region' });
    expect(q.task).toBe('classification');
    expect(q.classification!.labels).toEqual(['0', '1']);
    // Every 8th row is mispredicted.
    expect(q.classification!.accuracy).toBeCloseTo(1 - 50 / 400);
    expect(q.classification!.confusion_matrix.flat().reduce((a, b) => a + b, 0)).toBe(400);
    expect(q.scores!.roc_auc).toBe(1);
    expect(q.scores!.reliability.length).toBeGreaterThan(1);
    expect(q.segments.map((g) => g.segment).sort()).toEqual(['north', 'south']);
  });

  it('refuses bad requests with messages that name the problem', async () => {
    const s = session(tmp);
    const { ref, cur } = await twoDatasets(s);
    const logs = path.join(s.dir, 'logs.jsonl');
    writeFileSync(logs, `${JSON.stringify({ input: 'hi', output: 'hello', model: 'm' })}\n`);
    const logAsset = (await importFiles(s, [logs])).assetId!;
    const fail = async (method: 'drift.datasets' | 'metrics.dataset', input: unknown) => {
      const reply = await dispatch(s.handlers, method, input);
      expect(reply.ok).toBe(false);
      return reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`;
    };
    expect(await fail('drift.datasets', { referenceAssetId: ref, currentAssetId: 999 })).toMatch(/not_found: current asset 999 does not exist/);
    expect(await fail('drift.datasets', { referenceAssetId: logAsset, currentAssetId: cur })).toMatch(/bad_request: reference asset .* is a logs asset, not a dataset/);
    expect(await fail('drift.datasets', { referenceAssetId: ref, currentAssetId: cur, columns: ['nope'] })).toMatch(/no column "nope"/);
    expect(await fail('drift.datasets', { referenceAssetId: ref, currentAssetId: cur, tests: { amount: 'tt' } })).toMatch(/bad_request: drift.datasets: invalid request: tests.amount/);
    expect(await fail('metrics.dataset', { assetId: cur, segment: 'nope' })).toMatch(/no column "nope" to segment by/);

    const plain = path.join(s.dir, 'plain.csv');
    writeFileSync(plain, 'a,b\n1,x\n2,y\n');
    const plainId = (await importFiles(s, [plain])).assetId!;
    expect(await fail('metrics.dataset', { assetId: plainId })).toMatch(/no column with the target and prediction role/);
  });
});
