// The population a review queue samples from: record ids (ascending) matching a filter, their fingerprint, and
// the stratum of each record for stratified draws. It is the LEFT JOIN of records and record_scores on the record
// id, but read as bulk scans merged here: probing record_scores once per record, and handing a million rows to
// JavaScript one by one, took seconds at 1M records. Each side comes back as group_concat blobs of ids in id order
// (records from a narrow index; scores per flag combination from their covering index, or from the table when the
// filter sets score ranges) and one linear pass joins them. Risk scores are not read for the whole population: a
// weighted draw asks `riskOf` for the few thousand records that can still win (see shared/review/draw-sample.ts).
import { createHash } from 'node:crypto';
import type { PopulationFilter, ScoreName, StrataColumn } from '../../shared/contract/review-schemas';
import type { Db } from './db';
import { idsSha256, isAscending, mergeAscending, parseDigitBlob, parseIdBlob } from './id-lists';

type FlagFilter = Exclude<NonNullable<PopulationFilter['flag']>, 'unscored'>;

const FLAG_SQL: Record<FlagFilter, string> = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0',
};

/** The four flag values of a scores row, in index order (record_scores_flags). */
type FlagValues = [hallucination: number, toxic: number, injection: number, pii: number];

/** FLAG_SQL evaluated on one flag combination (same comparisons, so the same rows match). */
const FLAG_TEST: Record<FlagFilter, (f: FlagValues) => boolean> = {
  hallucination: (f) => f[0] === 1, toxic: (f) => f[1] === 1, injection: (f) => f[2] === 1, pii: (f) => f[3] === 1,
  any: (f) => f[0] + f[1] + f[2] + f[3] > 0,
};

const SCORE_SQL: Record<ScoreName, string> = {
  grounding: 's.grounding', answer_relevance: 's.answer_relevance', context_relevance: 's.context_relevance', toxicity: 's.toxicity',
  input_toxicity: 's.input_toxicity', injection: 's.injection', context_injection: 's.context_injection', pii: 's.pii',
};

/** Records columns a queue can be stratified by; unset values form their own stratum. */
const RECORD_STRATUM_COLUMN: Record<Exclude<StrataColumn, 'flag'>, string> = { model: 'r.model', promptVersion: 'r.prompt_version' };
const UNSET_STRATUM = '(none)';

// A record raising several flags belongs to the first in this order; one stratum per record. The code indexes
// FLAG_STRATA; records without scores are 'unscored'.
const FLAG_CODE_SQL = `CASE WHEN s.flag_hallucination = 1 THEN 1 WHEN s.flag_toxic = 1 THEN 2 WHEN s.flag_injection = 1 THEN 3
  WHEN s.flag_pii = 1 THEN 4 ELSE 0 END`;
const flagCode = (f: FlagValues): number => (f[0] === 1 ? 1 : f[1] === 1 ? 2 : f[2] === 1 ? 3 : f[3] === 1 ? 4 : 0);
const FLAG_STRATA = ['none', 'hallucination', 'toxic', 'injection', 'pii', 'unscored'];
const UNSCORED = 5;
const EXCLUDED = -1;

/** Risk of a record from its analyzer scores: the worst of ungroundedness, toxicity, injection and any PII; 0 unscored. */
const RISK_SQL = `max(coalesce(1 - s.grounding, 0), coalesce(s.toxicity, 0), coalesce(s.injection, 0), coalesce(s.context_injection, 0),
  CASE WHEN s.pii > 0 THEN 1 ELSE 0 END)`;

/** Stratum of each record: codes[i] indexes names for the i-th id. */
export interface Strata {
  names: string[];
  codes: Uint32Array;
}

export interface Population {
  /** Matching record ids, ascending. */
  ids: Float64Array;
  /** sha256 of the ids in decimal, one per line (see idsSha256): what a redraw is checked against. */
  sha256: string;
  /** Per record, when a stratification column was asked for. */
  strata: Strata | null;
}

interface Where { sql: string; args: (string | number)[] }

