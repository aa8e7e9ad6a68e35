"""The public site's addresses (docs/statistics.md, "The public site")."""

from django.urls import path

from nrm.statistics import public_views

app_name = "official"

urlpatterns = [
    path("official-statistics/", public_views.index_view, name="index"),
    path("official-statistics/calendar/", public_views.calendar_view, name="calendar"),
    path("official-statistics/<str:year>/", public_views.year_view, name="year"),
    path(
        "official-statistics/<str:year>/verification/",
        public_views.verification_view,
        name="verification",
    ),
    path(
        "official-statistics/<str:year>/<slug:spec_id>.<str:fmt>",
        public_views.table_download_view,
        name="table-download",
    ),
]
