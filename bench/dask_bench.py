"""Records/s of deploy/dask/assay_dask.py with 1 and 2 local worker processes on the same partitions.

  /usr/bin/python3 bench/dask_bench.py [RECORDS=4000]

Prints the load average beside each figure: on a shared machine, compare the two figures of one run only. The CPU
seconds of the whole run (driver, Dask workers and every assay process they start, from the kernel's accounting
of waited-for children) move far less with other load, so records per CPU-second is the figure to carry over to
another machine (see the cost model in README, "Population-wide scoring on Dask").
"""
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "deploy", "dask", "assay_dask.py")


def main():
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    work = tempfile.mkdtemp(prefix="assay-dask-bench-")
    rnd = random.Random(3)
    words = "refund order ship router password invoice battery screen warranty delivery".split()
    os.makedirs(os.path.join(work, "in"))
    for p in range(8):
        with open(os.path.join(work, "in", f"part-{p}.jsonl"), "w") as f:
            for i in range(records // 8):
                f.write(json.dumps({"id": f"r{p}-{i}", "timestamp": "2026-11-01T00:00:00Z", "model": rnd.choice(["m-a", "m-b"]),
                                    "input": "question about " + rnd.choice(words), "output": " ".join(rnd.choice(words) for _ in range(20)),
                                    "contexts": [" ".join(rnd.choice(words) for _ in range(40))]}) + "\n")
    def child_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    for workers in (1, 2):
        started, cpu0 = time.monotonic(), child_cpu()
        subprocess.run([sys.executable, DRIVER, "run", "--input", os.path.join(work, "in", "*.jsonl"), "--out", os.path.join(work, f"out{workers}"),
                        "--local-workers", str(workers)], check=True, stderr=subprocess.DEVNULL)
        secs, cpu = time.monotonic() - started, child_cpu() - cpu0
        print(f"{workers} worker(s): {records} records in {secs:.1f} s = {records / secs:.0f} records/s; CPU {cpu:.1f} s in all processes = "
              f"{records / cpu:.0f} records per CPU-second (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