function recordWhere(f: PopulationFilter): Where {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.assetId !== undefined) { where.push('r.asset_id = ?'); args.push(f.assetId); }
  if (f.model !== undefined) { where.push('r.model = ?'); args.push(f.model); }
  if (f.promptVersion !== undefined) { where.push('r.prompt_version = ?'); args.push(f.promptVersion); }
  if (f.from !== undefined) { where.push('r.timestamp >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('r.timestamp <= ?'); args.push(f.to); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/** Conditions on a record's score values; null when the filter sets no score range. */
function rangeWhere(f: PopulationFilter): Where | null {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.flag !== undefined && f.flag !== 'unscored') where.push(FLAG_SQL[f.flag]);
  for (const s of f.scores ?? []) {
    if (s.min !== undefined) { where.push(`${SCORE_SQL[s.score]} >= ?`); args.push(s.min); }
    if (s.max !== undefined) { where.push(`${SCORE_SQL[s.score]} <= ?`); args.push(s.max); }
  }
  if (args.length === 0) return null;
  return { sql: `WHERE ${where.join(' AND ')}`, args };
}

interface RecordSide {
  ids: Float64Array;
  /** Stratum per id (indexing `names`) when stratifying by a records column. */
  codes: Uint32Array | null;
  names: string[];
  /** The ids as group_concat gave them, one per line, when that is the fingerprint's exact text. */
  text: Buffer | null;
}

/** Matching record ids, ascending, with their stratum when stratifying by a records column. */
function recordSide(db: Db, f: PopulationFilter, strata: StrataColumn | undefined): RecordSide {
  const w = recordWhere(f);
  if (strata === undefined || strata === 'flag') {
    if (w.args.length === 0) {
      const gapless = gaplessIds(db);
      if (gapless) return { ids: gapless, codes: null, names: [], text: null };
    }
    // ORDER BY id in the subquery walks the narrow records_id index (or an (x, id) one for the filter). The
    // separator is a literal: char(10) would be called once per row.
    const text = db.prepare(`SELECT CAST(group_concat(id, '\n') AS BLOB) FROM (SELECT r.id FROM records r ${w.sql} ORDER BY r.id)`)
      .pluck().get(...w.args) as Buffer | null;
    const ids = parseIdBlob(text, 10);
    return isAscending(ids) ? { ids, codes: null, names: [], text } : { ids: ids.sort(), codes: null, names: [], text: null };
  }
  // One row per value: GROUP BY on the bare column walks its index (whose entries end with the id), where
  // coalesce() would sort a million rows in a temporary b-tree. NULL and a literal '(none)' are one stratum.
  const col = RECORD_STRATUM_COLUMN[strata];
  const groups = db.prepare(`SELECT ${col}, CAST(group_concat(r.id) AS BLOB) FROM records r ${w.sql} GROUP BY ${col}`)
    .raw().all(...w.args) as [string | null, Buffer][];
  const names: string[] = [];
  const nameOf: number[] = [];
  for (const [value] of groups) {
    const name = value ?? UNSET_STRATUM;
    if (!names.includes(name)) names.push(name);
    nameOf.push(names.indexOf(name));
  }
  const { ids, from } = mergeAscending(groups.map(([, blob]) => {
    const list = parseIdBlob(blob);
    return isAscending(list) ? list : list.sort();
  }));
  for (let i = 0; i < from.length; i++) from[i] = nameOf[from[i]!]!;
  return { ids, codes: from, names, text: null };
}

/**
 * All record ids when they have no gaps (nothing deleted: the usual workspace): count(*) equal to max - min + 1
 * means every integer in between is an id, so the list is known without reading a million ids (count(*) walks
 * the b-tree's pages without decoding rows; min and max are one seek each).
 */
function gaplessIds(db: Db): Float64Array | null {
  const count = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  if (count === 0) return null;
  const min = db.prepare('SELECT min(id) FROM records').pluck().get() as number;
  const max = db.prepare('SELECT max(id) FROM records').pluck().get() as number;
  if (max - min + 1 !== count) return null;
  const ids = new Float64Array(count);
  for (let i = 0; i < count; i++) ids[i] = min + i;
  return ids;
}

/** Scored record ids that pass the score conditions, ascending, with their flag stratum code (0s unless asked for). */
interface ScoreSide { ids: Float64Array; codes: Uint8Array }

/** Score ranges need the table: one full scan in id order with the conditions. */
function scannedScores(db: Db, w: Where, wantCodes: boolean): ScoreSide {
  const [idBlob, codeBlob] = db.prepare(`SELECT CAST(group_concat(s.record_id) AS BLOB),
    ${wantCodes ? `CAST(group_concat(${FLAG_CODE_SQL}, '') AS BLOB)` : 'NULL'} FROM record_scores s NOT INDEXED ${w.sql}`)
    .raw().get(...w.args) as [Buffer | null, Buffer | null];
  const ids = parseIdBlob(idBlob);
  const codes = wantCodes ? parseDigitBlob(codeBlob) : new Uint8Array(ids.length);
  if (isAscending(ids) || ids.length === 0) return { ids, codes };
  // A scan NOT INDEXED follows the rowid; this is a guard, not a path taken.
  const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]!);
  return { ids: Float64Array.from(order, (i) => ids[i]!), codes: Uint8Array.from(order, (i) => codes[i]!) };
}

const FLAG_COLUMNS = ['flag_hallucination', 'flag_toxic', 'flag_injection', 'flag_pii'];

/**
 * The flag combinations present, in index order, found by seeks in record_scores_flags (a loose index scan): the
 * next combination is the first entry with the same leading values and a larger value in one column, tried from
 * the last column back. Flags are 0 or 1 in practice, so this is a handful of seeks.
 */
