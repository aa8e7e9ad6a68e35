"""The composition root as an installed app: it wires the parts together once every app is
loaded, so that no part imports one above it."""

from django.apps import AppConfig


class CompositionConfig(AppConfig):
    """Intake announces saved referrals (``referrals_saved``) without knowing who listens;
    intelligence, above it, checks each new account against the earlier ones once they are
    committed (docs/intelligence.md, "Similar accounts")."""

    name = "nrm.config"
    label = "nrm_config"

    def ready(self) -> None:
        from nrm.cases.referrals.signals import referrals_saved
        from nrm.intelligence.similar_services import referrals_saved_receive

        referrals_saved.connect(referrals_saved_receive, dispatch_uid="similar-accounts-check")
