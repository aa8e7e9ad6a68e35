"""Referrals with accounts for the tests of similar accounts: a base account and near copies
of it, submitted as a first responder would."""

from typing import Any

from nrm.accounts.models import Organisation, User
from nrm.cases.models import Referral
from nrm.cases.referrals.services import referral_submit

BASE = (
    "A man I met at a cafe in the town promised me a job in a restaurant in London and paid "
    "for my ticket. When we arrived he took my passport and told me I owed him five thousand "
    "pounds for the journey. I was kept in a flat above a shop with four other women and was "
    "made to work every night. We were never allowed out alone and he kept all of the money. "
    "One night the police came to the flat and a woman from a charity helped me to find a "
    "safe place to stay."
)
# One word changed: the copy shares almost every run of three words with the base.
NEAR_COPY = BASE.replace("four other women", "three other women")
UNRELATED = (
    "I worked on a farm picking vegetables for a family friend who said he would pay me at "
    "the end of the season. He never paid and said I had to stay until my debt for the room "
    "was cleared. I slept in a caravan with six men and we worked from dawn until dark."
)


def submit(
    user: User,
    organisation: Organisation,
    valid_referral: dict[str, Any],
    account: str | None,
    **changes: Any,
) -> Referral:
    data = {**valid_referral, "account": account, **changes}
    return referral_submit(actor=user, data=data, organisation=organisation)
