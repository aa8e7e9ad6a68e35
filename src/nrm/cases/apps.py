from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The case domain: referrals (intake and its doors) and casework (allocation, decisions,
    deadlines). One app, because a case is its referral's aggregate."""

    name = "nrm.cases"
    label = "cases"
