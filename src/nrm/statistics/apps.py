from django.apps import AppConfig


class StatisticsConfig(AppConfig):
    name = "nrm.statistics"
    label = "statistics"
