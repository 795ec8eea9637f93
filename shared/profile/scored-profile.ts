import { z } from 'zod';
import { canonicalJson } from '../util/canonical-json';
import { decimalToNano, nanoToDecimal, toNano } from './fixed-point';

/**
 * A mergeable profile of `assay score` output: per group (model, prompt version, day by default) the record
 * count, flag counts, and per score a count, an exact sum, min, max and a fixed-bin histogram. Every field merges
 * exactly (counts add, sums are nano-unit BigInts, histogram bins add, min/max take the extreme), and groups and
 * partitions are kept in canonical order, so merge is associative and commutative down to the bytes of the JSON.
 */
export const PROFILE_KIND = 'assay-scored-profile';
export const PROFILE_VERSION = 1;
export const HIST_BINS = 20;
export const FLAG_NAMES = ['hallucination', 'toxic', 'injection', 'pii'] as const;
export const DEFAULT_BY = ['model', 'prompt_version', 'day'] as const;

const decimal = z.string().regex(/^-?\d+(\.\d{1,9})?$/, 'a decimal string with at most 9 fraction digits');
const count = z.number().int().nonnegative();

const scoreStatSchema = z.object({
  count,
  sum: decimal,
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** HIST_BINS equal bins over [0, 1] (1 falls in the last); values outside go to under/over. */
  hist: z.array(count).length(HIST_BINS),
  under: count,
  over: count,
});

const groupSchema = z.object({
  key: z.record(z.string(), z.string().nullable()),
  records: count,
  flags: z.object({ hallucination: count, toxic: count, injection: count, pii: count }),
  scores: z.record(z.string(), scoreStatSchema),
  tokens_in: count,
  tokens_out: count,
  cost: decimal,
});

export const analyzerStampSchema = z.object({ id: z.string(), version: z.string(), paramsHash: z.string() });

export const scoredProfileSchema = z.object({
  kind: z.literal(PROFILE_KIND),
  version: z.literal(PROFILE_VERSION),
  by: z.array(z.string()).min(1),
  analyzers: z.array(analyzerStampSchema),
  /** Hash of the flag thresholds in force when the records were scored. */
  thresholdsHash: z.string(),
  /** Ids of the input partitions counted in this profile; merge refuses a partition counted twice. */
  partitions: z.array(z.string()).min(1),
  records: count,
  /** Lines of the score output that were error lines (malformed input), not counted as records. */
  errors: count,
  groups: z.array(groupSchema),
});

export type ScoredProfile = z.infer<typeof scoredProfileSchema>;
export type ProfileGroup = z.infer<typeof groupSchema>;
export type AnalyzerStamp = z.infer<typeof analyzerStampSchema>;
type FlagName = (typeof FLAG_NAMES)[number];

/** What every profile of one population must share: the same analyzers, params, thresholds and grouping. */
export interface ProfileSetup {
  by: string[];
  analyzers: AnalyzerStamp[];
  thresholdsHash: string;
}

interface ScoreAcc {
  count: number;
  sum: bigint;
  min: number | null;
  max: number | null;
  hist: number[];
  under: number;
  over: number;
}

interface GroupAcc {
  key: Record<string, string | null>;
  records: number;
  flags: Record<FlagName, number>;
  scores: Map<string, ScoreAcc>;
  tokensIn: number;
  tokensOut: number;
  cost: bigint;
}

function emptyScore(): ScoreAcc {
  return { count: 0, sum: 0n, min: null, max: null, hist: new Array<number>(HIST_BINS).fill(0), under: 0, over: 0 };
}

function emptyGroup(key: Record<string, string | null>): GroupAcc {
  return { key, records: 0, flags: { hallucination: 0, toxic: 0, injection: 0, pii: 0 }, scores: new Map(), tokensIn: 0, tokensOut: 0, cost: 0n };
}

