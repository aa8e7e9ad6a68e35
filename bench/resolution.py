"""Benchmark: person resolution on generated people with known truth.

    python bench/resolution.py [--records 100000] [--seed 2012] [--sweep]

Generates ``--records`` person records (``nrm.intelligence.resolution.synthetic``), then times
each stage of the resolution in this process: preparing the columns, training the model (u by
random sampling, m by expectation maximisation), scoring the blocked pairs, and linking the
records into clusters at the thresholds of ``settings`` (``linking``). It reports pairwise
precision, recall and F1 of the pairs matched automatically (at or above the match threshold,
less those whose merge linking refused) and of the pairs proposed (matched or for review, at or
above the review threshold), the same for the pairs the clusters imply, the share of true
people resolved exactly, and the process's peak memory (max RSS, which includes DuckDB's).
``--sweep`` adds the figures of the pairs, of the clusters linked and of the connected
components of the pairs (clustering without linking's checks) at thresholds 0.30, 0.35 ... 0.95
and 0.99, and for each the threshold at which the lower of precision and recall is highest
(``balanced``): run on another seed than the one evaluated, it is how
``settings.MATCH_THRESHOLD`` and ``REVIEW_THRESHOLD`` are chosen. The result is printed as JSON
and kept in bench/out/.
"""

import argparse
import json
import resource
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from nrm.intelligence.resolution.evaluation import Scores

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SWEEP = (*(round(0.05 * step, 2) for step in range(6, 20)), 0.99)


def _balanced(sweep: dict[float, "Scores"]) -> float:
    return max(
        sweep, key=lambda threshold: min(sweep[threshold].precision, sweep[threshold].recall)
    )


def _sweep(
    pairs: "pd.DataFrame", prepared: "pd.DataFrame", truth: "pd.DataFrame"
) -> tuple[dict[str, dict[str, dict[str, float | int]]], dict[str, float]]:
    """Pairs, the clusters linked from them and their connected components at each threshold
    of ``SWEEP``, and the balanced threshold of each."""
    from nrm.intelligence.resolution.clusters import clusters_from_pairs
    from nrm.intelligence.resolution.evaluation import clusters_evaluate, pairs_evaluate
    from nrm.intelligence.resolution.linking import clusters_link

    found: dict[str, dict[float, Scores]] = {"pairs": {}, "clusters": {}, "components": {}}
    for threshold in SWEEP:
        kept = pairs[pairs["match_probability"] >= threshold]
        found["pairs"][threshold] = pairs_evaluate(pairs=kept, truth=truth)
        linked = clusters_link(prepared=prepared, pairs=pairs, match_threshold=threshold)
        found["clusters"][threshold] = clusters_evaluate(clusters=linked.clusters, truth=truth)
        components = clusters_from_pairs(
            record_ids=prepared["unique_id"],
            pairs=zip(kept["record_id_l"], kept["record_id_r"], strict=True),
        )
        found["components"][threshold] = clusters_evaluate(clusters=components, truth=truth)
    sweep = {
        str(threshold): {kind: found[kind][threshold].as_dict() for kind in found}
        for threshold in SWEEP
    }
    return sweep, {kind: _balanced(found[kind]) for kind in found}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2012)
    parser.add_argument("--sweep", action="store_true")
    args = parser.parse_args()

    from nrm.intelligence.resolution import settings
    from nrm.intelligence.resolution.engine import model_train, pairs_score
    from nrm.intelligence.resolution.evaluation import (
        clusters_evaluate,
        pairs_evaluate,
        people_exactly_resolved,
    )
    from nrm.intelligence.resolution.linking import clusters_link
    from nrm.intelligence.resolution.prepare import records_prepare
    from nrm.intelligence.resolution.records import records_frame
    from nrm.intelligence.resolution.synthetic import people_synthesise

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    table = people_synthesise(records=args.records, seed=args.seed)
    seconds["generate"] = time.perf_counter() - started
    truth = table.select(["record_id", "person_id"]).to_pandas()

    stage = time.perf_counter()
    prepared = records_prepare(frame=records_frame(records=table))
    seconds["prepare"] = time.perf_counter() - stage
    stage = time.perf_counter()
    model = model_train(prepared=prepared)
    seconds["train"] = time.perf_counter() - stage
    stage = time.perf_counter()
    pairs = pairs_score(prepared=prepared, model=model)
    seconds["score"] = time.perf_counter() - stage
    stage = time.perf_counter()
    probability = pairs["match_probability"]
    linked = clusters_link(prepared=prepared, pairs=pairs, match_threshold=settings.MATCH_THRESHOLD)
    clusters = linked.clusters
    apart = set(linked.refused)
    matched = pairs[probability >= settings.MATCH_THRESHOLD]
    ids = zip(matched["record_id_l"], matched["record_id_r"], strict=True)
    matches = matched[[pair not in apart for pair in ids]]
    proposed = pairs[probability >= settings.REVIEW_THRESHOLD]
    seconds["threshold_and_cluster"] = time.perf_counter() - stage
    seconds["resolution_total"] = time.perf_counter() - started - seconds["generate"]

    report: dict[str, object] = {
        "records": args.records,
        "people": int(truth["person_id"].nunique()),
        "seed": args.seed,
        "match_threshold": settings.MATCH_THRESHOLD,
        "review_threshold": settings.REVIEW_THRESHOLD,
        "scored_pairs": len(pairs),
        "review_pairs": len(proposed) - len(matches),
        "refused_pairs": len(linked.refused),
        "matched": pairs_evaluate(pairs=matches, truth=truth).as_dict(),
        "proposed": pairs_evaluate(pairs=proposed, truth=truth).as_dict(),
        "clusters": clusters_evaluate(clusters=clusters, truth=truth).as_dict(),
        "people_exactly_resolved": round(
            people_exactly_resolved(clusters=clusters, truth=truth), 4
        ),
        "seconds": {name: round(value, 2) for name, value in seconds.items()},
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.sweep:
        report["sweep"], report["balanced"] = _sweep(pairs, prepared, truth)
    print(json.dumps(report, indent=1), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"resolution-{args.records}-{int(time.time())}.json").write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
