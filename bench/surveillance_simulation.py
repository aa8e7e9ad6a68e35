"""Simulation study of Farrington flexible in the design of Noufaily et al. (2013).

    python bench/surveillance_simulation.py [--reps 10] [--freq 52] [--seed 2013] [--quick]

Baseline counts as in Noufaily et al. (2013) and R ``sts_creation``: mean
mu(t) = exp(theta + beta t + sum_{j=1..m} gamma1 cos(2 pi j t / f) + gamma2 sin(2 pi j t / f)),
Poisson (phi = 1) or negative binomial with variance phi * mu (size mu / (phi - 1)); 12 years
of ``f`` periods a year (624 weeks weekly). Outbreaks as in the paper: a start period, a number
of cases drawn from Poisson(k x the baseline standard deviation at the start), each case
delayed by a draw from the discretised log-normal (log-mean 0, log-sd 0.5, up to 20 periods;
R's ``lognormDiscrete``). Four past outbreaks in the first 11 years, of size k drawn from
{2, 3, 5, 10}; one current outbreak starting in the last year's first 44 periods (weekly),
k drawn from 1 to 10.

The scenario grid spans the paper's parameters (level theta, trend beta, seasonality m with
gamma1 0.2 and gamma2 0.6, Poisson and negative binomial phi) but is this benchmark's own:
the paper's scenario table could not be read (see bench/README.md). Every series is assessed at
every period of its last year by the improved method (``farrington.improved``: b 5, w 3, 10
periods, 26 weeks left out, reweighting at 2.58, nbPlugin, alpha 0.05) and by the original
Farrington method (``farringtonFlexible``'s defaults: b 5, w 3, no periods, w past weeks left
out, delta with the 2/3 power, alpha 0.05, trend at 0.05; and reweighting at 1, Farrington et
al. 1996's value). False positive rate (FPR): the share of last-year periods
with no case of the current outbreak that alarm. Probability of detection (POD): the share of
current outbreaks with at least one alarm while its cases are counted. Both per scenario group.
The result is printed as JSON and kept in bench/out/.
"""

import argparse
import itertools
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import stats

from nrm.intelligence.surveillance.farrington import Control, farrington_at, improved

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
YEARS = 12
PAST_SIZES = (2, 3, 5, 10)
GAMMA = (0.2, 0.6)


@dataclass(frozen=True)
class Scenario:
    theta: float
    beta: float
    m: int
    phi: float

    @property
    def groups(self) -> dict[str, str]:
        return {
            "distribution": "Poisson" if self.phi == 1 else f"negative binomial (phi {self.phi:g})",
            "trend": "trend" if self.beta else "no trend",
            "seasonality": f"m = {self.m}",
            "level": f"theta = {self.theta:g}",
        }


def scenarios(quick: bool) -> list[Scenario]:
    thetas = (0.5, 2.0, 3.5)
    betas = (0.0, 0.0015)
    seasons = (0, 1, 2) if not quick else (0, 2)
    phis = (1.0, 2.0)
    return [Scenario(*values) for values in itertools.product(thetas, betas, seasons, phis)]


def _delays() -> np.ndarray:
    """R's ``lognormDiscrete(20, 0, 0.5)``."""
    cdf = stats.lognorm.cdf(np.arange(0, 21), s=0.5, scale=1.0)
    return np.diff(cdf) / cdf[-1]


DELAYS = _delays()


def _mean(scenario: Scenario, t: np.ndarray, freq: int) -> np.ndarray:
    season = sum(
        GAMMA[0] * np.cos(2 * np.pi * j * t / freq) + GAMMA[1] * np.sin(2 * np.pi * j * t / freq)
        for j in range(1, scenario.m + 1)
    )
    return np.asarray(np.exp(scenario.theta + scenario.beta * t + season), dtype=float)


def _baseline(mu: np.ndarray, phi: float, rng: np.random.Generator) -> np.ndarray:
    if phi == 1:
        return rng.poisson(mu)
    size = mu / (phi - 1)
    return rng.negative_binomial(size, size / (size + mu))


