"""The composition root as an installed app: it wires the parts together once every app is
loaded, so that no part imports one above it."""

from django.apps import AppConfig


class CompositionConfig(AppConfig):
    """Intake announces saved referrals (``referrals_saved``) without knowing who listens;
    intelligence, above it, checks each new account against the earlier ones once they are
    committed (docs/intelligence.md, "Similar accounts"). The report (statistics) counts the
    prosecutions and asset recovery of justice, above it, through the section justice offers."""

    name = "nrm.config"
    label = "nrm_config"

    def ready(self) -> None:
        from nrm.cases.referrals.signals import referrals_saved
        from nrm.intelligence.similar_services import referrals_saved_receive
        from nrm.justice.tables import SECTION as JUSTICE_SECTION
        from nrm.statistics.sections import section_register

        referrals_saved.connect(referrals_saved_receive, dispatch_uid="similar-accounts-check")
        section_register(JUSTICE_SECTION)
