"""What the intelligence services refuse with."""

from nrm.standard.validation import FieldError


class ReportInvalid(Exception):
    """The report breaks the data standard; nothing was saved. ``errors`` says where and why."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors[0].message if errors else "invalid")
        self.errors = errors


NOT_FOUND = "No intelligence report with that reference is visible to you"
ORGANISATION_REQUIRED = (
    "Name the organisation recording the report, by its code, for example met-police"
)
UNKNOWN_ORGANISATION = "{value} is not an organisation we know. Name it by its code: {allowed}"
OTHER_ORGANISATION = (
    "You can record reports only for your own organisation, {name}. Leave the organisation "
    "out, or give {own}"
)


class ResolutionImpossible(Exception):
    """People cannot be resolved now (too few records to learn from); nothing was changed."""


class PairNotFound(Exception):
    """No pair of records waiting for review with those records is visible to the actor."""


NOTHING_TO_RESOLVE = (
    "There is no one to resolve yet: no referral or intelligence report names a person. "
    "Nothing was changed."
)
NOT_RESOLVED = (
    "People were not resolved and nothing was changed: the {count} person records could not "
    "be scored ({reason})."
)
PAIR_NOT_FOUND = "Those records are not waiting for review, or you may not see them"


class ClusterNotFound(Exception):
    """No cluster of similar accounts with that id is in the latest run."""


CLUSTER_NOT_FOUND = "There is no such group of similar accounts in the latest search"
