from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "nrm.border"
    label = "border"
    default_auto_field = "django.db.models.BigAutoField"
