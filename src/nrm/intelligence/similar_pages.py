"""How similar accounts read on the web: a cluster in a line of the queue (how many accounts,
when they were referred, the nationalities and first responder organisations), what a
cluster's referrals have in common, and an account with the passages it shares with the other
account marked.

A passage is shared when a run of three words (a shingle, the unit similarity is measured on)
is in both accounts; the words of every shared shingle are marked, and neighbouring marked words
join into one passage. The words are found in the text as the engine finds them
(``similar.shingles.words``), so what is marked is what was compared.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from nrm.cases.models import Referral
from nrm.cases.referrals.display import country, day
from nrm.intelligence.models import SimilarAccountCluster, SimilarClusterReview
from nrm.intelligence.similar.shingles import K, shingle_hash, words
from nrm.standard import codes

NOT_RECORDED = "Not recorded"
BY_OPERATOR = "The operator"
_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]+")


def alike(similarity: float) -> str:
    """A similarity in words: "93% alike" (rounded down, so never 100% unless identical)."""
    return f"{int(similarity * 100)}% alike"


def _dates(first: date, last: date) -> str:
    if first == last:
        return day(first)
    if first.year == last.year:
        start = f"{first.day} {first:%B}" if first.month != last.month else f"{first.day}"
        return f"{start} to {day(last)}"
    return f"{day(first)} to {day(last)}"


def _counted(values: Iterable[str], limit: int = 4) -> str:
    """Values with how often each occurs, commonest first: "Albania (20), Kosovo (2)"."""
    counts = Counter(value for value in values if value)
    if not counts:
        return NOT_RECORDED
    shown = [f"{value} ({n})" for value, n in counts.most_common(limit)]
    rest = len(counts) - limit
    if rest > 0:
        shown.append(f"{rest} more")
    return ", ".join(shown)


def nationalities(referral: Referral) -> list[str]:
    """The nationalities the person claimed, as country names."""
    return [country(n.country) for n in getattr(referral, "claimed", [])]


def _exploitation(referral: Referral) -> str:
    return str(codes.ExploitationType(referral.exploitation_type).label)


def reviewer(review: SimilarClusterReview) -> str:
    who = review.reviewed_by
    return (who.get_full_name() or who.username) if who is not None else BY_OPERATOR


def review_words(review: SimilarClusterReview | None, as_is: bool) -> dict[str, Any] | None:
    """The latest review of a cluster, in words; ``changed`` when accounts have joined or left
    the cluster since."""
    if review is None:
        return None
    return {
        "by": reviewer(review),
        "when": review.reviewed_at,
        "note": review.note,
        "changed": not as_is,
        "accounts": len(review.referrals),
    }


def queue_row(
    cluster: SimilarAccountCluster,
    referrals: list[Referral],
    review: SimilarClusterReview | None,
) -> dict[str, Any]:
    """A cluster as a row of the queue."""
    as_is = review is not None and sorted(review.referrals) == sorted(r.pk for r in referrals)
    return {
        "id": cluster.pk,
        "size": cluster.size,
        "dates": _dates(cluster.first_date, cluster.last_date),
        "nationalities": _counted(n for r in referrals for n in nationalities(r)[:1]),
        "organisations": _counted(r.organisation.name for r in referrals),
        "review": review_words(review, as_is),
    }


def shared_rows(cluster: SimilarAccountCluster, referrals: list[Referral]) -> list[dict[str, str]]:
    """What the cluster's referrals have in common, each with how many share it."""
    rows = [
        ("Accounts", str(len(referrals))),
        ("Referred", _dates(cluster.first_date, cluster.last_date)),
        ("First responder organisations", _counted(r.organisation.name for r in referrals)),
        ("Nationality claimed", _counted(n for r in referrals for n in nationalities(r)[:1])),
        ("Exploitation", _counted(_exploitation(r) for r in referrals)),
        (
            "Where they were referred",
            _counted(str(codes.PoliceRegion(r.police_region).label) for r in referrals),
        ),
    ]
    return [{"key": key, "value": value} for key, value in rows]


def member_row(referral: Referral) -> dict[str, str]:
    return {
        "reference": referral.reference,
        "date": day(referral.referral_date),
        "organisation": referral.organisation.name,
        "nationality": ", ".join(nationalities(referral)) or NOT_RECORDED,
        "exploitation": _exploitation(referral),
    }


def _word_spans(text: str) -> list[tuple[int, int]] | None:
    """Where each of the text's words (as ``words`` finds them) is in the text, or None when
    they cannot be placed (a normalisation that changes the words' boundaries)."""
    spans: list[tuple[int, int]] = []
    found: list[str] = []
    for match in _WORD.finditer(text):
        parts = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", match.group()).casefold())
        for part in parts.split():
            spans.append(match.span())
            found.append(part)
    try:
        expected = words(text)
    except (TypeError, ValueError):
        return None
    return spans if found == expected else None


def _shared_words(tokens: list[str], theirs: frozenset[int]) -> list[bool]:
    if len(tokens) < K:
        return [shingle_hash(" ".join(tokens)) in theirs] * len(tokens)
    shared = [False] * len(tokens)
    for start in range(len(tokens) - K + 1):
        if shingle_hash(" ".join(tokens[start : start + K])) in theirs:
            shared[start : start + K] = [True] * K
    return shared


def _lines(segments: list[tuple[str, bool]]) -> list[list[dict[str, Any]]]:
    """The segments cut at line breaks: a list of lines, each a list of segments (blank lines
    dropped), for a page that shows each line as a paragraph."""
    lines: list[list[dict[str, Any]]] = [[]]
    for text, marked in segments:
        for number, piece in enumerate(text.replace("\r", "").split("\n")):
            if number:
                lines.append([])
            if piece:
                lines[-1].append({"text": piece, "marked": marked})
    return [line for line in lines if any(part["text"].strip() for part in line)]


def passages(text: str, theirs: frozenset[int] | None) -> dict[str, Any]:
    """The account ``text`` as lines of segments, the passages it shares with the other
    account (whose hashed shingles are ``theirs``) marked, and how many of its words are in
    them. Text whose words cannot be placed is shown unmarked."""
    spans = _word_spans(text)
    if spans is None or not spans or theirs is None:
        return {"lines": _lines([(text, False)]), "shared": 0, "words": len(spans or [])}
    shared = _shared_words(words(text), theirs)
    segments: list[tuple[str, bool]] = []
    at = 0
    index = 0
    while index < len(spans):
        if not shared[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(spans) and shared[end + 1]:
            end += 1
        start_char, end_char = spans[index][0], spans[end][1]
        if start_char > at:
            segments.append((text[at:start_char], False))
        segments.append((text[start_char:end_char], True))
        at = end_char
        index = end + 1
    if at < len(text):
        segments.append((text[at:], False))
    return {"lines": _lines(segments), "shared": sum(shared), "words": len(spans)}
