"""The counting rules: financial years, and the principal offence against all offences."""

from collections import Counter
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nrm.justice.rules import (
    Conviction,
    financial_year,
    is_trafficking,
    principal_offence,
    sentence_weight,
)
from nrm.standard import justice_codes as jc


def test_the_financial_year_starts_on_1_april():
    assert financial_year(date(2012, 3, 31)) == 2011
    assert financial_year(date(2012, 4, 1)) == 2012
    assert financial_year(date(2012, 12, 31)) == 2012
    assert financial_year(date(2013, 1, 1)) == 2012


def _conviction(key, offence, sentence="", months=None, fine=None, day=date(2011, 5, 1)):
    return Conviction(key, offence, day, sentence, months, fine)


def test_the_heaviest_sentence_makes_the_principal_offence():
    s57, s4, other = (jc.Offence.SEXUAL_OFFENCES_ACT_S57_59, jc.Offence.AITOC_S4,
                      jc.Offence.OTHER)  # fmt: skip
    custody = jc.SentenceKind.IMMEDIATE_CUSTODY
    chosen = principal_offence([
        _conviction(1, s57, custody, 24), _conviction(2, s4, custody, 60),
        _conviction(3, other, jc.SentenceKind.SUSPENDED_CUSTODY, 24),
    ])  # fmt: skip
    assert chosen is not None and chosen.key == 2
    # another offence with a heavier sentence is principal: the defendant is not counted as a
    # trafficker on the principal offence basis
    chosen = principal_offence(
        [_conviction(1, s57, custody, 24), _conviction(2, other, custody, 96)]
    )
    assert chosen is not None and chosen.offence == other
    # the same sentence: a trafficking offence before another
    chosen = principal_offence(
        [_conviction(1, other, custody, 24), _conviction(2, s57, custody, 24)]
    )
    assert chosen is not None and chosen.key == 2
    # a fine is lighter than any custody, a larger fine heavier than a smaller
    fine = jc.SentenceKind.FINE
    assert sentence_weight(_conviction(1, s4, fine, fine=500_00)) < sentence_weight(
        _conviction(2, s4, fine, fine=100_00)
    )
    assert sentence_weight(_conviction(1, s4, custody, 1)) < sentence_weight(
        _conviction(2, s4, fine, fine=10**9)
    )
    assert principal_offence([]) is None


_sentences = st.sampled_from(["", *[k.value for k in jc.SentenceKind]])


@st.composite
def _proceedings(draw):
    """Defendants in proceedings, each with the offences they were convicted of."""
    found = {}
    key = 0
    for defendant in range(draw(st.integers(0, 12))):
        convictions = []
        for _ in range(draw(st.integers(0, 5))):
            key += 1
            sentence = draw(_sentences)
            months = draw(st.integers(1, 200)) if sentence in jc.CUSTODIAL else None
            fine = draw(st.integers(1, 10**7)) if sentence == jc.SentenceKind.FINE else None
            offence = draw(st.sampled_from(list(jc.Offence)))
            day = draw(st.dates(date(2005, 1, 1), date(2013, 6, 30)))
            convictions.append(Conviction(key, offence, day, sentence, months, fine))
        found[defendant] = convictions
    return found


@given(_proceedings())
def test_principal_counts_never_exceed_all_offence_counts(proceedings):
    principal: Counter = Counter()
    every: Counter = Counter()
    for convictions in proceedings.values():
        chosen = principal_offence(convictions)
        # exactly one principal offence for each defendant-proceeding with a conviction
        assert (chosen is None) == (not convictions)
        if chosen is not None:
            assert chosen in convictions
            assert sum(1 for c in convictions if c.key == chosen.key) == 1
            assert all(sentence_weight(chosen) <= sentence_weight(c) for c in convictions)
            principal[jc.OFFENCE_CATEGORY[jc.Offence(chosen.offence)]] += 1
        for c in convictions:
            every[jc.OFFENCE_CATEGORY[jc.Offence(c.offence)]] += 1
    for category in jc.OffenceCategory:
        assert principal[category] <= every[category]
    assert sum(principal.values()) == sum(1 for c in proceedings.values() if c)
    trafficking = [c for cs in proceedings.values() for c in cs if is_trafficking(c.offence)]
    assert sum(n for k, n in principal.items() if k != jc.OffenceCategory.NOT_TRAFFICKING) <= len(
        trafficking
    )
