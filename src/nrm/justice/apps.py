from django.apps import AppConfig


class JusticeConfig(AppConfig):
    name = "nrm.justice"
    label = "justice"
    default_auto_field = "django.db.models.BigAutoField"
