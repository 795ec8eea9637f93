// profiles.* through the API dispatcher (input parsed as every host parses it) on a workspace with imported profiles.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { importProfileFile } from '../../main/profile/import-profile';
import { ScoredProfileBuilder } from '../../shared/profile/scored-profile';
import { useTempDir } from '../helpers/tmp';
import { session } from './import-helpers';

const tmp = useTempDir('assay-profile-api-');

function writeProfile(file: string, records: number, partition: string): string {
  const b = new ScoredProfileBuilder({ by: ['model', 'day'], analyzers: [{ id: 'pii', version: '2.0.0', paramsHash: 'p' }], thresholdsHash: 't' });
  for (let i = 0; i < records; i++) {
    b.add({ model: i % 4 === 0 ? null : i % 2 ? 'm-a' : 'm-b', timestamp: `2026-11-0${1 + (i % 2)}T00:00:00Z`, cost: 0.001,
      scores: { pii: i % 3 === 0 ? 1 : 0 }, flags: { pii: i % 3 === 0 } });
  }
  writeFileSync(file, JSON.stringify(b.build(partition)));
  return file;
}

describe('profiles API', () => {
  it('lists imported profiles, summarizes the newest by default and compares two groups (null = records without the field)', async () => {
    const s = session(tmp);
    await expect(callApi(s.handlers, 'profiles.summary', {})).rejects.toThrow(/no population profile imported/);
    importProfileFile(s.ws, writeProfile(path.join(s.dir, 'p1.json'), 40, 'one'));
    const second = importProfileFile(s.ws, writeProfile(path.join(s.dir, 'p2.json'), 400, 'two'));
    const list = await callApi(s.handlers, 'profiles.list', {});
    expect(list.map((p) => [p.id, p.records, p.by.join(',')])).toEqual([[second.id, 400, 'model,day'], [1, 40, 'model,day']]);
    expect(list[0]!.sha256).toBe(second.sha256);
    const summary = await callApi(s.handlers, 'profiles.summary', {});
    expect(summary.profile.id).toBe(second.id);
    expect(summary.dimension).toBe('model');
    expect(summary.slices.map((x) => [x.value, x.records])).toEqual([['m-a', 200], ['m-b', 100], [null, 100]]);
    expect(summary.overall.cost).toBe('0.4');
    const byDay = await callApi(s.handlers, 'profiles.summary', { id: 1, dimension: 'day' });
    expect(byDay.slices.map((x) => x.value).sort()).toEqual(['2026-11-01', '2026-11-02']);
    await expect(callApi(s.handlers, 'profiles.summary', { dimension: 'prompt_version' })).rejects.toThrow(/grouped by model, day; it has no "prompt_version"/);
    const cmp = await callApi(s.handlers, 'profiles.compare', { dimension: 'model', a: 'm-b', b: null });
    expect(cmp.rows.find((r) => r.flag === 'pii')).toMatchObject({ a: { n: 100 }, b: { n: 100 }, test: 'two_proportion_z' });
    expect(cmp.rows.find((r) => r.flag === 'toxic')).toMatchObject({ test: 'fisher_exact', p_value: 1, significant: false });
    await expect(callApi(s.handlers, 'profiles.compare', { dimension: 'model', a: 'm-z', b: 'm-a' })).rejects.toThrow(/a: no records with model = "m-z"/);
    await expect(callApi(s.handlers, 'profiles.summary', { id: 99 })).rejects.toThrow('population profile 99 does not exist');
  });
});
