"""The periods of the decision process, each defined here once.

The 2013 guidance: the reasonable grounds decision is due 5 working days (of the UK nation
concerned) after the referral is received; a positive one opens a recovery and reflection period
of at least 45 days, reviewed on its 30th day. An installation may lengthen them through its
settings (docs/settings.md); the recovery period never falls below 45 days.
"""

from dataclasses import dataclass

from django.conf import settings

MINIMUM_RECOVERY_DAYS = 45


@dataclass(frozen=True)
class Periods:
    rg_due_working_days: int = 5
    recovery_days: int = MINIMUM_RECOVERY_DAYS
    review_day: int = 30

    def __post_init__(self) -> None:
        object.__setattr__(self, "recovery_days", max(MINIMUM_RECOVERY_DAYS, self.recovery_days))


POLICY = Periods()


def periods_configured() -> Periods:
    """The periods of this installation: the policy's, except those its settings change."""
    given = {
        name: getattr(settings, setting)
        for name, setting in (
            ("rg_due_working_days", "NRM_RG_DUE_WORKING_DAYS"),
            ("recovery_days", "NRM_RECOVERY_DAYS"),
            ("review_day", "NRM_REVIEW_DAY"),
        )
        if getattr(settings, setting, None) is not None
    }
    return Periods(**given)
