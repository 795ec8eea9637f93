// Gates on evidence kept beside the logs: drift share of a dataset version against its predecessor, the model's
// ROC AUC, and retrieval hit@5 from a stored `assay kb validate` run. Missing evidence fails with "no data".
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { listAudit } from '../../main/storage/audit-chain';
import type { GateResult } from '../../shared/contract/compare-schemas';
import { useTempDir } from '../helpers/tmp';
import { importFiles, session, type Session } from './import-helpers';

const tmp = useTempDir('assay-gate-evidence-');

/** 400 rows; `shift` moves `amount` and turns most "green" into "blue". `noisy` makes the score a poor ranker. */
function creditCsv(file: string, shift: number, noisy = false): string {
  const lines = ['row_id,age,amount,colour,region,score,prediction,label'];
  for (let i = 0; i < 400; i++) {
    const colour = shift && i % 3 !== 0 ? 'blue' : ['red', 'green', 'blue'][i % 3];
    const label = i % 4 === 0 ? 1 : 0;
    const score = noisy ? ((i * 37) % 100) / 100 : label ? 0.7 + (i % 7) / 30 : 0.1 + (i % 9) / 30;
    lines.push([`r${i}`, 20 + (i % 50), 100 + (i % 97) + shift, colour, i % 2 ? 'north' : 'south', score.toFixed(3), i % 8 === 0 ? 1 - label : label, label].join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function dataset(s: Session, name: string, shift: number, noisy = false): Promise<number> {
  return (await importFiles(s, [creditCsv(path.join(s.dir, `${name}-${shift}-${noisy}.csv`), shift, noisy)], { name })).assetId!;
}

async function gates(s: Session, policy: string): Promise<GateResult[]> {
  return (await callApi(s.handlers, 'gates.run', { policy, path: 'release.yml' })).results;
}

describe('evidence gates', () => {
  it('drift_share compares a dataset with its previous version; auc reads its model quality', async () => {
    const s = session(tmp);
    const v1 = await dataset(s, 'credit', 0);
    // A first version has nothing to drift from: no data, and the gate fails rather than passes.
    const [alone] = await gates(s, 'gates:\n  - {metric: drift_share, max: 0.3}\n');
    expect(alone).toMatchObject({ passed: false, value: null });
    expect(alone!.detail).toMatch(/^fails: no data: dataset credit v1 \(asset \d+\) has no earlier version/);
    const v2 = await dataset(s, 'credit', 60);
    const noisy = await dataset(s, 'noisy', 0, true);
    const results = await gates(s, [
      'gates:',
      `  - {metric: drift_share, max: 0.3, scope: {asset: ${v2}}}`,
      `  - {metric: drift_share, max: 0.2, name: strict drift, scope: {asset: ${v2}}}`,
      `  - {metric: auc, min: 0.8, scope: {asset: ${v2}}}`,
      `  - {metric: auc, min: 0.8, name: noisy auc, scope: {asset: ${noisy}}}`,
    ].join('\n'));
    // amount and colour drift, five other columns do not: 2/7.
    expect(results[0]).toMatchObject({ passed: true, value: 2 / 7 });
    expect(results[0]!.detail).toMatch(/2 of 7 columns drifted in dataset credit v2 .* against v1/);
    expect(results[1]).toMatchObject({ name: 'strict drift', passed: false, value: 2 / 7 });
    expect(results[2]).toMatchObject({ passed: true, value: 1 });
    expect(results[3]!.passed).toBe(false);
    expect(results[3]!.value!).toBeLessThan(0.8);
    // Without a scope the newest dataset is measured: "noisy" v1 has no predecessor.
    const [newest] = await gates(s, 'gates:\n  - {metric: drift_share, max: 0.3}\n');
    expect(newest!.detail).toMatch(/no data: dataset noisy v1/);
    expect(v1).toBeLessThan(v2);
    // A scope naming a logs asset, or one that does not exist, is explained.
    const [missing] = await gates(s, 'gates:\n  - {metric: auc, min: 0.8, scope: {asset: 99}}\n');
    expect(missing).toMatchObject({ passed: false, value: null, detail: 'fails: no data: asset 99 does not exist' });
  }, 120_000);

  it('retrieval_hit_at_5 reads the latest stored kb validate run of the KB; none stored is no data', async () => {
    const s = session(tmp);
    const docs = path.join(s.dir, 'kb');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'refunds.md'), '# Refunds\n\nRefunds are paid within 14 days.\n');
    const kb = (await importFiles(s, [docs], { name: 'support', spec: { kind: 'kb' } })).assetId!;
    const [none] = await gates(s, 'gates:\n  - {metric: retrieval_hit_at_5, min: 0.9}\n');
    expect(none!.detail).toMatch(/^fails: no data: no `assay kb validate` run stored for kb support v1 \(asset \d+\)/);
    const store = (k: number, ranks: (number | null)[]) => callApi(s.handlers, 'kb.storeValidation', {
      kbAssetId: kb, againstAssetId: null, k, questionsPath: null, questionsSha256: 'a'.repeat(64), ranks, regressed: false,
    });
    await store(3, [1, 2, null]);
    const [short] = await gates(s, 'gates:\n  - {metric: retrieval_hit_at_5, min: 0.9}\n');
    expect(short!.detail).toMatch(/kept ranks up to k=3; hit@5 needs -k 5 or more/);
    // Ranks 1, 3 and 5 are within the top 5, 7 and a miss are not.
    await store(10, [1, 3, 5, 7, null]);
    const [r] = await gates(s, `gates:\n  - {metric: retrieval_hit_at_5, min: 0.6, scope: {asset: ${kb}}}\n  - {metric: retrieval_hit_at_5, min: 0.9}\n`);
    expect(r).toMatchObject({ passed: true, value: 0.6 });
    expect(listAudit(s.ws.db, 0, 100).rows.filter((e) => e.action === 'kb.validated')).toHaveLength(2);
    await expect(callApi(s.handlers, 'kb.storeValidation', {
      kbAssetId: 999, againstAssetId: null, k: 5, questionsPath: null, questionsSha256: 'a'.repeat(64), ranks: [1], regressed: false,
    })).rejects.toThrow(/KB asset 999 does not exist/);
  }, 120_000);
});
