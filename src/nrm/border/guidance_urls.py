"""The border guidance's addresses (docs/border.md#guidance-for-border-staff)."""

from django.urls import path

from nrm.border import guidance_views

app_name = "border_guidance"

urlpatterns = [
    path("border/guidance/", guidance_views.ports, name="ports"),
    path("border/guidance/<str:port>/", guidance_views.port, name="port"),
]
