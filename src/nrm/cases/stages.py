"""The stages a case passes through and the entries its timeline holds, with the words people
read for them. The one home of these labels: pages, tags and timelines all read them here.

Plain code lists (no models, no database), so the pure rules in ``casework/state.py`` and the
import workers can use them before Django has loaded its apps.
"""

from datetime import date

from django.db import models


class Stage(models.TextChoices):
    AWAITING_RG = "awaiting_rg", "Awaiting reasonable grounds decision"
    RECOVERY = "recovery", "Recovery and reflection period"
    SUSPENDED = "suspended", "Suspended"
    RG_NEGATIVE = "rg_negative", "Negative reasonable grounds decision"
    CG_POSITIVE = "cg_positive", "Positive conclusive grounds decision"
    CG_NEGATIVE = "cg_negative", "Negative conclusive grounds decision"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN = frozenset({Stage.AWAITING_RG, Stage.RECOVERY})
NEGATIVE = frozenset({Stage.RG_NEGATIVE, Stage.CG_NEGATIVE})
NOT_CLOSED = OPEN | {Stage.SUSPENDED}

# The short text and colour of a stage's tag in lists (GOV.UK tag colours).
STAGE_TAG: dict[Stage, tuple[str, str]] = {
    Stage.AWAITING_RG: ("Awaiting RG decision", "blue"),
    Stage.RECOVERY: ("Recovery period", "turquoise"),
    Stage.SUSPENDED: ("Suspended", "yellow"),
    Stage.RG_NEGATIVE: ("Negative RG", "red"),
    Stage.CG_POSITIVE: ("Positive CG", "green"),
    Stage.CG_NEGATIVE: ("Negative CG", "red"),
    Stage.WITHDRAWN: ("Withdrawn", "grey"),
}


class Event(models.TextChoices):
    """What moves a case through the state machine (``casework/state.py``)."""

    RG_POSITIVE = "rg_positive", "Positive reasonable grounds decision"
    RG_NEGATIVE = "rg_negative", "Negative reasonable grounds decision"
    CG_POSITIVE = "cg_positive", "Positive conclusive grounds decision"
    CG_NEGATIVE = "cg_negative", "Negative conclusive grounds decision"
    SUSPEND = "suspend", "Case suspended"
    RESUME = "resume", "Case resumed"
    WITHDRAW = "withdraw", "Case withdrawn"
    EXTEND_RECOVERY = "extend_recovery", "Recovery period extended"
    RECONSIDER = "reconsider", "Reconsideration requested"


class Change(models.TextChoices):
    """What changes or annotates a case without moving it to another stage."""

    REALLOCATE = "reallocate", "Reallocated"
    ASSIGN = "assign", "Assigned"
    EDIT = "edit", "Case summary edited"
    NOTE = "note", "Note"
    REVIEW = "review", "Day-30 review recorded"


class Requester(models.TextChoices):
    """Who asks for a reconsideration."""

    FIRST_RESPONDER = "first_responder", "First responder"
    SUPPORT_PROVIDER = "support_provider", "Support provider"
    OTHER = "other", "Other"


def stage_label(stage: str) -> str:
    """What people read for a stage (the code itself for one this version does not know)."""
    return str(Stage(stage).label) if stage in Stage.values else stage


def stage_tag(stage: str) -> tuple[str, str]:
    """(text, colour) of a stage's tag."""
    if stage in Stage.values:
        return STAGE_TAG[Stage(stage)]
    return stage.replace("_", " ").capitalize(), "grey"


# Every kind of entry on a case's timeline.
TIMELINE_CHOICES = [*Event.choices, *Change.choices]
_TIMELINE_LABELS = dict(TIMELINE_CHOICES)


def event_label(event: str) -> str:
    """What people read for a timeline entry."""
    return str(_TIMELINE_LABELS.get(event) or event.replace("_", " ").capitalize())


OVERDUE = "Overdue"
DUE_TODAY = "Due today"


def deadline_tag(due_on: date | None, *, today: date) -> tuple[str, str] | None:
    """(text, colour) of the deadline tag: overdue (red), due today (orange), days left."""
    if due_on is None:
        return None
    left = (due_on - today).days
    if left < 0:
        return OVERDUE, "red"
    if left == 0:
        return DUE_TODAY, "orange"
    return (f"{left} day left" if left == 1 else f"{left} days left"), "blue"
