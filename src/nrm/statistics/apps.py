from django.apps import AppConfig

from nrm.statistics.sections import section_register
from nrm.statistics.support_extract import SUPPORT_SECTION


class StatisticsConfig(AppConfig):
    name = "nrm.statistics"
    label = "statistics"

    def ready(self) -> None:
        # The support tables (chapter 5) are the statistics' own: support sits below them.
        section_register(SUPPORT_SECTION)
