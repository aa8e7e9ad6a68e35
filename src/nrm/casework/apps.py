from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "nrm.casework"
    label = "casework"
