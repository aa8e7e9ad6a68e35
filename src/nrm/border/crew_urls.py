"""The crew line's addresses (docs/crew-line.md)."""

from django.urls import path

from nrm.border import crew_views

app_name = "crew"

urlpatterns = [
    path("crew-line/", crew_views.report_public, name="report"),
    path("crew-line/calls/new/", crew_views.report_call, name="call"),
    path("border/crew-reports/", crew_views.queue, name="queue"),
    path("border/crew-reports/<str:reference>/", crew_views.detail, name="detail"),
    path("border/crew-reports/<str:reference>/outcome/", crew_views.outcome, name="outcome"),
]
