#!/usr/bin/python3
"""Score a whole population with Assay on a Dask cluster.

The engine is stateless per record, so population scoring is a map/reduce that Dask runs for us:

  map     each input partition (one JSONL file) -> `assay score` -> OUT/scored/part-NNNNN.jsonl
                                                   -> `assay profile --partition ID` -> a mergeable profile
  reduce  `assay profile merge` over the partitions' profiles, as a tree with a bounded fan-in -> OUT/profile.json

Both steps run the assay CLI as a subprocess on the workers; this file holds no scoring or merging logic.
A task whose worker dies is rerun by Dask on another worker: a shard is written to a temporary name and renamed
into place, so a rerun replaces it whole, and each profile carries its partition id so the merge refuses to
count a partition twice.

  /usr/bin/python3 deploy/dask/assay_dask.py run --input 'logs/*.jsonl' --out OUT --local-workers 2
  /usr/bin/python3 deploy/dask/assay_dask.py run --input '/shared/logs/*.jsonl' --out /shared/out --scheduler tcp://HOST:8786

Parquet partitions are read by `assay score --input` itself (hyparquet, row group by row group), so the workers
need nothing beyond Node and this checkout; a damaged partition fails its task naming the file, row group and column.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_BIN = os.path.join(HERE, "..", "..", "bin", "assay.mjs")
# How many profiles one reduce task merges: one `assay profile merge` process start per task.
MERGE_FAN_IN = 16


def default_assay_command():
    node = shutil.which("node")
    if node and os.path.exists(REPO_BIN):
        return [node, os.path.abspath(REPO_BIN)]
    assay = shutil.which("assay")
    if assay:
        return [assay]
    raise SystemExit("assay_dask: cannot find the assay CLI (no node + bin/assay.mjs next to this file, no `assay` on PATH); pass --assay")


def _run(cmd, stdin, stdout, what):
    proc = subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf8", "replace").strip().splitlines()
        raise RuntimeError(f"{what}: `{' '.join(cmd)}` exited {proc.returncode}: {err[-1] if err else ''}")
    return proc


def score_partition(index, path, out_dir, assay, score_args, profile_args):
    """Map step, on a worker: score one partition into its shard and return the shard's profile (JSON text)."""
    scored_dir = os.path.join(out_dir, "scored")
    os.makedirs(scored_dir, exist_ok=True)
    shard = os.path.join(scored_dir, f"part-{index:05d}.jsonl")
    # A unique temporary name per attempt: a rerun after a lost worker never appends to a half-written shard.
    tmp = f"{shard}.tmp-{uuid.uuid4().hex}"
    # assay reads the partition itself (JSONL or Parquet); each scored line is the input row plus its scores.
    with open(tmp, "wb") as dst:
        _run(assay + ["score", "--input", path] + score_args, subprocess.DEVNULL, dst, f"partition {path}")
    with open(tmp, "rb") as src:
        proc = _run(assay + ["profile", "--partition", partition_id(path)] + profile_args, src, subprocess.PIPE, f"partition {path}")
    os.replace(tmp, shard)
    return proc.stdout.decode("utf8")


def merge_profiles(assay, *profiles):
    """Reduce step, on a worker: merge profiles (JSON texts) with `assay profile merge`."""
    if len(profiles) == 1:
        return profiles[0]
    with tempfile.TemporaryDirectory(prefix="assay-merge-") as d:
        files = []
        for i, text in enumerate(profiles):
            f = os.path.join(d, f"{i}.json")
            with open(f, "w", encoding="utf8") as out:
                out.write(text)
            files.append(f)
        return _run(assay + ["profile", "merge"] + files, subprocess.DEVNULL, subprocess.PIPE, "merge").stdout.decode("utf8")


def partition_id(path):
    return "file:" + os.path.abspath(path)


def tree_reduce(client, futures, assay):
    while len(futures) > 1:
        futures = [client.submit(merge_profiles, assay, *futures[i:i + MERGE_FAN_IN], pure=False) for i in range(0, len(futures), MERGE_FAN_IN)]
    return futures[0]


def run(client, inputs, out_dir, assay, score_args=(), profile_args=()):
    """Scores every input on the cluster behind `client`; writes OUT/scored/part-*.jsonl and OUT/profile.json."""
    os.makedirs(out_dir, exist_ok=True)
    # Each partition's task has its own key so Dask reruns exactly that partition if its worker is lost.
    futures = [client.submit(score_partition, i, p, out_dir, assay, list(score_args), list(profile_args), key=f"assay-score-{i:05d}-{uuid.uuid4().hex[:8]}")
               for i, p in enumerate(inputs)]
    profile = tree_reduce(client, futures, assay).result()
    # Attempts cut short by a lost worker leave their temporary shards behind; the finished shards replaced them.
    for stale in glob.glob(os.path.join(out_dir, "scored", "*.tmp-*")):
        os.remove(stale)
    target = os.path.join(out_dir, "profile.json")
    with open(target + ".tmp", "w", encoding="utf8") as f:
        f.write(profile)
    os.replace(target + ".tmp", target)
    return json.loads(profile)


def expand_inputs(pattern):
    paths = sorted(p for pat in pattern.split(",") for p in glob.glob(pat.strip()))
    if not paths:
        raise SystemExit(f"assay_dask: --input {pattern!r} matches no files")
    bad = [p for p in paths if not (p.endswith(".jsonl") or p.endswith(".parquet"))]
    if bad:
        raise SystemExit(f"assay_dask: {bad[0]}: expected .jsonl or .parquet partitions")
    return [os.path.abspath(p) for p in paths]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="assay_dask.py", description="Score JSONL/Parquet partitions with the assay CLI on a Dask cluster.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="score partitions and reduce their profiles")
    r.add_argument("--input", required=True, help="glob (or comma-separated globs) of .jsonl / .parquet partitions")
    r.add_argument("--out", required=True, help="output folder: scored/part-*.jsonl and profile.json")
    where = r.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://HOST:8786")
    where.add_argument("--local-workers", type=int, default=2, help="start a LocalCluster with this many worker processes (default 2)")
    r.add_argument("--by", help="profile grouping fields (assay profile --by)")
    r.add_argument("--analyzers", help="analyzer ids (assay score --analyzers)")
    r.add_argument("--assay", help="command that runs the assay CLI (default: node bin/assay.mjs of this checkout)")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster  # noqa: PLC0415 (keeps --help fast)

    assay = args.assay.split() if args.assay else default_assay_command()
    inputs = expand_inputs(args.input)
    # One scoring thread per worker process: Dask already runs one partition per core.
    score_args = ["--workers", "0"] + (["--analyzers", args.analyzers] if args.analyzers else [])
    profile_args = (["--by", args.by] if args.by else []) + (["--analyzers", args.analyzers] if args.analyzers else [])
    started = time.monotonic()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        profile = run(client, inputs, args.out, assay, score_args, profile_args)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    secs = time.monotonic() - started
    print(f"assay_dask: {profile['records']} records in {len(inputs)} partitions, {len(profile['groups'])} groups, {secs:.1f} s "
          f"({profile['records'] / secs:.0f} records/s) -> {os.path.join(args.out, 'profile.json')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
