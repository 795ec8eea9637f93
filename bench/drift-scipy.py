#!/usr/bin/env python3
"""Times scipy.stats.ks_2samp over every column of two numeric CSVs (called by bench/drift.ts).

Usage: /usr/bin/python3 bench/drift-scipy.py reference.csv current.csv
Loads with pandas.read_csv (the stack Evidently runs on; Debian's python3-pandas), or numpy.loadtxt when pandas
is missing, and says which in "loader".
Prints one JSON object: loader, load_s (loading both files), ks_s (only the ks_2samp calls), total_s, the same
as CPU seconds (ks_cpu_s, total_cpu_s), and the
statistic and p-value per column so the caller can check that both tools agree.
"""
import json
import sys
import time

import numpy as np
from scipy.stats import ks_2samp

try:
    import pandas as pd
except ImportError:
    pd = None


def main():
    ref_path, cur_path = sys.argv[1], sys.argv[2]
    with open(ref_path) as f:
        names = f.readline().strip().split(',')
    c0 = time.process_time()
    t0 = time.perf_counter()
    if pd is not None:
        ref = pd.read_csv(ref_path).to_numpy()
        cur = pd.read_csv(cur_path).to_numpy()
    else:
        ref = np.loadtxt(ref_path, delimiter=',', skiprows=1, ndmin=2)
        cur = np.loadtxt(cur_path, delimiter=',', skiprows=1, ndmin=2)
    t1 = time.perf_counter()
    ks_s = 0.0
    ks_cpu_s = 0.0
    columns = []
    for j, name in enumerate(names):
        a, b = ref[:, j], cur[:, j]
        s, cs = time.perf_counter(), time.process_time()
        r = ks_2samp(a, b)
        ks_s += time.perf_counter() - s
        ks_cpu_s += time.process_time() - cs
        columns.append({'name': name, 'statistic': float(r.statistic), 'p_value': float(r.pvalue)})
    total = time.perf_counter() - t0
    total_cpu = time.process_time() - c0
    print(json.dumps({'loader': 'pandas.read_csv' if pd is not None else 'numpy.loadtxt (pandas missing)', 'load_s': t1 - t0, 'ks_s': ks_s, 'total_s': total, 'ks_cpu_s': ks_cpu_s, 'total_cpu_s': total_cpu,
                      'columns': columns}))


if __name__ == '__main__':
    main()
