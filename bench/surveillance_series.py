"""Benchmark: assess every monthly referral series at the latest month.

    python bench/surveillance_series.py [--years 10] [--nationalities 200] [--types 6]
        [--seed 2013] [--scale 1]

Generates ``--years`` of monthly counts for ``--nationalities`` x ``--types`` series: a
nationality's monthly level is drawn log-normally (median 1 referral a month, times
``--scale``), so at scale 1 most series are small and many are mostly zero; its exploitation
types share it by a Dirichlet draw; yearly seasonality, a trend per nationality and negative
binomial noise. It plants an outbreak (3 to 6 times the expected count, at least 5) in the
latest month of 1 series in 50 and turns the counts into one row per referral (a random day of
the month). Then it times ``count_series`` by nationality x type and by nationality, and
``assess`` at the latest month for every series of both, and counts the methods used, the
alarms and the planted outbreaks among them. Goal: all of it <= 30 s. The result is printed as
JSON and kept in bench/out/.
"""

import argparse
import json
import os
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd

from nrm.intelligence.surveillance import assess, count_series

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TYPES = ["labour", "sexual", "domestic servitude", "criminal", "organ harvesting", "unknown"]


def referrals(
    years: int, nationalities: int, types: int, seed: int, scale: float = 1.0
) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    """Generated referral rows and the (nationality, type) series with a planted outbreak."""
    rng = np.random.default_rng(seed)
    months = pd.period_range("2016-01", periods=12 * years, freq="M")
    t = np.arange(len(months))
    names = [f"N{i:03d}" for i in range(nationalities)]
    kinds = (
        (TYPES * (types // len(TYPES) + 1))[:types]
        if types <= len(TYPES)
        else [f"T{j}" for j in range(types)]
    )
    level = scale * rng.lognormal(mean=0.0, sigma=1.5, size=nationalities)
    share = rng.dirichlet(np.full(types, 0.7), size=nationalities)
    trend = rng.normal(0.0, 0.004, size=nationalities)
    season = 0.3 * np.cos(2 * np.pi * t / 12) + 0.2 * np.sin(2 * np.pi * t / 12)
    planted: set[tuple[str, str]] = set()
    frames = []
    for i, name in enumerate(names):
        for j, kind in enumerate(kinds):
            mu = level[i] * share[i, j] * np.exp(season + trend[i] * t)
            counts = rng.negative_binomial(n=2.0, p=2.0 / (2.0 + mu))
            if rng.random() < 0.02:
                counts[-1] += max(5, round(rng.uniform(3, 6) * mu[-1]))
                planted.add((name, kind))
            if counts.sum() == 0:
                continue
            month = np.repeat(np.arange(len(months)), counts)
            day = rng.integers(0, 28, size=len(month))
            start = months.start_time.to_numpy()[month]
            frames.append(
                pd.DataFrame(
                    {
                        "referred_on": start + day.astype("timedelta64[D]"),
                        "nationality": name,
                        "exploitation_type": kind,
                    }
                )
            )
    return pd.concat(frames, ignore_index=True), planted


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--nationalities", type=int, default=200)
    parser.add_argument("--types", type=int, default=6)
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    t0 = time.perf_counter()
    rows, planted = referrals(args.years, args.nationalities, args.types, args.seed, args.scale)
    generated = time.perf_counter() - t0
    start, end = "2016-01", str(pd.Period("2016-01", freq="M") + 12 * args.years - 1)
    report: dict[str, object] = {
        "years": args.years,
        "nationalities": args.nationalities,
        "types": args.types,
        "scale": args.scale,
        "referrals": len(rows),
        "planted_outbreaks": len(planted),
        "generate_s": round(generated, 2),
        "load_average_before": os.getloadavg()[0],
    }
    t_all = time.perf_counter()
    tables = {}
    for name, by in (
        ("nationality_type", ["nationality", "exploitation_type"]),
        ("nationality", ["nationality"]),
    ):
        t1 = time.perf_counter()
        counts = count_series(rows, by, "M", start, end)
        t2 = time.perf_counter()
        result = assess(counts, end)
        t3 = time.perf_counter()
        tables[name] = result
        report[name] = {
            "series": len(result),
            "count_series_s": round(t2 - t1, 2),
            "assess_s": round(t3 - t2, 2),
            "ms_per_series": round(1000 * (t3 - t2) / len(result), 2),
            "methods": result["method"].value_counts().to_dict(),
            "alarms": int(result["alarm"].sum()),
        }
    total = time.perf_counter() - t_all
    detail = tables["nationality_type"]
    alarmed = {(r.nationality, r.exploitation_type) for r in detail.itertuples() if r.alarm}
    report["planted_alarmed"] = len(planted & alarmed)
    report["unplanted_alarmed"] = len(alarmed - planted)
    report["total_s"] = round(total, 2)
    report["goal_s"] = 30
    report["met"] = total <= 30
    report["load_average_after"] = os.getloadavg()[0]
    report["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    text = json.dumps(report, indent=2)
    print(text)
    OUT.mkdir(exist_ok=True)
    (
        OUT / f"surveillance_series_{args.nationalities}x{args.types}_scale{args.scale:g}.json"
    ).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