def _outbreak(start: int, k: float, sd: float, n: int, rng: np.random.Generator) -> np.ndarray:
    cases = np.zeros(n, dtype=int)
    number = rng.poisson(k * sd)
    offsets = rng.choice(len(DELAYS), size=number, p=DELAYS)
    np.add.at(cases, np.minimum(start + offsets, n - 1), 1)
    return cases


def simulate(scenario: Scenario, freq: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One series and the current outbreak's cases per period."""
    rng = np.random.default_rng(seed)
    n = YEARS * freq
    t = np.arange(1, n + 1)
    mu = _mean(scenario, t, freq)
    sd = np.sqrt(scenario.phi * mu)
    y = _baseline(mu, scenario.phi, rng)
    for _ in range(4):
        start = int(rng.integers(0, n - freq - 20))
        y += _outbreak(start, float(rng.choice(PAST_SIZES)), float(sd[start]), n, rng)
    start = int(rng.integers(n - freq, n - freq + int(freq * 44 / 52)))
    current = _outbreak(start, float(rng.integers(1, 11)), float(sd[start]), n, rng)
    return y + current, current


def original(freq: int) -> Control:
    """Farrington et al. (1996) as ``farringtonFlexible`` runs it by default, with the
    original reweighting threshold of 1 (R's default there is 2.58)."""
    return Control(
        freq=freq,
        b=5,
        w=3 if freq == 52 else 1,
        weights_threshold=1.0,
        no_periods=1,
        past_periods_not_included=None,
        threshold_method="delta",
    )


def run_one(job: tuple[Scenario, int, int]) -> dict[str, object]:
    scenario, freq, seed = job
    y, current = simulate(scenario, freq, seed)
    n = len(y)
    last_year = range(n - freq + 1, n + 1)
    methods = {"improved": improved(freq), "original": original(freq)}
    out: dict[str, object] = {"scenario": scenario, "outbreak": bool(current.sum())}
    for name, control in methods.items():
        alarms = np.array([bool(farrington_at(y, k, control).alarm) for k in last_year])
        in_outbreak = current[n - freq :] > 0
        out[name] = {
            "false": int(alarms[~in_outbreak].sum()),
            "quiet": int((~in_outbreak).sum()),
            "detected": bool(alarms[in_outbreak].any()),
        }
    return out


def _summary(
    results: list[dict[str, object]], method: str
) -> dict[str, dict[str, dict[str, float]]]:
    table: dict[str, dict[str, dict[str, float]]] = {}
    for result in results:
        scenario = result["scenario"]
        assert isinstance(scenario, Scenario)
        counts = result[method]
        assert isinstance(counts, dict)
        for group, value in [*scenario.groups.items(), ("all", "all")]:
            cell = table.setdefault(group, {}).setdefault(
                value, {"false": 0, "quiet": 0, "outbreaks": 0, "detected": 0}
            )
            cell["false"] += counts["false"]
            cell["quiet"] += counts["quiet"]
            if result["outbreak"]:
                cell["outbreaks"] += 1
                cell["detected"] += counts["detected"]
    return {
        group: {
            value: {
                "FPR": round(cell["false"] / cell["quiet"], 4),
                "POD": round(cell["detected"] / cell["outbreaks"], 3)
                if cell["outbreaks"]
                else float("nan"),
                "series": cell["outbreaks"],
            }
            for value, cell in values.items()
        }
        for group, values in table.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--freq", type=int, default=52, choices=(52, 12))
    parser.add_argument("--seed", type=int, default=2013)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quick", action="store_true", help="2 repetitions of a smaller grid")
    args = parser.parse_args()
    reps = 2 if args.quick else args.reps
    grid = scenarios(args.quick)
    jobs = [
        (s, args.freq, args.seed * 100_003 + i * 1000 + r)
        for i, s in enumerate(grid)
        for r in range(reps)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(run_one, jobs, chunksize=4))
    elapsed = time.perf_counter() - started
    report = {
        "freq": args.freq,
        "scenarios": len(grid),
        "repetitions": reps,
        "series": len(jobs),
        "seconds": round(elapsed, 1),
        "workers": args.workers,
        "improved": _summary(results, "improved"),
        "original": _summary(results, "original"),
    }
    text = json.dumps(report, indent=2)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / f"surveillance_simulation_{args.freq}{'_quick' if args.quick else ''}.json").write_text(
        text + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
