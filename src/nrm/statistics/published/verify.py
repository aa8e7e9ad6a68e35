"""Verification of the published figures: every computed table compared, figure by figure, with
the reference files (``figures.REFERENCE_DIR``), printing matches and discrepancies.

Each discrepancy shows the published figure and the figure it should be. Discrepancies that the
reference README records are marked ``[KNOWN]`` with its explanation; those the published
figures themselves prove impossible, beyond the README's list, ``[FOUND]`` with the proof; any
other is ``[NEW]`` (a difference between the case store and the publication).
The known inconsistencies that cannot be computed from referral records are listed as such.
"""

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import ibis

from nrm.statistics.published.chapter1 import (
    check_decisions,
    check_fig01_fig02,
    check_t01_t03,
    check_t01_vs_t02,
    check_t06_fig03,
    check_t07,
    check_t08_fig06,
)
from nrm.statistics.published.chapter3 import check_t22, check_t23_t25, check_t24
from nrm.statistics.published.known import NOT_ASSESSED, NOT_FROM_REFERRALS, NOT_SUPPORTED
from nrm.statistics.published.paragraphs import check_paragraphs, check_press_release_regions
from nrm.statistics.published.table9_check import check_t09
from nrm.statistics.published.verifier import Verifier

CHECKERS: tuple[Callable[[Verifier], None], ...] = (
    check_t01_t03,
    check_t01_vs_t02,
    check_decisions,
    check_t06_fig03,
    check_t07,
    check_t08_fig06,
    check_t09,
    check_t22,
    check_t23_t25,
    check_t24,
    check_fig01_fig02,
    check_paragraphs,
    check_press_release_regions,
)


def verify(
    referrals: ibis.Table,
    *,
    year: int,
    reference: Path | None = None,
    checkers: Sequence[Callable[[Verifier], None]] = (),
) -> Verifier:
    """Run every check that applies to ``year`` (with the reference files of ``reference``, by
    default the package's own), and the ``checkers`` of the parts above the statistics (the
    strategic assessment's); the verifier holds the checks."""
    verifier = Verifier(referrals, year=year, reference=reference)
    for checker in (*CHECKERS, *checkers):
        checker(verifier)
    verifier.extra_checked = bool(checkers)
    return verifier


def verify_lines(verifier: Verifier, *, show_all: bool = False) -> list[str]:
    lines: list[str] = []
    if show_all:
        lines += [f"MATCH {c.table}: {c.cell}: {c.published}" for c in verifier.checks if c.ok]
    found = verifier.discrepancies
    known = [c for c in found if c.known]
    beyond = [c for c in found if c.found]
    new = [c for c in found if not c.explained]
    lines.append(
        f"{verifier.year}: {len(verifier.checks)} published figures checked, "
        f"{len(verifier.checks) - len(found)} match, {len(found)} differ "
        f"({len(known)} known published inconsistencies, {len(beyond)} found beyond the "
        f"reference README, {len(new)} new)"
    )
    for c in found:
        tag = "[KNOWN]" if c.known else "[FOUND]" if c.found else "[NEW]"
        lines.append(f"{tag} {c.table}: {c.cell}: published {c.published}, should be {c.computed}")
        if c.explained:
            lines.append(f"        {c.explained}")
    if verifier.notes:
        lines.append(
            "Cells the reference did not recover or reconstructed, and figures not checked:"
        )
        lines += [f"  - {text}" for text in verifier.notes]
    if verifier.year == 2012:
        lines.append("Known inconsistencies not computed from referral records (not checked here):")
        lines += [f"  - {text}" for text in NOT_FROM_REFERRALS if text not in verifier.covered]
        if not verifier.extra_checked:
            lines.append(f"  - {NOT_ASSESSED}")
            lines.append(f"  - {NOT_SUPPORTED}")
    return lines


def verify_print(verifier: Verifier, *, show_all: bool = False) -> int:
    """Print the verification; exit code 0 when every discrepancy is explained, else 1."""
    for line in verify_lines(verifier, show_all=show_all):
        print(line)
    if not verifier.checks:
        print(f"no published figures for {verifier.year}", file=sys.stderr)
        return 1
    return 0 if all(c.explained for c in verifier.discrepancies) else 1
