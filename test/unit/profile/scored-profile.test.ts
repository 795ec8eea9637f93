import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimalToNano, nanoToDecimal, toNano } from '../../../shared/profile/fixed-point';
import { mergeProfiles, parseProfile, ScoredProfileBuilder, type ProfileSetup, type ScoredProfile } from '../../../shared/profile/scored-profile';
import { runCli } from '../../helpers/cli';

const setup: ProfileSetup = {
  by: ['model', 'prompt_version', 'day'],
  analyzers: [{ id: 'grounding', version: '1.4.0', paramsHash: 'p1' }, { id: 'pii', version: '2.0.0', paramsHash: 'p2' }],
  thresholdsHash: 't1',
};

/** Deterministic scored records with awkward floats (0.1 + 0.2 style sums), out-of-range scores and costs. */
function scoredRecords(n: number, seed: number): Record<string, unknown>[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => ({
    id: `r${seed}-${i}`,
    timestamp: `2026-11-${String(1 + (i % 3)).padStart(2, '0')}T23:59:59Z`,
    model: rnd() < 0.5 ? 'm-a' : 'm-b',
    prompt_version: rnd() < 0.5 ? 'v1' : 'v2',
    tokens_in: Math.floor(rnd() * 500),
    tokens_out: Math.floor(rnd() * 200),
    cost: Math.round(rnd() * 1e6) / 1e7,
    scores: { grounding: rnd(), pii: Math.floor(rnd() * 3), toxicity: i % 7 === 0 ? null : rnd() * 0.3 + 0.1 },
    flags: { hallucination: rnd() < 0.2, toxic: rnd() < 0.05, injection: false, pii: rnd() < 0.1 },
  }));
}

function profile(records: Record<string, unknown>[], partition: string, s: ProfileSetup = setup): ScoredProfile {
  const b = new ScoredProfileBuilder(s);
  for (const r of records) b.add(r);
  return b.build(partition);
}

const withoutPartitions = (p: ScoredProfile) => ({ ...p, partitions: [] });

describe('fixed-point sums', () => {
  it('round-trips nano-unit decimals and rounds each value once', () => {
    expect(nanoToDecimal(toNano(0.1) + toNano(0.2))).toBe('0.3');
    expect(nanoToDecimal(toNano(-1.25))).toBe('-1.25');
    expect(decimalToNano('12.000000001')).toBe(12_000_000_001n);
    expect(() => decimalToNano('1e-7')).toThrow(/decimal/);
  });
});