function flagCombinations(db: Db): FlagValues[] {
  const cols = FLAG_COLUMNS.join(', ');
  const from = `FROM record_scores INDEXED BY record_scores_flags`;
  const first = db.prepare(`SELECT ${cols} ${from} ORDER BY ${cols} LIMIT 1`).raw();
  const after = FLAG_COLUMNS.map((col, level) => db.prepare(`SELECT ${cols} ${from}
    WHERE ${[...FLAG_COLUMNS.slice(0, level).map((c) => `${c} = ?`), `${col} > ?`].join(' AND ')} ORDER BY ${cols} LIMIT 1`).raw());
  const next = (c: FlagValues): FlagValues | undefined => {
    for (let level = 3; level >= 0; level--) {
      const row = after[level]!.get(...c.slice(0, level + 1)) as FlagValues | undefined;
      if (row) return row;
    }
    return undefined;
  };
  const combos: FlagValues[] = [];
  for (let c = first.get() as FlagValues | undefined; c; c = next(c)) combos.push(c);
  return combos;
}

/**
 * Flags alone are answered from the covering index record_scores_flags, one range per flag combination present:
 * each range lists its record ids in id order, and the lists merge. A GROUP BY over the index, or the table scan,
 * costs about twice as much at 1M records.
 */
function flaggedScores(db: Db, flag: FlagFilter | undefined, wantCodes: boolean): ScoreSide {
  const ids = db.prepare(`SELECT CAST(group_concat(record_id) AS BLOB) FROM record_scores INDEXED BY record_scores_flags
    WHERE ${FLAG_COLUMNS.map((c) => `${c} = ?`).join(' AND ')}`).pluck();
  const combos = flagCombinations(db);
  const chosen = flag === undefined ? combos : combos.filter(FLAG_TEST[flag]);
  const merged = mergeAscending(chosen.map((c) => {
    const list = parseIdBlob(ids.get(...c) as Buffer | null);
    return isAscending(list) ? list : list.sort();
  }));
  const codes = new Uint8Array(merged.from.length);
  if (!wantCodes) return { ids: merged.ids, codes };
  const codeOf = Uint8Array.from(chosen, flagCode);
  for (let i = 0; i < codes.length; i++) codes[i] = codeOf[merged.from[i]!]!;
  return { ids: merged.ids, codes };
}

export function loadPopulation(db: Db, filter: PopulationFilter, strata?: StrataColumn): Population {
  // One read transaction: both sides see the same records.
  return db.transaction(() => readPopulation(db, filter, strata))();
}

function readPopulation(db: Db, filter: PopulationFilter, strata: StrataColumn | undefined): Population {
  const base = recordSide(db, filter, strata);
  const flagStrata = strata === 'flag';
  const ranges = rangeWhere(filter);
  const baseStrata = (): Strata | null => (base.codes ? { names: base.names, codes: base.codes } : null);
  if (filter.flag === undefined && !ranges && !flagStrata) {
    return { ids: base.ids, sha256: base.text ? sha256Of(base.text) : idsSha256(base.ids), strata: baseStrata() };
  }
  // Unscored records have no scores row: every condition on scores is false for them, as in SQL.
  if (filter.flag === 'unscored' && ranges) return { ids: new Float64Array(0), sha256: idsSha256([]), strata: strata ? { names: [], codes: new Uint32Array(0) } : null };
  const mode = filter.flag === 'unscored' ? 'unscored' : filter.flag !== undefined || ranges ? 'scored' : 'all';
  const scored = ranges ? scannedScores(db, ranges, flagStrata)
    : flaggedScores(db, mode === 'scored' ? (filter.flag as FlagFilter) : undefined, flagStrata);
  const ids = new Float64Array(base.ids.length);
  const codes = strata ? new Uint32Array(base.ids.length) : null;
  const keepScored = mode !== 'unscored';
  const unscoredCode = mode === 'scored' ? EXCLUDED : UNSCORED;
  const scoredIds = scored.ids;
  const scoredCodes = scored.codes;
  let n = 0;
  let j = 0;
  for (let i = 0; i < base.ids.length; i++) {
    const id = base.ids[i]!;
    while (j < scoredIds.length && scoredIds[j]! < id) j++;
    const code = j < scoredIds.length && scoredIds[j] === id ? (keepScored ? scoredCodes[j]! : EXCLUDED) : unscoredCode;
    if (code === EXCLUDED) continue;
    if (codes) codes[n] = flagStrata ? code : base.codes![i]!;
    ids[n++] = id;
  }
  const kept = ids.subarray(0, n);
  return {
    ids: kept,
    sha256: n === base.ids.length && base.text ? sha256Of(base.text) : idsSha256(kept),
    strata: codes && { names: flagStrata ? FLAG_STRATA : base.names, codes: codes.subarray(0, n) },
  };
}

/** group_concat(id, '\n') over ascending ids is the fingerprint's text itself: hashing it skips re-printing a million ids. */
function sha256Of(text: Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Risk score per record id (0 for records without scores), read by primary key for the ids asked. */
export function riskOf(db: Db, ids: ArrayLike<number>): Float64Array {
  if (ids.length === 0) return new Float64Array(0);
  const rows = db.prepare(`SELECT s.record_id, ${RISK_SQL} FROM record_scores s WHERE s.record_id IN (SELECT value FROM json_each(?))`)
    .raw().all(JSON.stringify(Array.from(ids))) as [number, number][];
  const risk = new Map(rows);
  return Float64Array.from(ids, (id) => risk.get(id) ?? 0);
}
