"""What intake tells the parts above it without knowing them. ``referrals_saved`` is sent in
the transaction that saved referrals, with their ids (``referral_ids``); a receiver that acts on
them does so once the transaction commits (``transaction.on_commit``), and a receiver's failure
never fails the save: it is logged with the number of referrals alone."""

import logging
from collections.abc import Sequence

from django.dispatch import Signal

from nrm.cases.models import Referral

logger = logging.getLogger(__name__)

referrals_saved = Signal()

RECEIVER_FAILED = "A receiver of saved referrals failed (%s) for %d referrals"


def referrals_saved_send(referral_ids: Sequence[int]) -> None:
    """Tell the receivers that the referrals ``referral_ids`` were saved."""
    if not referral_ids:
        return
    sent = referrals_saved.send_robust(sender=Referral, referral_ids=list(referral_ids))
    for _receiver, result in sent:
        if isinstance(result, Exception):
            logger.error(RECEIVER_FAILED, type(result).__name__, len(referral_ids))
