"""Integration check for deploy/dask/assay_dask.py (run by test/integration/dask-driver.test.ts with /usr/bin/python3).

Writes RECORDS records over 8 JSONL partitions, scores them on a LocalCluster with 2 worker processes while one
worker is killed (SIGKILL) as soon as it is busy with a partition, then scores the concatenation in one process
(`assay score | assay profile`) and prints both profiles' records and groups as JSON on stdout.
"""
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "deploy", "dask"))
import assay_dask  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402


def main():
    work, records = sys.argv[1], int(sys.argv[2])
    per_file = records // 8
    rnd = random.Random(5)
    words = "refund order ship router password invoice battery screen warranty delivery idiot".split()
    os.makedirs(os.path.join(work, "in"), exist_ok=True)
    inputs = []
    for p in range(8):
        path = os.path.join(work, "in", f"part-{p}.jsonl")
        with open(path, "w") as f:
            for i in range(per_file):
                n = p * per_file + i
                out = " ".join(rnd.choice(words) for _ in range(12)) + (f" Email jo{n}@example.com." if rnd.random() < 0.1 else "")
                f.write(json.dumps({"id": f"r{n}", "timestamp": f"2026-11-{1 + n % 5:02d}T08:00:00Z", "model": rnd.choice(["m-a", "m-b"]),
                                    "prompt_version": rnd.choice(["v1", "v2"]), "input": "question about " + rnd.choice(words),
                                    "output": out, "contexts": [" ".join(rnd.choice(words) for _ in range(20))],
                                    "tokens_in": rnd.randrange(100), "tokens_out": rnd.randrange(50), "cost": rnd.randrange(1000) / 1e5}) + "\n")
        inputs.append(path)

    assay = assay_dask.default_assay_command()
    killed = {}


    def kill_a_busy_worker(client):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            busy = {w: keys for w, keys in client.processing().items() if any(str(k).startswith("assay-score-") for k in keys)}
            if busy:
                # Let the partition get under way (node started, records being scored) before pulling the plug.
                time.sleep(1.5)
                worker = sorted(busy)[0]
                pid = client.run(os.getpid, workers=[worker])[worker]
                killed.update(worker=worker, pid=pid, processing=[str(k) for k in client.processing().get(worker, [])])
                os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.1)


    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    started = time.monotonic()
    try:
        killer = threading.Thread(target=kill_a_busy_worker, args=(client,), daemon=True)
        killer.start()
        dask_profile = assay_dask.run(client, inputs, os.path.join(work, "out"), assay, ["--workers", "0"], [])
        killer.join()
    finally:
        client.close()
        cluster.close()
    dask_secs = time.monotonic() - started

    with open(os.path.join(work, "all.jsonl"), "wb") as f:
        for p in inputs:
            with open(p, "rb") as src:
                f.write(src.read())
    # One process with its default worker threads (one per core): the same scores as --workers 0 (cli-score.test.ts
    # holds them to it), in half the time on CI's 2 cores.
    started = time.monotonic()
    with open(os.path.join(work, "all.jsonl"), "rb") as src:
        score = subprocess.Popen(assay + ["score"], stdin=src, stdout=subprocess.PIPE)
        local = subprocess.run(assay + ["profile"], stdin=score.stdout, stdout=subprocess.PIPE, check=True)
        if score.wait() != 0:
            raise SystemExit(f"single-process assay score exited {score.returncode}")
    local_secs = time.monotonic() - started
    local_profile = json.loads(local.stdout)
    shards = sorted(os.listdir(os.path.join(work, "out", "scored")))
    shard_lines = sum(1 for s in shards for _ in open(os.path.join(work, "out", "scored", s)))
    print(json.dumps({"killed": killed, "dask_seconds": round(dask_secs, 1), "local_seconds": round(local_secs, 1), "load_average": os.getloadavg()[0], "shards": shards, "shard_lines": shard_lines,
                      "dask": {k: dask_profile[k] for k in ("records", "errors", "groups", "partitions")},
                      "local": {k: local_profile[k] for k in ("records", "errors", "groups")}}))


if __name__ == "__main__":
    main()
