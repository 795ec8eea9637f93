#!/usr/bin/env python3
"""Can the HNSW graph run on a cheaper, reduced-dimension copy of the built-in embedder's vectors, with exact
re-ranking at full dimension? Reads the embedded corpus bench/hnsw.ts caches (its temp folder prints the file) and,
for PCA fitted on 20k corpus vectors, prints the variance each reduced dimension keeps and the best recall@10 a
re-ranked candidate set of R could reach: the share of the exact top 10 (full dimension) found among the R best
by reduced-dimension score over the whole corpus (brute force, so no graph loss; a graph can only do worse).

    python3 bench/hnsw/reduced-dims.py /tmp/assay-hnsw-bench-cache/<key>.f32 --dim 768 --queries 500
"""
import argparse
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument('cache')
ap.add_argument('--dim', type=int, default=768)
ap.add_argument('--queries', type=int, default=500)
ap.add_argument('--dims', default='128,192,256,384')
ap.add_argument('--candidates', default='10,20,50,100,200')
a = ap.parse_args()

allv = np.fromfile(a.cache, dtype=np.float32).reshape(-1, a.dim)
X, Q = allv[:-a.queries], allv[-a.queries:]
truth = np.argsort(-(Q @ X.T), axis=1)[:, :10]
mu = X.mean(0)
sample = X[np.random.default_rng(0).choice(len(X), min(20000, len(X)), replace=False)] - mu
w, V = np.linalg.eigh(sample.T @ sample / len(sample))
w, V = w[::-1], V[:, ::-1]
kept = np.cumsum(w) / w.sum()
print(f'{len(X)} vectors x {a.dim} dims, {len(Q)} queries; |mean| {np.linalg.norm(mu):.3f}')
cands = [int(c) for c in a.candidates.split(',')]
print('dims  variance kept  ' + '  '.join(f'R={c:<4}' for c in cands))
for d in (int(x) for x in a.dims.split(',')):
    P = V[:, :d]
    # Corpus vectors centred (the mean adds the same amount to every score of a query), queries as they are.
    order = np.argsort(-((Q @ P) @ ((X - mu) @ P).T), axis=1)
    rec = [np.mean([len(set(truth[i]) & set(order[i, :c])) / 10 for i in range(len(Q))]) for c in cands]
    print(f'{d:4}  {kept[d - 1]:13.3f}  ' + '  '.join(f'{r:6.3f}' for r in rec))
