import { describe, it, expect } from 'vitest';
import { detectTask, modelQuality } from '../../../../shared/metrics/model-quality';

describe('modelQuality', () => {
  it('binary classification with scores, positive label found by name', () => {
    const r = modelQuality({ target: ['yes', 'no', 'yes', 'no'], prediction: ['yes', 'no', 'no', 'no'], score: [0.9, 0.2, 0.4, 0.3] });
    expect(r.task).toBe('classification');
    expect(r.classification!.accuracy).toBe(0.75);
    expect(r.scores).toMatchObject({ positive_label: 'yes', roc_auc: 1, rows: 4 });
    expect(r.notes).toEqual([]);
  });
  it('skips rows missing a target or prediction and says how many', () => {
    const r = modelQuality({ target: [1, 0, null, 1], prediction: [1, 1, 0, null] });
    expect(r.rows).toBe(2);
    expect(r.rows_skipped).toBe(2);
    expect(r.notes[0]).toMatch(/2 rows skipped/);
  });
  it('names the positive label it guessed, and ignores a score on a multi-class target', () => {
    const guessed = modelQuality({ target: ['cat', 'dog'], prediction: ['cat', 'cat'], score: [0.2, 0.7] });
    expect(guessed.scores!.positive_label).toBe('dog');
    expect(guessed.notes.join()).toMatch(/positive label taken as "dog"/);
    const multi = modelQuality({ target: ['a', 'b', 'c'], prediction: ['a', 'b', 'b'], score: [0.1, 0.5, 0.9] });
    expect(multi.scores).toBeNull();
    expect(multi.notes.join()).toMatch(/need a binary target/);
  });
  it('refuses probability metrics for scores outside [0, 1] but still ranks them', () => {
    const r = modelQuality({ target: [0, 1, 0, 1], prediction: [0, 1, 1, 1], score: [-2, 3, 1, 5] });
    expect(r.scores).toMatchObject({ roc_auc: 1, log_loss: null, brier: null, ece: null });
    expect(r.notes.join()).toMatch(/outside \[0, 1\]/);
  });
  it('detects regression and reports per segment', () => {
    const target = Array.from({ length: 40 }, (_, i) => i * 1.5);
    const prediction = target.map((v, i) => v + (i % 2 ? 1 : -1));
    expect(detectTask(target, prediction)).toBe('regression');
    const r = modelQuality({ target, prediction, segment: target.map((_, i) => (i < 10 ? 'eu' : 'us')) });
    expect(r.regression).toMatchObject({ mae: 1, rmse: 1 });
    expect(r.segments.map((s) => [s.segment, s.rows])).toEqual([['us', 30], ['eu', 10]]);
  });
});
