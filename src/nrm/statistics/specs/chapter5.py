"""Chapter 5: support for victims. The second Table 19 (para 5.26), the Salvation Army's
referrals by region over its contract year, counted on the support extract
(``nrm.statistics.support_extract``), not on the referrals'."""

from nrm.statistics.specs.model import Spec

CHAPTER_5: tuple[Spec, ...] = (
    Spec(
        id="t19b",
        number="Table 19 (chapter 5)",
        title="Referrals to the Salvation Army for support, by region",
        rows=("support_region",),
        total_row=True,
        counted="Referrals to the Salvation Army for support",
        year_column="support_year",
        notes=(
            "Counts people referred to the Salvation Army, which supports adult victims in "
            "England and Wales, on the day they were referred to it, from 1 July to 30 June "
            "(its contract year). The region is the one the Salvation Army supports the person "
            "in; not known where none was recorded."
        ),
    ),
)

BY_ID: dict[str, Spec] = {spec.id: spec for spec in CHAPTER_5}