function addValue(acc: ScoreAcc, value: number): void {
  acc.count++;
  acc.sum += toNano(value);
  acc.min = acc.min === null ? value : Math.min(acc.min, value);
  acc.max = acc.max === null ? value : Math.max(acc.max, value);
  if (value < 0) acc.under++;
  else if (value > 1) acc.over++;
  else acc.hist[Math.min(HIST_BINS - 1, Math.floor(value * HIST_BINS))]!++;
}

function mergeScore(into: ScoreAcc, from: ScoreAcc): void {
  into.count += from.count;
  into.sum += from.sum;
  if (from.min !== null) into.min = into.min === null ? from.min : Math.min(into.min, from.min);
  if (from.max !== null) into.max = into.max === null ? from.max : Math.max(into.max, from.max);
  for (let i = 0; i < HIST_BINS; i++) into.hist[i]! += from.hist[i]!;
  into.under += from.under;
  into.over += from.over;
}

/** Accumulates groups by canonical key; shared by building from records and by merging profiles. */
class GroupTable {
  private readonly groups = new Map<string, GroupAcc>();

  get(key: Record<string, string | null>): GroupAcc {
    const id = canonicalJson(key);
    let group = this.groups.get(id);
    if (!group) this.groups.set(id, (group = emptyGroup(key)));
    return group;
  }

  addGroup(g: ProfileGroup): void {
    const acc = this.get(g.key);
    acc.records += g.records;
    for (const f of FLAG_NAMES) acc.flags[f] += g.flags[f];
    for (const [name, s] of Object.entries(g.scores)) {
      let score = acc.scores.get(name);
      if (!score) acc.scores.set(name, (score = emptyScore()));
      mergeScore(score, { ...s, sum: decimalToNano(s.sum), hist: s.hist });
    }
    acc.tokensIn += g.tokens_in;
    acc.tokensOut += g.tokens_out;
    acc.cost += decimalToNano(g.cost);
  }

  /** Groups in canonical key order, scores by name: the same JSON whatever order things were added in. */
  toJson(): ProfileGroup[] {
    return [...this.groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, g]) => ({
        key: g.key,
        records: g.records,
        flags: { ...g.flags },
        scores: Object.fromEntries(
          [...g.scores.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, s]) => [name, { count: s.count, sum: nanoToDecimal(s.sum), min: s.min, max: s.max, hist: [...s.hist], under: s.under, over: s.over }]),
        ),
        tokens_in: g.tokensIn,
        tokens_out: g.tokensOut,
        cost: nanoToDecimal(g.cost),
      }));
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A record field, looked up at the top level and then under metadata (where the importers keep extras). */
function field(record: Record<string, unknown>, name: string): unknown {
  if (record[name] !== undefined) return record[name];
  const meta = record.metadata;
  return isObject(meta) ? meta[name] : undefined;
}

