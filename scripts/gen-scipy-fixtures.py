#!/usr/bin/env python3
"""Regenerates test/fixtures/scipy/*.json: expected values from SciPy/numpy for shared/stats and shared/metrics.

Run from the repo root:  python3 scripts/gen-scipy-fixtures.py
Needs numpy and scipy (checked with numpy 2.4, scipy 1.17). The unit tests read the JSON, so they run without Python.

Large samples are not stored: a case names a generator {seed, n, shift, scale, decimals} that test/unit/shared/stats/
sample-gen.ts reproduces bit for bit (mulberry32 uniforms, Irwin-Hall sums, floor rounding; no transcendental
functions, so both languages produce identical doubles).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial.distance import jensenshannon

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'scipy')


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        t &= 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def gen(spec):
    """Irwin-Hall(4) - 2 (mean 0, sd ~0.577), times scale, plus shift, floored to `decimals` if given."""
    rng = mulberry32(spec['seed'])
    out = np.empty(spec['n'])
    scale, shift, dec = spec.get('scale', 1.0), spec.get('shift', 0.0), spec.get('decimals')
    for i in range(spec['n']):
        x = (rng() + rng() + rng() + rng() - 2) * scale + shift
        if dec is not None:
            x = math.floor(x * 10 ** dec) / 10 ** dec
        out[i] = x
    return out


def sample(value):
    return gen(value) if isinstance(value, dict) else np.asarray(value, dtype=float)


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    meta = {'generator': 'scripts/gen-scipy-fixtures.py', 'numpy': np.__version__, 'scipy': scipy.__version__}
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump({'meta': meta, 'cases': payload}, f, indent=1)
        f.write('\n')


def g(seed, n, shift=0.0, scale=1.0, decimals=None):
    spec = {'seed': seed, 'n': n, 'shift': shift, 'scale': scale}
    if decimals is not None:
        spec['decimals'] = decimals
    return spec


def ks_cases():
    pairs = [
        ('tiny equal', [1.0, 2.0, 3.0], [1.5, 2.5, 3.5]),
        ('one each', [1.0], [2.0]),
        ('identical', [1.0, 2.0, 2.0, 3.0], [1.0, 2.0, 2.0, 3.0]),
        ('all tied across', [5.0] * 6, [5.0] * 4),
        ('disjoint', [1.0, 2.0, 3.0, 4.0, 5.0], [10.0, 11.0, 12.0]),
        ('ties small', [1, 1, 2, 2, 3, 3, 3, 4], [2, 2, 3, 4, 4, 5]),
        ('unequal 5 vs 7', g(1, 5), g(2, 7, 0.3)),
        ('equal 10', g(3, 10), g(4, 10, 0.5)),
        ('equal 100 shifted', g(5, 100), g(6, 100, 0.25)),
        ('unequal 200 vs 333', g(7, 200), g(8, 333, 0.05)),
        ('ties 1 decimal 300 vs 450', g(9, 300, decimals=1), g(10, 450, 0.1, decimals=1)),
        ('exact tiny p', g(11, 60), g(12, 50, 2.0)),
        ('equal 2000', g(13, 2000), g(14, 2000, 0.04)),
        ('unequal 1000 vs 1500', g(15, 1000), g(16, 1500, 0.06)),
        ('exact boundary 10000 vs 9999', g(17, 10000), g(18, 9999, 0.02)),
        ('asymp 10001 vs 50', g(19, 10001), g(20, 50, 0.2)),
        ('asymp small en 20000 vs 120', g(21, 20000), g(22, 120, 0.1)),
        ('asymp equal 20000', g(23, 20000), g(24, 20000, 0.005)),
        ('asymp 20000 vs 30000', g(25, 20000), g(26, 30000, 0.02)),
        ('asymp tiny p 12000 vs 15000', g(27, 12000), g(28, 15000, 0.15)),
        ('asymp ties 50000 vs 40000', g(29, 50000, decimals=2), g(30, 40000, 0.003, decimals=2)),
        ('asymp large 300000 vs 250000', g(31, 300000), g(32, 250000, 0.002)),
        ('asymp pelz-good 400000 vs 300000', g(33, 400000), g(34, 300000, 0.0015)),
    ]
    out = []
    for name, a, b in pairs:
        r = stats.ks_2samp(sample(a), sample(b), method='auto')
        out.append({'name': name, 'a': a, 'b': b, 'statistic': float(r.statistic), 'pvalue': float(r.pvalue)})
    return out


def special_cases():
    xs = [1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 14.999, 15.0, 55.5, 171.3, 1e4, 1e7]
    lg = [{'x': x, 'value': float(special.gammaln(x))} for x in xs]
    inc = []
    for a in [0.5, 1.0, 2.5, 10.0, 50.0, 500.0, 5000.0]:
        for x in [1e-3, 0.5, a * 0.5, a * 0.9, a, a * 1.1, a * 2 + 10, a * 5 + 50]:
            inc.append({'a': a, 'x': x, 'p': float(special.gammainc(a, x)), 'q': float(special.gammaincc(a, x))})
    erfc = [{'x': x, 'value': float(special.erfc(x))} for x in [-3.0, -0.5, 0.0, 1e-6, 0.3, 1.0, 2.5, 6.0, 10.0, 26.0]]
    chi2 = [{'x': x, 'df': df, 'sf': float(stats.chi2.sf(x, df))}
            for df in [1, 2, 3, 7, 30, 200] for x in [0.01, 0.5, df * 1.0, df * 2.0 + 5, df * 10.0 + 100]]
    norm = [{'z': z, 'sf': float(stats.norm.sf(z)), 'cdf': float(stats.norm.cdf(z))}
            for z in [-8.0, -2.0, -0.1, 0.0, 0.7, 1.96, 4.0, 12.0, 37.0]]
    kstwo = []
    for n in [1, 2, 5, 10, 50, 140, 141, 1000, 5000, 100000, 100001, 500000, 2000000]:
        for x in [0.3 / n, 0.7 / n, 1.5 / n, 0.5 / math.sqrt(n), 0.8 / math.sqrt(n), 1.2 / math.sqrt(n),
                  1.8 / math.sqrt(n), 3.0 / math.sqrt(n), 0.55, 0.9]:
            if 0 < x < 1:
                kstwo.append({'n': n, 'x': x, 'sf': float(stats.kstwo.sf(x, n))})
    smirnov = [{'n': n, 'x': x, 'sf': float(special.smirnov(n, x))}
               for n in [1, 3, 20, 100, 1000, 50000] for x in [0.001, 0.02, 0.1, 0.3, 0.5, 0.8]]
    kolmogorov = [{'x': x, 'sf': float(special.kolmogorov(x))} for x in [0.03, 0.2, 0.5, 0.82, 0.83, 1.0, 1.36, 2.0, 4.0]]
    return {'lgamma': lg, 'gammainc': inc, 'erfc': erfc, 'chi2': chi2, 'norm': norm, 'kstwo': kstwo,
            'smirnov': smirnov, 'kolmogorov': kolmogorov}


def chi2_cases():
    tables = [
        [[10, 20, 30], [12, 18, 33]],
        [[10, 0], [5, 5]],
        [[100, 200], [150, 150]],
        [[5, 1, 0, 7], [0, 3, 2, 9]],
        [[1000, 2000, 3000, 4000, 500], [1300, 1800, 2900, 4300, 100]],
        [[3, 4, 5], [4, 3, 5], [9, 1, 2]],
        [[50000, 50000, 50000], [40000, 55000, 60000]],
    ]
    out = []
    for t in tables:
        for corr in (True, False):
            r = stats.chi2_contingency(np.array(t), correction=corr)
            out.append({'table': t, 'correction': corr, 'statistic': float(r.statistic),
                        'pvalue': float(r.pvalue), 'dof': int(r.dof)})
    return out


def ztest_cases():
    out = []
    for x1, n1, x2, n2 in [(30, 100, 45, 100), (5, 20, 6, 25), (500, 1000, 520, 1000), (1, 3, 2, 3),
                           (9000, 10000, 8000, 10000), (0, 50, 10, 60), (123456, 1000000, 125000, 1000000)]:
        p1, p2, p = x1 / n1, x2 / n2, (x1 + x2) / (n1 + n2)
        z = (p1 - p2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
        out.append({'x1': x1, 'n1': n1, 'x2': x2, 'n2': n2, 'statistic': z, 'pvalue': float(2 * stats.norm.sf(abs(z)))})
    return out


def wasserstein_cases():
    pairs = [
        ([0.0, 1.0, 3.0], [5.0, 6.0, 8.0]),
        ([1.0], [1.0]),
        ([1, 1, 2, 2, 2, 7], [1, 2, 2, 3]),
        (g(40, 50), g(41, 70, 0.4)),
        (g(42, 3000, decimals=1), g(43, 2500, 0.2, decimals=1)),
        (g(44, 20000, scale=3.0), g(45, 30000, 0.1, 2.0)),
    ]
    out = []
    for a, b in pairs:
        sa, sb = sample(a), sample(b)
        d = float(stats.wasserstein_distance(sa, sb))
        out.append({'a': a, 'b': b, 'distance': d, 'normalized': d / max(float(np.std(sa)), 0.001)})
    return out


def js_cases():
    vecs = [([1, 2, 3], [3, 2, 1]), ([1, 0, 0], [0, 1, 0]), ([0.25, 0.25, 0.5], [0.25, 0.25, 0.5]),
            ([10, 0, 5, 5], [3, 7, 0, 10]), ([1000, 2000, 1], [1001, 1999, 2]), ([5, 1], [1, 5])]
    out = [{'p': p, 'q': q, 'distance': float(jensenshannon(p, q))} for p, q in vecs]
    out += [{'p': p, 'q': q, 'base': 2, 'distance': float(jensenshannon(p, q, base=2))} for p, q in vecs[:3]]
    return out


PSI_EPS = 1e-4


def psi_numeric(ref, cur, bins=10):
    ref = np.sort(ref)
    edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
    rc = np.bincount(np.searchsorted(edges, ref, side='left'), minlength=len(edges) + 1)
    cc = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=len(edges) + 1)
    r = np.maximum(rc / len(ref), PSI_EPS)
    c = np.maximum(cc / len(cur), PSI_EPS)
    return float(np.sum((c - r) * np.log(c / r))), edges.tolist()


def psi_cases():
    out = []
    for a, b in [(g(50, 1000), g(51, 1000)), (g(52, 1000), g(53, 800, 0.3)), (g(54, 5000, decimals=1), g(55, 4000, 0.05, decimals=1)),
                 ([1, 1, 1, 1, 2, 2, 3], [1, 2, 3, 3, 3, 3]), ([0.0] * 10, [0.0] * 5 + [1.0] * 5), (g(56, 30000), g(57, 20000, 1.0))]:
        v, edges = psi_numeric(sample(a), sample(b))
        out.append({'kind': 'numeric', 'a': a, 'b': b, 'psi': v, 'edges': edges})
    for rc, cc in [([50, 30, 20], [45, 35, 20]), ([100, 0, 10], [80, 15, 10]), ([1, 1], [1, 1])]:
        r = np.maximum(np.array(rc) / sum(rc), PSI_EPS)
        c = np.maximum(np.array(cc) / sum(cc), PSI_EPS)
        out.append({'kind': 'counts', 'ref': rc, 'cur': cc, 'psi': float(np.sum((c - r) * np.log(c / r)))})
    return out


def auc_cases():
    out = []
    for pos, neg in [([0.9, 0.8, 0.4], [0.1, 0.3, 0.5, 0.2]), ([1, 1, 1], [1, 1]), ([0.5, 0.5, 0.7], [0.5, 0.2]),
                     (g(60, 40, 0.3, decimals=1), g(61, 55, decimals=1)), (g(62, 5000, 0.1), g(63, 7000)),
                     ([0.0, 1.0], [2.0, 3.0])]:
        p, n = sample(pos), sample(neg)
        u = float(stats.mannwhitneyu(p, n).statistic)
        out.append({'pos': pos, 'neg': neg, 'u': u, 'auc': u / (len(p) * len(n))})
    return out


def multiple_testing_cases():
    out = []
    for ps in [[0.5, 0.6, 0.1, 0.001], [0.01, 0.01, 0.04, 0.2, 0.03], [0.9], [0.0, 1.0, 0.5, 0.5, 0.02, 0.049]]:
        arr = np.array(ps)
        out.append({'p': ps, 'bh': np.atleast_1d(stats.false_discovery_control(arr, method='bh')).tolist(),
                    'bonferroni': np.minimum(arr * len(ps), 1).tolist()})
    return out


def quantile_cases():
    out = []
    for arr in [[1.0, 2.0, 3.0, 4.0], [5.0], [0.1, 0.1, 0.2, 0.7, 0.7, 0.7, 1.3], g(70, 997, decimals=3)]:
        s = np.sort(sample(arr))
        qs = [0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 1.0]
        edges = np.histogram_bin_edges(s, bins='sturges')
        counts = np.histogram(s, bins=edges)[0]
        out.append({'a': arr, 'q': qs, 'values': [float(np.quantile(s, q)) for q in qs],
                    'sturges_edges': edges.tolist(), 'sturges_counts': counts.tolist(), 'std': float(np.std(s))})
    return out


def mmd_cases():
    out = []
    for seed, nx, ny, dim, shift in [(80, 30, 40, 3, 0.0), (81, 50, 50, 5, 0.5), (82, 12, 9, 2, 1.0)]:
        x = gen({'seed': seed, 'n': nx * dim}).reshape(nx, dim)
        y = gen({'seed': seed + 100, 'n': ny * dim, 'shift': shift}).reshape(ny, dim)
        z = np.vstack([x, y])
        d2 = ((z[:, None, :] - z[None, :, :]) ** 2).sum(-1)
        iu = np.triu_indices(len(z), 1)
        sigma = math.sqrt(float(np.median(d2[iu])) / 2)
        k = np.exp(-d2 / (2 * sigma ** 2))
        kxx, kyy, kxy = k[:nx, :nx], k[nx:, nx:], k[:nx, nx:]
        mmd2 = ((kxx.sum() - np.trace(kxx)) / (nx * (nx - 1)) + (kyy.sum() - np.trace(kyy)) / (ny * (ny - 1))
                - 2 * kxy.mean())
        out.append({'seed': seed, 'nx': nx, 'ny': ny, 'dim': dim, 'shift': shift, 'sigma': sigma, 'mmd2': float(mmd2)})
    return out


# Model-quality definitions (sklearn is not installed; these follow sklearn's documented formulas).
def average_precision(y, s):
    order = np.argsort(-s, kind='mergesort')
    y, s = y[order], s[order]
    distinct = np.where(np.diff(s))[0]
    idx = np.r_[distinct, len(y) - 1]
    tps = np.cumsum(y)[idx]
    fps = 1 + idx - tps
    precision = tps / (tps + fps)
    recall = tps / tps[-1]
    precision = np.r_[1, precision]
    recall = np.r_[0, recall]
    return float(np.sum(np.diff(recall) * precision[1:]))


def classification_case(y_true, y_pred, score, labels):
    y_true, y_pred = np.array(y_true), np.array(y_pred)
    k = len(labels)
    cm = np.zeros((k, k), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[labels.index(t), labels.index(p)] += 1
    tp = np.diag(cm).astype(float)
    support = cm.sum(1).astype(float)
    predicted = cm.sum(0).astype(float)
    precision = np.divide(tp, predicted, out=np.zeros(k), where=predicted > 0)
    recall = np.divide(tp, support, out=np.zeros(k), where=support > 0)
    f1 = np.divide(2 * precision * recall, precision + recall, out=np.zeros(k), where=(precision + recall) > 0)
    res = {'labels': labels, 'y_true': y_true.tolist(), 'y_pred': y_pred.tolist(), 'confusion': cm.tolist(),
           'accuracy': float(tp.sum() / len(y_true)), 'precision': precision.tolist(), 'recall': recall.tolist(),
           'f1': f1.tolist(), 'macro_f1': float(f1.mean()), 'weighted_f1': float((f1 * support).sum() / support.sum()),
           'macro_precision': float(precision.mean()), 'weighted_recall': float((recall * support).sum() / support.sum())}
    if score is not None:
        s = np.array(score, dtype=float)
        yb = (y_true == labels[-1]).astype(float)
        eps = np.finfo(float).eps
        sc = np.clip(s, eps, 1 - eps)
        pos, neg = s[yb == 1], s[yb == 0]
        bins = np.minimum((s * 10).astype(int), 9)
        ece, curve = 0.0, []
        for b in range(10):
            m = bins == b
            if m.sum() == 0:
                continue
            conf, acc = float(s[m].mean()), float(yb[m].mean())
            ece += m.sum() / len(s) * abs(acc - conf)
            curve.append({'bin': b, 'count': int(m.sum()), 'mean_score': conf, 'positive_rate': acc})
        res.update({'score': s.tolist(), 'roc_auc': float(stats.mannwhitneyu(pos, neg).statistic / (len(pos) * len(neg))),
                    'average_precision': average_precision(yb, s),
                    'log_loss': float(-np.mean(yb * np.log(sc) + (1 - yb) * np.log(1 - sc))),
                    'brier': float(np.mean((s - yb) ** 2)), 'ece': ece, 'reliability': curve})
    return res


def metrics_cases():
    rng = np.random.default_rng(7)
    n = 400
    y = rng.integers(0, 2, n)
    score = np.clip(0.35 * y + rng.uniform(0, 0.65, n), 0, 1).round(3)
    pred = (score >= 0.5).astype(int)
    binary = classification_case([str(v) for v in y], [str(v) for v in pred], score.tolist(), ['0', '1'])
    tied = classification_case(['a', 'b', 'b', 'a', 'b', 'a'], ['a', 'b', 'a', 'a', 'b', 'b'],
                               [0.2, 0.8, 0.5, 0.5, 0.5, 0.9], ['a', 'b'])
    multi_t = rng.choice(['cat', 'dog', 'eel'], 300, p=[0.5, 0.3, 0.2])
    multi_p = np.where(rng.uniform(size=300) < 0.7, multi_t, rng.choice(['cat', 'dog', 'eel'], 300))
    multi = classification_case(multi_t.tolist(), multi_p.tolist(), None, ['cat', 'dog', 'eel'])
    yt = rng.normal(10, 3, 200).round(2)
    yp = (yt + rng.normal(0, 1.5, 200)).round(2)
    regression = {'y_true': yt.tolist(), 'y_pred': yp.tolist(), 'mae': float(np.mean(np.abs(yt - yp))),
                  'rmse': float(np.sqrt(np.mean((yt - yp) ** 2))),
                  'r2': float(1 - np.sum((yt - yp) ** 2) / np.sum((yt - yt.mean()) ** 2))}
    return {'binary': binary, 'tied': tied, 'multiclass': multi, 'regression': regression}


def review_cases():
    """Audit sampling and proportion intervals (shared/stats/{binomial,hypergeometric,proportions,sample-size}.ts)."""
    def allowed(n, edr):
        return max(0, math.ceil(n * edr - 1e-9))

    def n_binom(conf, tdr, edr):
        return next(n for n in range(1, 20001) if stats.binom.cdf(allowed(n, edr), n, tdr) <= 1 - conf)

    def n_hyper(conf, tdr, edr, N):
        D = math.floor(N * tdr + 1e-9)
        return next((n for n in range(1, N + 1) if D > 0 and stats.hypergeom.cdf(allowed(n, edr), N, D, n) <= 1 - conf), N)

    sizes = []
    for conf in (0.90, 0.95, 0.99):
        for tdr in (0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.10, 0.15, 0.20):
            for edr in (0.0, 0.005, 0.01, 0.015, 0.02, 0.03):
                if edr < tdr and n_binom(conf, tdr, edr) <= 2000:
                    n = n_binom(conf, tdr, edr)
                    sizes.append({'confidence': conf, 'tolerable': tdr, 'expected': edr, 'n': n, 'k': allowed(n, edr)})
    finite = []
    for N in (30, 100, 200, 500, 1000, 5000):
        for tdr, edr in ((0.05, 0.0), (0.05, 0.01), (0.10, 0.02)):
            n = n_hyper(0.95, tdr, edr, N)
            finite.append({'population': N, 'confidence': 0.95, 'tolerable': tdr, 'expected': edr, 'n': n})
    intervals = []
    for k, n, conf in ((0, 10, 0.95), (1, 10, 0.95), (8, 10, 0.95), (10, 10, 0.95), (5, 100, 0.95), (0, 59, 0.95),
                       (37, 412, 0.90), (3, 7, 0.99), (150, 151, 0.95), (2, 1000, 0.95)):
        a = 1 - conf
        z = stats.norm.ppf(1 - a / 2)
        p = k / n
        center = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        intervals.append({
            'k': k, 'n': n, 'confidence': conf,
            'wilson': [max(0.0, center - half), min(1.0, center + half)],
            'clopper_pearson': [0.0 if k == 0 else float(stats.beta.ppf(a / 2, k, n - k + 1)),
                                1.0 if k == n else float(stats.beta.ppf(1 - a / 2, k + 1, n - k))],
            'upper_one_sided': 1.0 if k == n else float(stats.beta.ppf(conf, k + 1, n - k)),
        })
    cdfs = [{'k': k, 'n': n, 'p': p, 'binom_cdf': float(stats.binom.cdf(k, n, p))}
            for k, n, p in ((0, 59, 0.05), (1, 93, 0.05), (4, 181, 0.05), (60, 500, 0.1), (250, 1000, 0.3), (900, 1000, 0.9))]
    hyper = [{'k': k, 'N': N, 'K': K, 'n': n, 'cdf': float(stats.hypergeom.cdf(k, N, K, n))}
             for k, N, K, n in ((0, 100, 5, 45), (1, 500, 25, 87), (3, 60, 20, 10), (10, 1000, 100, 90))]
    return {'sizes': sizes, 'finite': finite, 'intervals': intervals, 'binom_cdf': cdfs, 'hypergeom_cdf': hyper}


def holm_np(ps):
    """Holm step-down adjusted p-values (statsmodels multipletests method='holm')."""
    p = np.asarray(ps, dtype=float)
    order = np.argsort(p, kind='stable')
    m = len(p)
    adj = np.minimum(1, np.maximum.accumulate(p[order] * (m - np.arange(m))))
    out = np.empty(m)
    out[order] = adj
    return out.tolist()


def compare_cases():
    """Version comparison tests: exact McNemar (binomtest on discordant pairs), Wilcoxon signed-rank (defaults:
    zero_method='wilcox', method='auto'), Mann-Whitney U (defaults), Fisher exact 2x2, Holm."""
    mcnemar = []
    for b, c in [(0, 0), (3, 0), (5, 5), (7, 2), (12, 30), (150, 101), (1000, 1100), (4000, 4400), (2, 60)]:
        mcnemar.append({'b': b, 'c': c, 'p': float(stats.binomtest(b, b + c, 0.5).pvalue) if b + c else 1.0})
    wilcoxon = []
    diffs = [
        [0.3, -1.2, 2.5, 0.7, 1.9, -0.4, 3.1, 0.9],                    # exact, no ties
        g(81, 40, shift=0.1),                                           # exact, n = 40
        [1.0, 1.0, -2.0, 3.0, 0.0, 2.0, -1.0, 4.0, 2.0],                # ties and a zero, n <= 13: permutation
        [0.5, 0.5, 0.5, -0.5, 1.5, 2.5, 0.0, 0.0, 1.0, 1.0, 2.0, -3.0, 0.25],
        g(82, 30, shift=0.05, decimals=1),                              # ties, n = 30: normal approximation
        g(83, 51, shift=0.02),                                          # n > 50: normal approximation
        g(84, 2000, shift=0.03, decimals=2),                            # large, many ties and zeros
        [0.0, 0.0, 0.0, 2.0, -1.0, 3.0, 0.5, 0.0, 0.0, 0.0, 1.0, 2.0, 4.0, 0.0, -0.5, 1.5],  # zeros, n = 16
    ]
    for d in diffs:
        arr = sample(d)
        wilcoxon.append({'d': d, 'p': float(stats.wilcoxon(arr).pvalue), 'statistic': float(stats.wilcoxon(arr).statistic)})
    mwu = []
    pairs = [
        ([1.1, 2.3, 0.4], [3.3, 4.1, 5.0, 2.2, 6.1]),                  # exact
        ([0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5], g(85, 60)),                # exact, one side <= 8
        ([1.0, 2.0, 2.0, 3.0], [2.0, 3.0, 4.0, 4.0, 5.0]),              # ties: normal approximation
        (g(86, 300, decimals=1), g(87, 280, shift=0.1, decimals=1)),
        (g(88, 1500), g(89, 1700, shift=-0.05)),
    ]
    for x, y in pairs:
        res = stats.mannwhitneyu(sample(x), sample(y))
        mwu.append({'x': x, 'y': y, 'u': float(res.statistic), 'p': float(res.pvalue)})
    fisher = []
    for t in [[[3, 1], [1, 3]], [[10, 90], [25, 75]], [[0, 50], [4, 46]], [[12, 288], [12, 288]], [[1, 9], [11, 3]],
              [[150, 9850], [190, 9810]], [[0, 10], [0, 12]], [[5, 0], [0, 5]], [[60, 240], [45, 255]]]:
        fisher.append({'table': t, 'p': float(stats.fisher_exact(t).pvalue)})
    holm = [{'p': ps, 'holm': holm_np(ps)} for ps in [[0.5, 0.6, 0.1, 0.001], [0.01, 0.01, 0.04, 0.2, 0.03], [0.9],
                                                      [0.0, 1.0, 0.5, 0.5, 0.02, 0.049]]]
    return {'mcnemar': mcnemar, 'wilcoxon': wilcoxon, 'mannwhitney': mwu, 'fisher': fisher, 'holm': holm}


def profile_compare_cases():
    """Two groups of a population profile compared from counts alone (shared/profile/population-figures.ts): the
    2x2 chi-square without continuity correction where every expected count is >= 5, else Fisher exact; Wilson 95%
    intervals of each rate (binomtest(...).proportion_ci(method='wilson')); Holm across the flags of one comparison."""
    out = []
    for flags in [
        # (xa, na, xb, nb) per flag: hallucination, toxic, injection, pii
        [(61234, 1000000, 59876, 1000000), (812, 1000000, 790, 1000000), (3, 1000000, 11, 1000000), (40210, 1000000, 40377, 1000000)],
        [(12, 400, 25, 380), (0, 400, 2, 380), (1, 400, 1, 380), (30, 400, 31, 380)],
        [(5, 5, 0, 7), (2, 5, 3, 7), (0, 5, 0, 7), (5, 5, 7, 7)],
    ]:
        rows = []
        for xa, na, xb, nb in flags:
            pooled = (xa + xb) / (na + nb)
            min_expected = min(na, nb) * min(pooled, 1 - pooled)
            table = [[xa, na - xa], [xb, nb - xb]]
            if min_expected >= 5:
                test, p = 'two_proportion_z', float(stats.chi2_contingency(table, correction=False).pvalue)
            else:
                test, p = 'fisher_exact', float(stats.fisher_exact(table).pvalue)
            ca = stats.binomtest(xa, na).proportion_ci(0.95, method='wilson')
            cb = stats.binomtest(xb, nb).proportion_ci(0.95, method='wilson')
            rows.append({'xa': xa, 'na': na, 'xb': xb, 'nb': nb, 'test': test, 'p': p,
                         'a_low': float(ca.low), 'a_high': float(ca.high), 'b_low': float(cb.low), 'b_high': float(cb.high)})
        out.append({'rows': rows, 'holm': holm_np([r['p'] for r in rows])})
    return out


def main():
    write('review.json', review_cases())
    write('ks.json', ks_cases())
    write('special.json', special_cases())
    write('chi2.json', chi2_cases())
    write('z-test.json', ztest_cases())
    write('wasserstein.json', wasserstein_cases())
    write('jensen-shannon.json', js_cases())
    write('psi.json', psi_cases())
    write('roc-auc.json', auc_cases())
    write('multiple-testing.json', multiple_testing_cases())
    write('descriptive.json', quantile_cases())
    write('mmd.json', mmd_cases())
    write('metrics.json', metrics_cases())
    write('compare.json', compare_cases())
    write('profile-compare.json', profile_compare_cases())
    print('wrote fixtures to', OUT)


if __name__ == '__main__':
    main()
