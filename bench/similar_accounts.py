"""Benchmark: similar accounts on generated accounts with planted near-copies.

    python bench/similar_accounts.py [--accounts 100000] [--new 1000] [--sample 2000] [--seed 2012]

Generates ``--accounts`` + ``--new`` accounts (``nrm.intelligence.similar.synthetic``); the
first ``--accounts`` (by id, the order of submission) are the corpus, the last ``--new`` arrive
afterwards. It times shingling, then the exact batch all-pairs at Jaccard >= 0.8
(``similar_pairs``'s engine, All-Pairs with prefix filtering) with the process's peak memory,
and brute force (every pair compared with exact Jaccard on the same hashed shingle sets) on a
random sample of ``--sample`` corpus accounts: its time per pair times the corpus's number of
pairs, n(n-1)/2, is the brute force estimate the speed-up is measured against, and the batch
result on the sample must equal brute force's. The planted pairs at 0.8 or more (measured
exactly) must all be among the batch pairs. Then it indexes the corpus in ``AccountIndex``
(MinHash LSH), measures the recall of the LSH candidate pairs for the exact pairs, and the
latency of ``nearest`` for each new account against the whole corpus (p50, p95, max).
The result is printed as JSON and kept in bench/out/.
"""

import argparse
import json
import os
import random
import resource
import statistics
import time
from pathlib import Path

from nrm.intelligence.similar.accounts import account_sets
from nrm.intelligence.similar.batch import THRESHOLD, pairs_of_sets
from nrm.intelligence.similar.evaluation import brute_force_pairs, pairs_evaluate, planted_truth
from nrm.intelligence.similar.incremental import BANDS, NUM_PERM, ROWS, AccountIndex
from nrm.intelligence.similar.incremental import candidate_probability as curve
from nrm.intelligence.similar.synthetic import accounts_synthesise

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=2012)
    args = parser.parse_args()
    n = args.accounts
    seconds: dict[str, float] = {}
    report: dict[str, object] = {
        "accounts": n,
        "new": args.new,
        "seed": args.seed,
        "threshold": THRESHOLD,
        "load_average_at_start": os.getloadavg(),
        "cpus": os.cpu_count(),
        "lsh": {"num_perm": NUM_PERM, "bands": BANDS, "rows": ROWS, "p_candidate_0.8": curve(0.8)},
    }

    stage = time.perf_counter()
    generated = accounts_synthesise(accounts=n + args.new, seed=args.seed)
    seconds["generate"] = time.perf_counter() - stage
    ids = list(generated.texts)
    corpus_ids, new_ids = ids[:n], ids[n:]
    stage = time.perf_counter()
    sets = account_sets((account_id, generated.texts[account_id]) for account_id in corpus_ids)
    seconds["shingle"] = time.perf_counter() - stage
    report["mean_shingles"] = round(statistics.mean(map(len, sets.values())), 1)

    before = _peak_mib()
    stage = time.perf_counter()
    exact = pairs_of_sets(sets, THRESHOLD)
    seconds["batch_exact"] = time.perf_counter() - stage
    report["peak_rss_mib"] = {"before_batch": round(before), "after_batch": round(_peak_mib())}
    report["exact_pairs"] = len(exact)

    corpus = set(corpus_ids)
    planted = {pair for pair in generated.planted_pairs() if set(pair) <= corpus}
    truth_planted = planted_truth(sets=sets, planted=planted)
    report["planted_pairs"] = len(planted)
    report["planted_pairs_at_threshold"] = len(truth_planted)
    report["batch_vs_planted"] = pairs_evaluate(found=exact, truth=truth_planted).as_dict()

    sample_ids = random.Random(args.seed).sample(corpus_ids, min(args.sample, n))
    sample = {account_id: sets[account_id] for account_id in sample_ids}
    stage = time.perf_counter()
    brute = brute_force_pairs(sample, THRESHOLD)
    brute_seconds = time.perf_counter() - stage
    m = len(sample)
    per_pair = brute_seconds / (m * (m - 1) / 2)
    seconds["brute_force_sample"] = brute_seconds
    seconds["brute_force_estimated"] = per_pair * n * (n - 1) / 2
    report["brute_force"] = {
        "sample": m,
        "sample_pairs": m * (m - 1) // 2,
        "microseconds_per_pair": round(per_pair * 1e6, 3),
        "scaled_by": "time per pair x n(n-1)/2",
        "sample_agrees_with_batch": brute == pairs_of_sets(sample, THRESHOLD),
        "sample_exact_pairs": len(brute),
    }
    report["speed_up"] = round(seconds["brute_force_estimated"] / seconds["batch_exact"], 1)

    stage = time.perf_counter()
    index = AccountIndex()
    index.add_many((account_id, generated.texts[account_id]) for account_id in corpus_ids)
    seconds["lsh_index"] = time.perf_counter() - stage
    stage = time.perf_counter()
    candidates = index.candidate_pairs()
    seconds["lsh_all_candidates"] = time.perf_counter() - stage
    report["lsh_candidates_vs_exact"] = pairs_evaluate(found=candidates, truth=exact).as_dict()

    latencies, found = [], 0
    for account_id in new_ids:
        text = generated.texts[account_id]
        stage = time.perf_counter()
        nearest = index.nearest(text)
        latencies.append((time.perf_counter() - stage) * 1000)
        found += bool(nearest)
    if latencies:
        report["incremental_ms"] = {
            "p50": round(_percentile(latencies, 0.5), 3),
            "p95": round(_percentile(latencies, 0.95), 3),
            "max": round(max(latencies), 3),
            "new_with_a_near_copy": found,
        }
    report["seconds"] = {name: round(value, 2) for name, value in seconds.items()}
    report["peak_rss_mib"]["end"] = round(_peak_mib())  # type: ignore[index]
    recall = report["lsh_candidates_vs_exact"]["recall"]  # type: ignore[index]
    report["goals"] = {
        "recall_at_least_0.99": recall >= 0.99,
        "speed_up_at_least_100": report["speed_up"] >= 100,  # type: ignore[operator]
        "incremental_p95_at_most_50ms": bool(latencies) and report["incremental_ms"]["p95"] <= 50,  # type: ignore[index]
    }
    text = json.dumps(report, indent=2)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / f"similar_accounts_{n}.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
