"""The same tables as the statistics specs, written by hand: DuckDB SQL and plain pandas.

These are the benchmark's baselines (bench/stats_bench.py): for report year Y, every table's
grouped counts, with the rankings the tables need. They are not used by Open NRM itself.
"""

from typing import Any


def sql_queries(year: int) -> dict[str, str]:
    """One hand-written DuckDB query per table, against a relation named ``r``."""
    y0, y1, first = year, year - 1, year - 3
    both = f"referral_year IN ({y1}, {y0})"
    four = f"referral_year BETWEEN {first} AND {y0}"
    one = f"referral_year = {y0}"

    def by_year(column: str) -> str:
        return f"SELECT {column}, referral_year, count(*) AS n FROM r WHERE {both} GROUP BY ALL"

    def simple(columns: str, where: str = one) -> str:
        return f"SELECT {columns}, count(*) AS n FROM r WHERE {where} GROUP BY ALL"

    def top_by_year(where: str, top: int) -> str:
        return (
            "WITH c AS (SELECT nationality, referral_year, count(*) AS n FROM r "
            f"WHERE {four} AND {where} GROUP BY ALL), "
            "p AS (SELECT *, rank() OVER (PARTITION BY referral_year ORDER BY n DESC) AS pos "
            "FROM c), "
            "t AS (SELECT nationality, sum(n) AS total, rank() OVER (ORDER BY sum(n) DESC) AS rk "
            "FROM c GROUP BY ALL) "
            f"SELECT p.*, t.total, t.rk FROM p JOIN t USING (nationality) WHERE t.rk <= {top}"
        )

    return {
        "t01": by_year("nation"),
        "t02": by_year("police_region"),
        "t03": by_year("exploitation_region"),
        "t04": simple("rg_outcome"),
        "t05": simple("cg_outcome", f"{one} AND rg_outcome = 'positive'"),
        "t06": (
            f"WITH c AS (SELECT nationality, count(*) FILTER (WHERE referral_year = {y1}) AS a, "
            f"count(*) FILTER (WHERE referral_year = {y0}) AS b FROM r WHERE {both} GROUP BY ALL) "
            "SELECT *, rank() OVER (ORDER BY a DESC) AS pa, rank() OVER (ORDER BY b DESC) AS rk "
            "FROM c QUALIFY rk <= 10"
        ),
        "t07": (
            "SELECT nation, nationality, count(*) AS n, "
            "rank() OVER (PARTITION BY nation ORDER BY count(*) DESC) AS rk "
            f"FROM r WHERE {one} GROUP BY nation, nationality QUALIFY rk <= 3"
        ),
        "t08": simple("nation, exploitation_type", f"{one} AND age_group = 'minor'"),
        "t09": simple("nationality, exploitation_type, gender", f"{one} AND age_group = 'minor'"),
        "fig01": simple("nation"),
        "fig02": simple("competent_authority"),
        "fig03": (
            "SELECT nationality, count(*) AS n, rank() OVER (ORDER BY count(*) DESC) AS rk "
            f"FROM r WHERE {one} GROUP BY nationality QUALIFY rk <= 10"
        ),
        "fig04": (
            "WITH c AS (SELECT nationality, referral_quarter, count(*) AS n FROM r "
            f"WHERE {one} GROUP BY ALL), "
            "t AS (SELECT nationality, rank() OVER (ORDER BY sum(n) DESC) AS rk "
            "FROM c GROUP BY ALL) "
            "SELECT c.*, t.rk FROM c JOIN t USING (nationality) WHERE t.rk <= 6"
        ),
        "fig05": simple("first_responder_type, nation"),
        "fig06": simple("exploitation_type, age_group"),
        "fig07": simple("exploitation_type, referral_year, age_group", both),
        "gender": simple("gender, age_group"),
        "immigration": simple("linked_immigration_interest"),
        "t22": simple("age_group, referral_year", four),
        "t23": top_by_year("age_group = 'adult'", 10),
        "t24": (
            "SELECT referral_year, nationality, count(*) AS n, "
            "rank() OVER (PARTITION BY referral_year ORDER BY count(*) DESC) AS rk FROM r "
            f"WHERE {four} AND age_group = 'adult' "
            "GROUP BY referral_year, nationality QUALIFY rk <= 10"
        ),
        "t25": top_by_year("age_group = 'minor'", 10),
    }


def pandas_tables(df: Any, year: int) -> dict[str, Any]:
    """The same tables with plain pandas (groupby and rank)."""
    y0, y1 = year, year - 1
    ry = df["referral_year"]
    one, both, four = df[ry == y0], df[ry.isin([y1, y0])], df[ry.between(y0 - 3, y0)]
    minors = one[one["age_group"] == "minor"]

    def size(frame: Any, columns: list[str]) -> Any:
        return frame.groupby(columns, observed=True, dropna=False).size()

    def top(series: Any, n: int) -> Any:
        ranks = series.rank(method="min", ascending=False)
        return series[ranks <= n]

    def top_by_year(frame: Any, n: int) -> Any:
        counts = size(frame, ["nationality", "referral_year"]).unstack(fill_value=0)
        positions = counts.rank(method="min", ascending=False)
        totals = counts.sum(axis=1)
        keep = totals.rank(method="min", ascending=False) <= n
        return counts[keep], positions[keep]

    out: dict[str, Any] = {}
    for name, column in (("t01", "nation"), ("t02", "police_region"),
                         ("t03", "exploitation_region")):  # fmt: skip
        out[name] = size(both, [column, "referral_year"])
    out["t04"] = size(one, ["rg_outcome"])
    out["t05"] = size(one[one["rg_outcome"] == "positive"], ["cg_outcome"])
    six = size(both, ["nationality", "referral_year"]).unstack(fill_value=0)
    out["t06"] = (top(six[y0], 10), six.rank(method="min", ascending=False))
    seven = size(one, ["nation", "nationality"])
    out["t07"] = seven[seven.groupby(level=0).rank(method="min", ascending=False) <= 3]
    out["t08"] = size(minors, ["nation", "exploitation_type"])
    out["t09"] = size(minors, ["nationality", "exploitation_type", "gender"])
    out["fig01"] = size(one, ["nation"])
    out["fig02"] = size(one, ["competent_authority"])
    out["fig03"] = top(size(one, ["nationality"]), 10)
    quarters = size(one, ["nationality", "referral_quarter"]).unstack(fill_value=0)
    out["fig04"] = quarters[quarters.sum(axis=1).rank(method="min", ascending=False) <= 6]
    out["fig05"] = size(one, ["first_responder_type", "nation"])
    out["fig06"] = size(one, ["exploitation_type", "age_group"])
    out["fig07"] = size(both, ["exploitation_type", "referral_year", "age_group"])
    out["gender"] = size(one, ["gender", "age_group"])
    out["immigration"] = size(one, ["linked_immigration_interest"])
    out["t22"] = size(four, ["age_group", "referral_year"])
    out["t23"] = top_by_year(four[four["age_group"] == "adult"], 10)
    adults = size(four[four["age_group"] == "adult"], ["referral_year", "nationality"])
    out["t24"] = adults[adults.groupby(level=0).rank(method="min", ascending=False) <= 10]
    out["t25"] = top_by_year(four[four["age_group"] == "minor"], 10)
    return out
