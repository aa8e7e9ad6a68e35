from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    """Graded intelligence reports with their entities and links."""

    name = "nrm.intelligence"
    label = "intelligence"
