"""Reads for the public site (``/official-statistics/``): the release calendar, and for each
released year its disclosure-controlled edition and the summary of the published-figure
verification. Nothing here takes an actor: these are the official statistics, readable by
anyone, and the guard is what they return: a year not released gives None, and an edition holds
only counts that passed disclosure control (``PUBLIC_RULE``), with the exact counts taken out of
the results it carries (``edition.presented_scrub``). Cached like the analyst's edition
(``nrm.statistics.cache``), under keys of their own."""

from dataclasses import dataclass, field

from nrm.standard.codes import ReleaseStatus
from nrm.statistics.cache import cache_key, cached
from nrm.statistics.disclosure import DisclosureRule
from nrm.statistics.edition import Edition, edition_compute, presented_scrub
from nrm.statistics.models import Release
from nrm.statistics.published.figures import published_years
from nrm.statistics.published.verify import verify
from nrm.statistics.selectors import referrals_current

# The public rule: counts from 1 to 9 suppressed, further counts suppressed so that none can be
# worked out from the totals, and every published count rounded to the nearest 5.
PUBLIC_RULE = DisclosureRule(threshold=10, round_to=5)
PUBLIC_FORMATS = ("csv", "ods")


def releases_released() -> list[Release]:
    """The released years, newest first."""
    return list(Release.objects.filter(status=ReleaseStatus.RELEASED).order_by("-year"))


def releases_announced() -> list[Release]:
    """The releases announced and not yet made, soonest first."""
    return list(
        Release.objects.filter(status=ReleaseStatus.ANNOUNCED).order_by("release_date", "year")
    )


def release_of(text: str) -> Release | None:
    """The release of the year named in an address, if that year is released."""
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    return Release.objects.filter(year=int(text), status=ReleaseStatus.RELEASED).first()


def _public(year: int) -> Edition:
    _fingerprint, referrals = referrals_current()
    edition, _exact = edition_compute(referrals, year, PUBLIC_RULE)
    edition.tables = [presented_scrub(t) for t in edition.tables]
    return edition


def public_edition_get(release: Release) -> Edition:
    """The disclosure-controlled edition of a released year (see the module's note)."""
    assert release.released
    fingerprint, _referrals = referrals_current()
    return cached(cache_key("public", fingerprint, release.year), lambda: _public(release.year))


@dataclass
class Inconsistency:
    table: str
    cell: str
    published: str
    explanation: str
    known: bool  # recorded in the reference README (else found from the published figures)


@dataclass
class TableChecks:
    table: str
    checked: int = 0
    match: int = 0


@dataclass
class VerificationSummary:
    """What the public page shows of a verification: counts and the publication's own
    inconsistencies with its figures, never a figure computed from the case store."""

    year: int
    checked: int = 0
    matching: int = 0
    new: int = 0
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    by_table: list[TableChecks] = field(default_factory=list)


def _summary(year: int) -> VerificationSummary:
    _fingerprint, referrals = referrals_current()
    verifier = verify(referrals, year=year)
    found = verifier.discrepancies
    summary = VerificationSummary(year=year, checked=len(verifier.checks))
    summary.matching = summary.checked - len(found)
    summary.new = sum(1 for c in found if not c.explained)
    summary.inconsistencies = [
        Inconsistency(c.table, c.cell, c.published, str(c.explained), c.known is not None)
        for c in found
        if c.explained
    ]
    tables: dict[str, TableChecks] = {}
    for check in verifier.checks:
        entry = tables.setdefault(check.table, TableChecks(check.table))
        entry.checked += 1
        entry.match += 1 if check.ok else 0
    summary.by_table = list(tables.values())
    return summary


def public_verification_get(release: Release) -> VerificationSummary | None:
    """The verification of a released year's published figures; None when there are no
    published figures for the year."""
    assert release.released
    if release.year not in published_years():
        return None
    fingerprint, _referrals = referrals_current()
    key = cache_key("public-verification", fingerprint, release.year)
    return cached(key, lambda: _summary(release.year))
