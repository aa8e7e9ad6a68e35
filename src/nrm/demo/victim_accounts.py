"""The people's accounts in the demo: generated, varied, and one planted group of near copies.

About one referral in seven carries the person's account (``people.to_record`` decides which).
Each account is generated from the sentence templates of the similar-accounts engine's
generated accounts (``nrm.intelligence.similar.synthetic``: recruitment, travel, the
exploitation, control and escape, slots and alternatives filled at random) for the referral's
kind of exploitation, with a little paraphrase noise, so that two ordinary accounts are never
near copies of each other. All of it is invented.

The planted group: ``ALBANIAN_GROUP`` of the Albanian referrals of 2012 (chosen by claimed
nationality and year, whatever their dates) carry one account told again and again with a few
words changed, so the similar-accounts search finds them as one group (docs/demo-data.md). The
accounts come from their own random stream, so the rest of the demo is as it was.
"""

import random
from typing import Any

from nrm.intelligence.similar.synthetic import account_generate, paraphrase

ALBANIAN_GROUP = 24
ALBANIAN = "ALB"
GROUP_YEAR = "2012"
_KINDS = {
    "sexual": "sexual",
    "labour": "labour",
    "domestic_servitude": "domestic",
    "criminal": "criminal",
    "organ_harvesting": "labour",
}
_ANY_KIND = ("sexual", "labour", "domestic", "criminal")
_LEAST_SENTENCES = 5  # a brief account could match another brief one by chance
# How far each copy of the planted account strays from it (see ``synthetic.STRENGTHS``).
_COPY_STRENGTHS = ("surface", "light", "light", "light")

# The planted account, invented: one story, told in these words by every person of the group.
PLANTED = (
    "My boyfriend promised that we would marry and that I could work in a restaurant in London.",
    "We left Tirana by car in the spring and drove to Durres, where we took the ferry to Italy.",
    "From Italy a man I did not know drove us through France in the back of a van.",
    "When we arrived in England my boyfriend took my passport and my phone.",
    "He said that I owed him ten thousand euros for the journey and the papers.",
    "He told me that I had to work with men in a flat to pay back the debt.",
    "Other girls from Albania lived in the flat and we were moved to a new town every few weeks.",
    "We were never allowed out alone and he kept all of the money.",
    "He said that if I went to the police he would hurt my family at home.",
    "In the end the police came to the flat and a woman from a charity helped me.",
)


def demo_account(exploitation_type: str, rng: random.Random) -> str:
    """An ordinary account for a referral of ``exploitation_type``: generated, five sentences
    or more, with light paraphrase noise."""
    kind = _KINDS.get(exploitation_type) or rng.choice(_ANY_KIND)
    sentences = account_generate(kind, rng)
    while len(sentences) < _LEAST_SENTENCES:
        sentences = account_generate(kind, rng)
    return paraphrase(sentences, "light", rng)


def planted_copy(rng: random.Random) -> str:
    """The planted account, told again with a few words changed."""
    return paraphrase(list(PLANTED), rng.choice(_COPY_STRENGTHS), rng)


def _in_group(record: dict[str, Any]) -> bool:
    return str(record["referral_date"]).startswith(GROUP_YEAR) and ALBANIAN in (
        record.get("claimed_nationalities") or []
    )


def accounts_apply(records: list[dict[str, Any]]) -> None:
    """Give each record that carries an account a generated one, and the planted group its
    near copies (in place, deterministic)."""
    rng = random.Random("open-nrm-demo/accounts")
    candidates = [index for index, record in enumerate(records) if _in_group(record)]
    group = set(rng.sample(candidates, min(ALBANIAN_GROUP, len(candidates))))
    for index, record in enumerate(records):
        if index in group:
            record["account"] = planted_copy(rng)
        elif record.get("account"):
            record["account"] = demo_account(str(record["exploitation_type"]), rng)
