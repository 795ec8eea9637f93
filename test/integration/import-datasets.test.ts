import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { iterateDatasetColumns, readDatasetColumn, readDatasetRows } from '../../main/storage/datasets-repo';
import { useTempDir } from '../helpers/tmp';
import { evaldata, expectBalanced, fixtures, importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-datasets-');
const credit = path.join(fixtures, 'credit-applications.csv');

describe('tabular datasets', () => {
  it('infers an editable schema, stores typed values by column and quarantines ragged rows and bad cells', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [credit]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ kind: 'dataset', format: 'csv', inputCount: 8, imported: 6, quarantined: 2, stored: 6 });
    expect(sum.quarantine.map((q) => [q.line, q.field, q.reason]).sort()).toEqual([
      [7, 'income', 'expected a number, got "forty thousand"'], [8, null, 'row has 7 fields, the header has 11'],
    ]);
    const schema = await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! });
    expect(schema.rowCount).toBe(6);
    expect(Object.fromEntries(schema.columns.map((c) => [c.name, `${c.type}/${c.role}`]))).toEqual({
      application_id: 'categorical/id', application_date: 'datetime/timestamp', age: 'integer/feature', income: 'number/feature',
      debt_ratio: 'number/feature', employment_type: 'categorical/feature', region: 'categorical/segment', notes: 'categorical/feature',
      model_score: 'number/score', approved_pred: 'integer/prediction', defaulted: 'integer/feature',
    });
    expect(readDatasetColumn(s.ws.db, sum.assetId!, 'income')).toEqual([52000, 87000.5, null, 61000, 73000, 58000]);
    expect(readDatasetColumn(s.ws.db, sum.assetId!, 'notes')).toEqual([null, 'repeat customer, "gold" tier', 'note spans\ntwo lines', null, null, null]);
    expect(readDatasetRows(s.ws.db, sum.assetId!, 1, 1)).toEqual([{
      application_id: 'A-1002', application_date: '2024-01-03T00:00:00.000Z', age: 51, income: 87000.5, debt_ratio: 0.12, employment_type: 'self_employed',
      region: 'south', notes: 'repeat customer, "gold" tier', model_score: 0.93, approved_pred: 1, defaulted: 0,
    }]);
  });

  it('applies schema edits from the spec, saves them with the asset and reuses them on repeat', async () => {
    const s = session(tmp);
    const spec = { columns: [{ name: 'defaulted', role: 'target' }, { name: 'notes', type: 'text' }, { name: 'region', role: 'feature' }] };
    const preview = await callApi(s.handlers, 'import.preview', { paths: [credit], spec: spec as never });
    expect(preview.columns?.find((c) => c.name === 'defaulted')).toMatchObject({ role: 'target', sample: ['0', '1'] });
    const sum = await importFiles(s, [credit], { spec });
    const cols = (await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! })).columns;
    expect(cols.filter((c) => ['defaulted', 'notes', 'region'].includes(c.name))).toEqual([
      { name: 'region', type: 'categorical', role: 'feature' }, { name: 'notes', type: 'text', role: 'feature' }, { name: 'defaulted', type: 'integer', role: 'target' },
    ]);
    const next = path.join(s.dir, 'credit-feb.csv');
    writeFileSync(next, 'application_id,application_date,age,income,debt_ratio,employment_type,region,notes,model_score,approved_pred,defaulted\nB-1,2024-02-01,30,50000,0.3,salaried,north,,0.8,1,0\n');
    const again = await importFiles(s, [next], { repeatOf: sum.assetId!, name: 'credit-applications' });
    expect(again.version).toBe(2);
    expect((await callApi(s.handlers, 'datasets.schema', { assetId: again.assetId! })).columns.find((c) => c.name === 'defaulted')!.role).toBe('target');
    await expect(importFiles(s, [credit], { spec: { columns: [{ name: 'nope', role: 'target' }] } })).rejects.toThrow(/columns: no column named "nope"; the file has application_id, /);
  });

  it('reads many rows in aligned column chunks and JSONL rows as a dataset', async () => {
    const s = session(tmp);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ ts: `2024-03-01T00:00:${String(i % 60).padStart(2, '0')}Z`, x: i / 10, segment: i % 2 ? 'a' : 'b', y_pred: i % 2, label: (i + 1) % 2 }));
    const sum = await importFiles(s, [writeLines(path.join(s.dir, 'rows.jsonl'), rows)]);
    expect(sum).toMatchObject({ kind: 'dataset', format: 'jsonl', imported: 10_000 });
    let seen = 0;
    let agree = 0;
    for (const chunk of iterateDatasetColumns(s.ws.db, sum.assetId!, ['y_pred', 'label'])) {
      expect(chunk.rowStart).toBe(seen);
      const [pred, label] = chunk.columns;
      seen += pred!.length;
      agree += pred!.filter((p, i) => p === label![i]).length;
    }
    expect([seen, agree]).toEqual([10_000, 0]);
    expect(readDatasetRows(s.ws.db, sum.assetId!, 4094, 4).map((r) => r.x)).toEqual([409.4, 409.5, 409.6, 409.7]);
  });

  it('reads a headerless CSV with "?" for missing values (UCI Adult, skipped where absent)', async (ctx) => {
    const file = path.join(evaldata, 'adult-uci', 'adult.data');
    if (!existsSync(file)) return ctx.skip('skipped: ../shared/evaldata/adult-uci is absent');
    const s = session(tmp);
    const sum = await importFiles(s, [file], { spec: { kind: 'dataset', format: 'csv', csv: { header: false } } });
    expectBalanced(sum);
    expect(sum.imported).toBeGreaterThan(32_000);
    const cols = (await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! })).columns;
    expect(cols.slice(0, 3).map((c) => `${c.name}:${c.type}`)).toEqual(['column_1:integer', 'column_2:categorical', 'column_3:integer']);
    expect(readDatasetColumn(s.ws.db, sum.assetId!, 'column_2').slice(0, 2)).toEqual(['State-gov', 'Self-emp-not-inc']);
    expect(readDatasetColumn(s.ws.db, sum.assetId!, 'column_2').filter((v) => v === null).length).toBeGreaterThan(1000);
  });

  it('finds the roles NannyML reference data uses (skipped where absent)', async (ctx) => {
    const file = path.join(evaldata, 'nannyml-datasets', 'data', 'california_housing_reference.csv');
    if (!existsSync(file)) return ctx.skip('skipped: ../shared/evaldata/nannyml-datasets is absent');
    const s = session(tmp);
    const sum = await importFiles(s, [file]);
    expect(sum.quarantined).toBe(0);
    const roles = Object.fromEntries((await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! })).columns.map((c) => [c.name, c.role]));
    expect(roles).toMatchObject({ id: 'id', timestamp: 'timestamp', clf_target: 'target', y_pred_proba: 'score', y_pred: 'prediction', MedInc: 'feature' });
  });
});
