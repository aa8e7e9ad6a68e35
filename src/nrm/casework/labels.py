"""What people read for the stages and timeline entries of a case (the web pages)."""

from datetime import date

from nrm.casework.state import Event, Stage

STAGE_LABEL = {
    Stage.AWAITING_RG: "Awaiting reasonable grounds decision",
    Stage.RECOVERY: "Recovery and reflection period",
    Stage.SUSPENDED: "Suspended",
    Stage.RG_NEGATIVE: "Negative reasonable grounds decision",
    Stage.CG_POSITIVE: "Positive conclusive grounds decision",
    Stage.CG_NEGATIVE: "Negative conclusive grounds decision",
    Stage.WITHDRAWN: "Withdrawn",
}

EVENT_LABEL = {
    Event.RG_POSITIVE.value: "Positive reasonable grounds decision",
    Event.RG_NEGATIVE.value: "Negative reasonable grounds decision",
    Event.CG_POSITIVE.value: "Positive conclusive grounds decision",
    Event.CG_NEGATIVE.value: "Negative conclusive grounds decision",
    Event.SUSPEND.value: "Case suspended",
    Event.RESUME.value: "Case resumed",
    Event.WITHDRAW.value: "Case withdrawn",
    Event.EXTEND_RECOVERY.value: "Recovery period extended",
    Event.RECONSIDER.value: "Reconsideration requested",
    "reallocate": "Reallocated",
    "assign": "Assigned",
    "edit": "Case summary edited",
    "note": "Note",
    "review": "Day-30 review recorded",
}

OVERDUE = "Overdue"
DUE_TODAY = "Due today"


def stage_label(stage: str) -> str:
    return STAGE_LABEL[Stage(stage)] if stage in set(Stage) else stage


def event_label(event: str) -> str:
    return EVENT_LABEL.get(event, event.replace("_", " ").capitalize())


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
