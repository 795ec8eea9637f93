import { describe, expect, it } from 'vitest';
import { applyEdits, inferRoles } from '../../../../main/importers/dataset/column-roles';
import { coerce, inferType } from '../../../../main/importers/dataset/column-types';

describe('dataset schema inference', () => {
  it('infers the narrowest type, treating common missing markers as missing', () => {
    expect(inferType(['1', '2', '', 'NA', '?'])).toBe('integer');
    expect(inferType(['1.5', '2', 'nan'])).toBe('number');
    expect(inferType(['yes', 'no', 'Yes'])).toBe('boolean');
    expect(inferType(['2024-01-03', '2024-01-04 10:00:00'])).toBe('datetime');
    expect(inferType(['north', 'south', 'north', 'east'])).toBe('categorical');
    expect(inferType(Array.from({ length: 30 }, (_, i) => `free text number ${i} that differs`))).toBe('text');
  });

  it('keeps a numeric column numeric when one cell in many is bad, so that row is quarantined instead', () => {
    const values = [...Array.from({ length: 60 }, (_, i) => String(i * 1000)), 'forty thousand'];
    expect(inferType(values)).toBe('integer');
    expect(coerce('forty thousand', 'integer')).toEqual({ ok: false, reason: 'expected an integer, got "forty thousand"' });
  });

  it('guesses prediction, score, target, timestamp, id and segment columns by name, once each', () => {
    const cols = inferRoles([
      { name: 'id', type: 'integer' }, { name: 'timestamp', type: 'datetime' }, { name: 'MedInc', type: 'number' },
      { name: 'y_pred_proba', type: 'number' }, { name: 'y_pred', type: 'integer' }, { name: 'clf_target', type: 'integer' },
      { name: 'work_home_actual', type: 'integer' }, { name: 'period', type: 'categorical' }, { name: 'PassengerId', type: 'integer' },
      { name: 'credit_score', type: 'number' },
    ]);
    expect(Object.fromEntries(cols.map((c) => [c.name, c.role]))).toEqual({
      id: 'id', timestamp: 'timestamp', MedInc: 'feature', y_pred_proba: 'score', y_pred: 'prediction', clf_target: 'target',
      work_home_actual: 'feature', period: 'segment', PassengerId: 'id', credit_score: 'feature',
    });
  });

  it('applies edits, moving a single-valued role, and names unknown columns', () => {
    const cols = inferRoles([{ name: 'label', type: 'integer' }, { name: 'Survived', type: 'integer' }]);
    expect(applyEdits(cols, [{ name: 'Survived', role: 'target' }])).toEqual([
      { name: 'label', type: 'integer', role: 'feature' }, { name: 'Survived', type: 'integer', role: 'target' },
    ]);
    expect(() => applyEdits(cols, [{ name: 'Nope', type: 'text' }])).toThrow('columns: no column named "Nope"; the file has label, Survived');
  });

  it('coerces cells to their column type', () => {
    expect(coerce(' 42 ', 'integer')).toEqual({ ok: true, value: 42 });
    expect(coerce('1e3', 'number')).toEqual({ ok: true, value: 1000 });
    expect(coerce('Yes', 'boolean')).toEqual({ ok: true, value: true });
    expect(coerce('2024-01-03', 'datetime')).toEqual({ ok: true, value: '2024-01-03T00:00:00.000Z' });
    expect(coerce('N/A', 'number')).toEqual({ ok: true, value: null });
    expect(coerce(true, 'categorical')).toEqual({ ok: true, value: 'true' });
  });
});