describe('scored profile merge laws', () => {
  const a = scoredRecords(300, 1);
  const b = scoredRecords(250, 2);
  const c = scoredRecords(120, 3);
  const pa = profile(a, 'A');
  const pb = profile(b, 'B');
  const pc = profile(c, 'C');

  it('merge(profile(A), profile(B)) equals profile(A + B): counts, flags, sums, min/max, histograms, tokens, cost', () => {
    const merged = mergeProfiles([pa, pb]);
    expect(withoutPartitions(merged)).toEqual(withoutPartitions(profile([...a, ...b], 'AB')));
    expect(merged.partitions).toEqual(['A', 'B']);
    expect(merged.records).toBe(550);
  });

  it('is commutative and associative down to the bytes of the JSON', () => {
    const abc = JSON.stringify(mergeProfiles([pa, pb, pc]));
    expect(JSON.stringify(mergeProfiles([pc, pa, pb]))).toBe(abc);
    expect(JSON.stringify(mergeProfiles([mergeProfiles([pa, pb]), pc]))).toBe(abc);
    expect(JSON.stringify(mergeProfiles([pa, mergeProfiles([pc, pb])]))).toBe(abc);
    // Records in any order give the same profile too (the sum of floats in another order would not).
    expect(withoutPartitions(profile([...c, ...a, ...b].reverse(), 'X'))).toEqual(withoutPartitions(mergeProfiles([pa, pb, pc])));
  });

  it('keeps sums within n * 5e-10 of the float sum, and counts the histogram into fixed bins', () => {
    const g = mergeProfiles([pa, pb, pc]).groups.find((x) => x.key.model === 'm-a' && x.key.prompt_version === 'v1' && x.key.day === '2026-11-01')!;
    const all = [...a, ...b, ...c].filter((r) => r.model === 'm-a' && r.prompt_version === 'v1' && String(r.timestamp).startsWith('2026-11-01'));
    const values = all.map((r) => (r.scores as { grounding: number }).grounding);
    const floatSum = values.reduce((x, y) => x + y, 0);
    expect(g.records).toBe(all.length);
    expect(g.scores.grounding!.count).toBe(values.length);
    expect(Math.abs(Number(g.scores.grounding!.sum) - floatSum)).toBeLessThanOrEqual(values.length * 5e-10 + 1e-9);
    expect(g.scores.grounding!.hist.reduce((x, y) => x + y, 0)).toBe(values.length);
    expect(g.scores.grounding!.hist[Math.floor(values[0]! * 20)]).toBeGreaterThan(0);
    // pii counts entities (0, 1, 2): 2 is above the [0, 1] bins and lands in "over".
    const piiOver = all.filter((r) => (r.scores as { pii: number }).pii > 1).length;
    expect(g.scores.pii!.over).toBe(piiOver);
    expect(g.scores.toxicity!.count).toBe(all.filter((r) => (r.scores as { toxicity: number | null }).toxicity !== null).length);
  });

  it('refuses profiles from different analyzer versions or params, naming both', () => {
    const other = profile(c, 'C2', { ...setup, analyzers: [{ id: 'grounding', version: '1.5.0', paramsHash: 'p1' }, setup.analyzers[1]!] });
    expect(() => mergeProfiles([pa, other], ['a.json', 'c.json'])).toThrow(/c\.json was made with different analyzers.*\n.*grounding@1\.4\.0[\s\S]*grounding@1\.5\.0/);
    const otherParams = profile(c, 'C3', { ...setup, thresholdsHash: 't2' });
    expect(() => mergeProfiles([pa, otherParams])).toThrow(/different analyzers, params, thresholds/);
  });

  it('refuses a partition counted twice', () => {
    expect(() => mergeProfiles([pa, pb, mergeProfiles([pa, pc])], ['a', 'b', 'ac'])).toThrow(/partition A is counted in both a and ac/);
  });

  it('validates profiles read from files, naming the field', () => {
    const bad = JSON.stringify({ ...pa, groups: [{ ...pa.groups[0], records: -1 }] });
    expect(() => parseProfile(bad, 'x.json')).toThrow(/x\.json: .*groups\.0\.records/);
    expect(parseProfile(JSON.stringify(pa), 'ok.json')).toEqual(pa);
  });
});

describe('assay profile (CLI)', () => {
  const a4 = scoredRecords(40, 11);
  const b4 = scoredRecords(30, 12);
  it('profiles scored JSONL, merges, and refuses mismatched or overlapping profiles with exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-profile-'));
    const lines = (rs: Record<string, unknown>[]) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const one = runCli(['profile', '--analyzers', 'grounding,pii'], { input: lines(a4) });
    const two = runCli(['profile', '--analyzers', 'grounding,pii', '--partition', 'p2'], { input: lines(b4) });
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    writeFileSync(path.join(dir, 'a.json'), one.stdout);
    writeFileSync(path.join(dir, 'b.json'), two.stdout);
    const merged = runCli(['profile', 'merge', path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
    expect(merged.code).toBe(0);
    const all = runCli(['profile', '--analyzers', 'grounding,pii'], { input: lines([...a4, ...b4]) });
    expect(withoutPartitions(parseProfile(merged.stdout, 'merged'))).toEqual(withoutPartitions(parseProfile(all.stdout, 'all')));
    expect(parseProfile(one.stdout, 'one').partitions[0]).toMatch(/^sha256:[0-9a-f]{64}$/);

    const other = runCli(['profile', '--analyzers', 'grounding'], { input: lines(b4) });
    writeFileSync(path.join(dir, 'c.json'), other.stdout);
    const refused = runCli(['profile', 'merge', path.join(dir, 'a.json'), path.join(dir, 'c.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/c\.json was made with different analyzers/);
    const twice = runCli(['profile', 'merge', path.join(dir, 'a.json'), path.join(dir, 'a.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/counted in both/);

    const bad = runCli(['profile'], { input: '{"id":"x","scores":{}}\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/stdin line 1: .*"flags"/);
  });
});