/** The UTC day of a record's timestamp (ISO text or epoch milliseconds), or null when it has none. */
function dayOf(record: Record<string, unknown>): string | null {
  const ts = field(record, 'timestamp');
  if (typeof ts !== 'string' && typeof ts !== 'number') return null;
  const date = new Date(ts);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function keyOf(record: Record<string, unknown>, by: readonly string[]): Record<string, string | null> {
  const key: Record<string, string | null> = {};
  for (const name of by) {
    if (name === 'day') key.day = dayOf(record);
    else {
      const v = field(record, name);
      key[name] = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
    }
  }
  return key;
}

function wholeNumber(v: unknown, what: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${what}: expected a whole number of tokens, got ${JSON.stringify(v)}`);
  return v;
}

/** Builds one partition's profile from scored records, one at a time (the input is streamed). */
export class ScoredProfileBuilder {
  private readonly table = new GroupTable();
  private records = 0;
  private errors = 0;

  constructor(private readonly setup: ProfileSetup) {}

  /** Adds one line of `assay score` output; error lines ({"error": ...}) are counted apart. Throws on bad fields. */
  add(line: Record<string, unknown>): void {
    if (typeof line.error === 'string' && !isObject(line.scores)) {
      this.errors++;
      return;
    }
    const scores = line.scores;
    const flags = line.flags;
    if (!isObject(scores) || !isObject(flags)) throw new Error('expected a scored record with "scores" and "flags" objects (pipe `assay score` output in)');
    const group = this.table.get(keyOf(line, this.setup.by));
    group.records++;
    this.records++;
    for (const f of FLAG_NAMES) if (flags[f] === true) group.flags[f]++;
    for (const [name, value] of Object.entries(scores)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      let acc = group.scores.get(name);
      if (!acc) group.scores.set(name, (acc = emptyScore()));
      addValue(acc, value);
    }
    group.tokensIn += wholeNumber(field(line, 'tokens_in'), 'tokens_in');
    group.tokensOut += wholeNumber(field(line, 'tokens_out'), 'tokens_out');
    const cost = field(line, 'cost');
    if (cost !== undefined && cost !== null) {
      if (typeof cost !== 'number' || !Number.isFinite(cost)) throw new Error(`cost: expected a number, got ${JSON.stringify(cost)}`);
      group.cost += toNano(cost);
    }
  }

  build(partitionId: string): ScoredProfile {
    return {
      kind: PROFILE_KIND, version: PROFILE_VERSION, by: [...this.setup.by], analyzers: this.setup.analyzers, thresholdsHash: this.setup.thresholdsHash,
      partitions: [partitionId], records: this.records, errors: this.errors, groups: this.table.toJson(),
    };
  }
}

function describeSetup(p: ScoredProfile): string {
  return `${p.analyzers.map((a) => `${a.id}@${a.version} params ${a.paramsHash.slice(0, 12)}`).join(', ')}; thresholds ${p.thresholdsHash.slice(0, 12)}; by ${p.by.join(',')}`;
}

/**
 * Merges profiles of disjoint partitions. Refuses profiles made with different analyzer versions, params,
 * thresholds or grouping (their figures do not add up to one population), and a partition counted twice.
 * `names` label the inputs in error messages.
 */
export function mergeProfiles(profiles: readonly ScoredProfile[], names: readonly string[] = profiles.map((_, i) => `profile ${i + 1}`)): ScoredProfile {
  const first = profiles[0];
  if (!first) throw new Error('nothing to merge: give at least one profile');
  const setup = canonicalJson({ by: first.by, analyzers: first.analyzers, thresholdsHash: first.thresholdsHash });
  const seen = new Map<string, string>();
  const table = new GroupTable();
  let records = 0;
  let errors = 0;
  profiles.forEach((p, i) => {
    const name = names[i] ?? `profile ${i + 1}`;
    if (canonicalJson({ by: p.by, analyzers: p.analyzers, thresholdsHash: p.thresholdsHash }) !== setup) {
      throw new Error(`${name} was made with different analyzers, params, thresholds or grouping than ${names[0] ?? 'profile 1'}:\n  ${names[0] ?? 'profile 1'}: ${describeSetup(first)}\n  ${name}: ${describeSetup(p)}`);
    }
    for (const part of p.partitions) {
      const other = seen.get(part);
      if (other !== undefined) throw new Error(`partition ${part} is counted in both ${other} and ${name}; merging would count its records twice`);
      seen.set(part, name);
    }
    records += p.records;
    errors += p.errors;
    for (const g of p.groups) table.addGroup(g);
  });
  return {
    kind: PROFILE_KIND, version: PROFILE_VERSION, by: [...first.by], analyzers: first.analyzers, thresholdsHash: first.thresholdsHash,
    partitions: [...seen.keys()].sort(), records, errors, groups: table.toJson(),
  };
}

/** Parses and validates a profile, naming the source and the first bad field. */
export function parseProfile(text: string, source: string): ScoredProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not JSON (${(err as Error).message})`);
  }
  const r = scoredProfileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${source}: not an assay scored profile: ${issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid'}`);
  }
  return r.data;
}
