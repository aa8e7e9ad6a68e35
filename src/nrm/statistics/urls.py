from django.urls import path

from nrm.statistics import views

app_name = "statistics"

urlpatterns = [
    path("statistics/", views.index_view, name="index"),
    path("statistics/<str:year>/", views.year_view, name="year"),
    path("statistics/<str:year>/verification/", views.verification_view, name="verification"),
    path("statistics/<str:year>/report.zip", views.report_download_view, name="report-download"),
    path(
        "statistics/<str:year>/<slug:spec_id>.<str:fmt>",
        views.table_download_view,
        name="table-download",
    ),
]
