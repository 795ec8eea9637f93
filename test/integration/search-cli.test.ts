import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { useTempDir } from '../helpers/tmp';
import { addKb, addRecords, fixtureRecords, newWorkspace } from './search-fixtures';

const tmp = useTempDir();

function workspace(records = 40): string {
  const ws = newWorkspace(tmp());
  addKb(ws);
  if (records) addRecords(ws, fixtureRecords(records));
  const dir = ws.dir;
  ws.close();
  return dir;
}

const QUESTIONS = [
  { question: 'How long is a password reset link valid?', gold_doc_ids: ['password-reset'] },
  { question: 'Which Wi-Fi band does the hub support?', gold_doc_ids: ['wifi-setup'] },
  { question: 'Are clearance items refunded?', gold_doc_ids: ['refund-policy'] },
  { question: 'How do I export my account data?', gold_doc_ids: ['data-export', 'not-in-kb'] },
];

describe('assay search', () => {
  it('builds the KB index on first use with progress on stderr, then prints ranked hits', () => {
    const ws = workspace(0);
    const first = runCli(['search', ws, 'swollen battery', '-k', '2']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/the KB index of asset \d+: embedding and indexing 13\/13/);
    expect(first.stdout).toMatch(/built now/);
    expect(first.stdout).toMatch(/ 1\. \d\.\d{3} {2}battery-care#1 \(Battery care\)\n {4}Replace a swollen battery/);
    const second = runCli(['search', ws, 'swollen battery', '--json']);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    const json = JSON.parse(second.stdout) as { built: boolean; hits: { docId: string }[]; index: { source: string } };
    expect(json).toMatchObject({ built: false, index: { source: 'kb' } });
    expect(json.hits).toHaveLength(5);
    expect(json.hits[0]!.docId).toBe('battery-care');
  });

  it('searches records with filters', () => {
    const ws = workspace(40);
    const r = runCli(['search', ws, 'hub wifi', '--index', 'records', '-k', '3', '--model', 'model-a', '--from', '2024-01-10', '--json']);
    expect(r.code).toBe(0);
    const hits = (JSON.parse(r.stdout) as { hits: { model: string; timestamp: string; text: string }[] }).hits;
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.model === 'model-a' && h.timestamp >= '2024-01-10' && /GHz/.test(h.text))).toBe(true);
  });

  it('exits 2 with a message on bad usage and on an index that fails its hash check; --rebuild recovers', () => {
    const ws = workspace(0);
    expect(runCli(['search', ws, 'x', '--index', 'vectors'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--index: expected kb or records/) });
    expect(runCli(['search', ws, 'x', '-k', '0'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/-k: expected an integer in 1\.\.100/) });
    expect(runCli(['search', ws, 'x', '--kb', '1', '--index', 'records'])).toMatchObject({ code: 2 });
    expect(runCli(['search', ws, 'x', '--no-build'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/has not been built/) });
    expect(runCli(['search', ws, 'refund']).code).toBe(0);
    const file = path.join(ws, 'indexes', JSON.parse(runCli(['search', ws, 'refund', '--json']).stdout).index.shards[0].file as string);
    const buf = readFileSync(file);
    buf[200] = buf[200]! ^ 1;
    writeFileSync(file, buf);
    const broken = runCli(['search', ws, 'refund']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^assay: the KB index of asset \d+ \(index \d+\): index file .* was changed after it was built .*--rebuild/);
    const fixed = runCli(['search', ws, 'refund', '--rebuild']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/refund-policy/);
  });
});

describe('assay eval-retrieval', () => {
  it('reports hit@k, MRR, nDCG and recall, with unknown gold ids on stderr', () => {
    const ws = workspace(0);
    const q = path.join(tmp(), 'q.jsonl');
    writeFileSync(q, `${QUESTIONS.map((x) => JSON.stringify(x)).join('\n')}\n`);
    const text = runCli(['eval-retrieval', ws, q, '-k', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/4 questions\nhit@3 +1\.0000\nMRR@3 +1\.0000\nnDCG@3 +0\.9\d{3}\nrecall@3 +0\.8750\n/);
    expect(text.stderr).toMatch(/warning: 1 gold document id\(s\) are not in KB asset \d+ \(e\.g\. not-in-kb\)/);
    const json = JSON.parse(runCli(['eval-retrieval', ws, q, '--json']).stdout) as { k: number; hitAtK: number; perQuestion: { rank: number | null; retrieved: string[] }[] };
    expect(json.k).toBe(5);
    expect(json.hitAtK).toBe(1);
    expect(json.perQuestion[0]).toMatchObject({ rank: 1, retrieved: expect.arrayContaining(['password-reset']) });
    expect(new Set(json.perQuestion[0]!.retrieved).size).toBe(json.perQuestion[0]!.retrieved.length);
  });

  it('fails the --min-hit gate with exit 1 and rejects bad files with exit 2', () => {
    const ws = workspace(0);
    const q = path.join(tmp(), 'q.jsonl');
    writeFileSync(q, `${JSON.stringify({ question: 'Moon orbit period', gold_doc_ids: ['warranty'] })}\n${JSON.stringify(QUESTIONS[0])}\n`);
    const gated = runCli(['eval-retrieval', ws, q, '-k', '1', '--min-hit', '0.9']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/hit@1 0\.5000 is below --min-hit 0\.9/);
    expect(runCli(['eval-retrieval', ws, q, '--min-hit', '2'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--min-hit: expected a rate between 0 and 1/) });
    expect(runCli(['eval-retrieval', ws, path.join(tmp(), 'missing.jsonl')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read questions/) });
  });
});
