import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScoredProfileBuilder } from '../../../shared/profile/scored-profile';
import { getPopulationProfile, listPopulationProfiles } from '../../../main/storage/profiles-repo';
import { openWorkspace } from '../../../main/storage/workspace';
import { runCli } from '../../helpers/cli';

function profileJson(): string {
  const b = new ScoredProfileBuilder({ by: ['model'], analyzers: [{ id: 'pii', version: '2.0.0', paramsHash: 'p' }], thresholdsHash: 't' });
  for (let i = 0; i < 5; i++) b.add({ model: i < 3 ? 'm-a' : 'm-b', scores: { pii: i % 2 }, flags: { pii: i % 2 === 1 } });
  return JSON.stringify(b.build('file:/data/part-0.jsonl'));
}

describe('assay import --as profile', () => {
  it('stores population-wide figures once, with an audit entry, and refuses a file that is not a profile', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-import-profile-'));
    const ws = path.join(dir, 'ws');
    expect(runCli(['init', ws]).code).toBe(0);
    writeFileSync(path.join(dir, 'profile.json'), profileJson());
    const first = runCli(['import', ws, path.join(dir, 'profile.json'), '--as', 'profile']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/imported population profile 1: 5 records \(population-wide\) in 2 groups from 1 partition/);
    const again = runCli(['import', ws, path.join(dir, 'profile.json'), '--as', 'profile', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ profile_id: 1, created: false, records: 5 });

    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ kind: 'assay-scored-profile', version: 1 }));
    const bad = runCli(['import', ws, path.join(dir, 'bad.json'), '--as', 'profile']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: not an assay scored profile: by:/);

    const w = openWorkspace(ws);
    try {
      expect(listPopulationProfiles(w.db)).toMatchObject([{ id: 1, records: 5, partitions: 1, groups: 2 }]);
      expect(getPopulationProfile(w.db, 1)?.groups.map((g) => [g.key.model, g.records, g.flags.pii])).toEqual([['m-a', 3, 1], ['m-b', 2, 1]]);
      const audit = w.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'profile.import'").get() as { n: number };
      expect(audit.n).toBe(2);
    } finally {
      w.close();
    }
  });
});
