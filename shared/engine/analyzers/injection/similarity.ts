import { ATTACK_ENTRIES } from './attack-corpus';
import { FEATURE_DIM, HashedCounts, WORD_FEATURE_BASE, featurize, toUnitVector, type SparseVector, type UnitScratch } from './features';
import { buildView } from './text-view';

/**
 * Cosine similarity (TF-IDF over hashed words and word pairs) between sentence windows of a text
 * and the attack corpus. With a few hundred entries an exact search through an inverted index costs a few
 * microseconds per window, so no approximate index (HNSW) is needed; recall is exact by construction.
 */
export interface SimilarityMatch {
  score: number;
  /** Range of the best window in the folded text. */
  start: number;
  end: number;
  category: string;
  entry: string;
}

const N = ATTACK_ENTRIES.length;
const MAX_DF = 0.1;
const entryVectors: SparseVector[] = ATTACK_ENTRIES.map((e) => featurize(buildView(e.text).text));
const idf = new Float32Array(FEATURE_DIM).fill(Math.log(N + 1) + 1);
{
  const df = new Map<number, number>();
  for (const v of entryVectors) for (const i of v.idx) df.set(i, (df.get(i) ?? 0) + 1);
  // Like max_df in common TF-IDF tools: n-grams in more than 10% of entries ("the", " yo") say little
  // about attacks and would dominate the postings walked for every sentence, so they leave the space.
  for (const [i, d] of df) idf[i] = d > MAX_DF * N ? 0 : Math.log((N + 1) / (d + 1)) + 1;
  // Words and word pairs only: character grams cost three times the postings walk and added about one
  // point of AUROC on the dev data (the folded view already undoes most spelling disguises).
  for (let i = 0; i < WORD_FEATURE_BASE; i++) idf[i] = 0;
}

// Inverted index in CSR form (feature -> postings of entry and TF-IDF weight): typed arrays, no Map lookups.
const postStart = new Int32Array(FEATURE_DIM + 1);
const postEntry: Int32Array = new Int32Array(entryVectors.reduce((a, v) => a + v.idx.length, 0));
const postWeight = new Float32Array(postEntry.length);
{
  const weighted = entryVectors.map((v) => {
    const val = Array.from(v.val, (x, t) => x * idf[v.idx[t]!]!);
    const norm = Math.sqrt(val.reduce((a, x) => a + x * x, 0)) || 1;
    return { idx: v.idx, val: val.map((x) => x / norm) };
  });
  for (const v of weighted) for (const i of v.idx) if (idf[i]! > 0) postStart[i + 1]!++;
  for (let i = 0; i < FEATURE_DIM; i++) postStart[i + 1]! += postStart[i]!;
  const fill = postStart.slice(0, FEATURE_DIM);
  weighted.forEach((v, e) => v.idx.forEach((i, t) => {
    if (idf[i] === 0) return;
    const at = fill[i]!++;
    postEntry[at] = e;
    postWeight[at] = v.val[t]!;
  }));
}

const acc = new Float32Array(N);
const touchedEntries = new Int32Array(N);

/** Best cosine between one feature vector and the corpus; only entries sharing a feature are visited. */
function bestMatch(v: SparseVector | UnitScratch): { score: number; entry: number } {
  let nTouched = 0;
  let qnorm = 0;
  const n = 'length' in v ? v.length : v.idx.length;
  for (let t = 0; t < n; t++) {
    const i = v.idx[t]!;
    const q = v.val[t]! * idf[i]!;
    qnorm += q * q;
    for (let p = postStart[i]!, end = postStart[i + 1]!; p < end; p++) {
      const e = postEntry[p]!;
      if (acc[e] === 0) touchedEntries[nTouched++] = e;
      acc[e]! += q * postWeight[p]!;
    }
  }
  let best = 0, entry = 0;
  for (let k = 0; k < nTouched; k++) {
    const e = touchedEntries[k]!;
    if (acc[e]! > best) { best = acc[e]!; entry = e; }
    acc[e] = 0;
  }
  return { score: qnorm > 0 ? best / Math.sqrt(qnorm) : 0, entry };
}

const BOUNDARY = /[.!?;\n]+["')\]]*\s+|\n+/g;
const MAX_WINDOW = 400;

/** Sentence ranges of a folded text; long sentences are cut into MAX_WINDOW pieces. */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const push = (s: number, e: number): void => {
    for (let a = s; a < e; a += MAX_WINDOW) {
      const b = Math.min(e, a + MAX_WINDOW);
      let blank = true;
      for (let i = a; i < b && blank; i++) blank = text.charCodeAt(i) <= 0x20;
      if (!blank) out.push([a, b]);
    }
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
    push(start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

const windowCounts = new HashedCounts();

/**
 * The most attack-like sentence window of a folded text (very short sentences are joined with the next,
 * so "Stop. New task:" is one window). The windows partition the text; when `total` is given, every
 * window's counts are added to it, so the caller gets the whole-text features without a second pass.
 */
export function mostSimilarWindow(folded: string, total?: HashedCounts): SimilarityMatch {
  const sents = sentences(folded);
  let best: SimilarityMatch = { score: 0, start: 0, end: 0, category: '', entry: '' };
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i]![0];
    let e = sents[i]![1];
    while (e - s < 40 && i + 1 < sents.length && sents[i + 1]![1] - s <= MAX_WINDOW) e = sents[++i]![1];
    // Without a total to feed, only the word features the index uses are worth computing.
    windowCounts.addText(folded.slice(s, e), total ? 'all' : 'only');
    let r: { score: number; entry: number };
    if (total) {
      const raw = windowCounts.drain();
      total.addCounts(raw);
      r = bestMatch(toUnitVector(raw));
    } else {
      r = bestMatch(windowCounts.drainUnit());
    }
    if (r.score > best.score) {
      const entry = ATTACK_ENTRIES[r.entry]!;
      best = { score: r.score, start: s, end: e, category: entry.category, entry: entry.text };
    }
  }
  return best;
}
