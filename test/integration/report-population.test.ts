// The signed report covers an imported population profile: `assay import --as profile` then `assay report`, checked
// as a reader would: the JSON section equals the profile's exact counts, the signature still verifies, the PDF shows
// the table, and a workspace without a profile gets no section at all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScoredProfileBuilder } from '../../shared/profile/scored-profile';
import { wilsonInterval } from '../../shared/stats/proportions';
import { runCliAsync as runCli } from '../helpers/cli';

vi.setConfig({ testTimeout: 120_000 });

const env = { ASSAY_KEY_PASSPHRASE: 'correct-horse-battery' };
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** 300 records over two models: pii on every 3rd, toxic on i % 10 == 1 where the model is m-a (29); 4 records have no model. */
function writeProfile(file: string): void {
  const b = new ScoredProfileBuilder({ by: ['model'], analyzers: [{ id: 'pii', version: '2.1.0', paramsHash: 'p1' }, { id: 'toxicity', version: '2.1.0', paramsHash: 'p2' }], thresholdsHash: 't' });
  for (let i = 0; i < 300; i++) {
    const model = i < 4 ? null : i % 2 ? 'm-a' : 'm-b';
    const toxic = model === 'm-a' && i % 10 === 1;
    b.add({ model, timestamp: '2026-11-01T00:00:00Z', cost: 0.001, scores: { pii: i % 3 === 0 ? 1 : 0 }, flags: { pii: i % 3 === 0, toxic } });
  }
  writeFileSync(file, JSON.stringify(b.build('part-0')));
}

const LOGS = [
  { id: 'a', model: 'm-a', input: 'How long is the return window?', output: 'Returns are accepted within 30 days.' },
  { id: 'b', model: 'm-b', input: 'Who handles my case?', output: 'Write to jane.doe@example.com.' },
].map((l) => JSON.stringify(l)).join('\n');

interface Stat { count: number; of: number; rate: number | null; ci95: [number, number] | null }
interface Pop {
  label: string; basis: string; profiles_imported: number;
  profile: { import_id: number; sha256: string; records: number; partitions: number; analyzers: { id: string; version: string }[] };
  flags: Record<string, Stat>; groups: { dimension: string; value: string | null; records: number; flags: Record<string, Stat> }[];
}

let root: string;
let ws: string;
let profileSha = '';
const out = (name: string) => path.join(root, name);
const read = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { population?: Pop; summary: { records: number } };

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'assay-report-pop-'));
  ws = out('ws');
  writeFileSync(out('logs.jsonl'), `${LOGS}\n`);
  writeProfile(out('profile.json'));
  expect((await runCli(['init', ws])).code).toBe(0);
  expect((await runCli(['import', ws, out('logs.jsonl')])).code).toBe(0);
  expect((await runCli(['keygen', '--out', out('key')], { env })).code).toBe(0);
  const before = await runCli(['report', ws, '--out', out('r0'), '--key', out('key'), '--json'], { env });
  expect(before.code, before.stderr).toBe(0);
  const imported = await runCli(['import', ws, out('profile.json'), '--as', 'profile', '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  profileSha = /"sha256"\s*:\s*"([0-9a-f]{64})"/.exec(imported.stdout)?.[1] ?? '';
  const after = await runCli(['report', ws, '--out', out('r1'), '--key', out('key'), '--json'], { env });
  expect(after.code, after.stderr).toBe(0);
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('report population section', () => {
  it('leaves the section out when no profile is imported', () => {
    expect(read(out('r0'))).not.toHaveProperty('population');
  });

  it('reports the imported profile with exact counts and Wilson intervals, apart from the workspace records', () => {
    const r = read(out('r1'));
    const p = r.population!;
    expect(r.summary.records).toBe(2);
    expect(p.label).toBe('population-wide, exact counts from 300 records');
    expect(p.basis).toMatch(/only imported population profile \(import 1\)/);
    expect(p.profile).toMatchObject({ import_id: 1, records: 300, partitions: 1, sha256: profileSha });
    expect(p.profile.analyzers.map((a) => `${a.id} ${a.version}`)).toEqual(['pii 2.1.0', 'toxicity 2.1.0']);
    expect(p.flags.pii).toMatchObject({ count: 100, of: 300 });
    expect(p.flags.pii!.rate).toBeCloseTo(1 / 3, 6);
    const ci = wilsonInterval(100, 300, 0.95);
    expect(p.flags.pii!.ci95![0]).toBeCloseTo(ci.low, 6);
    expect(p.flags.pii!.ci95![1]).toBeCloseTo(ci.high, 6);
    expect(p.flags.toxic).toMatchObject({ count: 29, of: 300 });
    expect(p.flags.hallucination).toMatchObject({ count: 0, of: 300, rate: 0 });
    const group = (value: string | null) => p.groups.find((g) => g.dimension === 'model' && g.value === value)!;
    expect(group('m-a')).toMatchObject({ records: 148, flags: { toxic: { count: 29, of: 148 } } });
    expect(group('m-b').flags.toxic).toMatchObject({ count: 0, of: 148 });
    expect(group(null).records).toBe(4);
    expect(p.groups.reduce((s, g) => s + g.records, 0)).toBe(300);
    expect(p.groups.reduce((s, g) => s + g.flags.pii!.count, 0)).toBe(100);
  });

  it('keeps the signatures valid and the numbers reproducible from the workspace, also after a later import', async () => {
    const pub = path.join(out('key'), 'assay-report.pub.pem');
    const json = await runCli(['verify', path.join(out('r1'), 'report.json'), '--pub', pub, '--against', ws]);
    expect(json.code, json.stdout + json.stderr).toBe(0);
    expect((await runCli(['verify', path.join(out('r1'), 'report.pdf'), '--pub', pub])).code).toBe(0);
    // The report without a profile still verifies against a workspace that has one since: it was not there then.
    const older = await runCli(['verify', path.join(out('r0'), 'report.json'), '--pub', pub, '--against', ws]);
    expect(older.code, older.stdout + older.stderr).toBe(0);
  });

  it.skipIf(!has('pdftotext'))('shows the population table in the PDF', () => {
    const text = spawnSync('pdftotext', ['-layout', path.join(out('r1'), 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Population profile/);
    expect(text).toMatch(/population-wide, exact counts from 300 records/);
    expect(text).toMatch(/all records\s+300\s+0\.00% \(0\)\s+9.67% \(29\)\s+0\.00% \(0\)\s+33\.33% \(100\)/);
    expect(text).toMatch(/model = m-a\s+148/);
  });
});
