from django.urls import path

from nrm.intelligence import (
    assessment_views,
    ocg_link_views,
    ocg_views,
    review_views,
    similar_views,
    surge_views,
    views,
)

app_name = "intelligence"

urlpatterns = [
    path("intelligence/", views.index, name="index"),
    path("intelligence/new/", views.report_new, name="new"),
    path("intelligence/reports/<str:report_reference>/", views.report_detail, name="report"),
    path("intelligence/network/<str:node>/", views.network, name="network"),
    path("intelligence/ocgs/", ocg_views.ocg_index, name="ocgs"),
    path("intelligence/ocgs/tables/", ocg_views.ocg_tables, name="ocg-tables"),
    path("intelligence/ocgs/<str:ocg>/", ocg_views.ocg_detail, name="ocg"),
    path(
        "intelligence/prosecutions/<int:prosecution_id>/ocgs/",
        ocg_link_views.prosecution_ocgs,
        name="prosecution-ocgs",
    ),
    path(
        "intelligence/prosecutions/<int:prosecution_id>/ocgs/unlink/",
        ocg_link_views.prosecution_ocg_unlink,
        name="prosecution-ocg-unlink",
    ),
    path("intelligence/nrm/<str:reference>/", views.linked_referral, name="nrm-record"),
    path("intelligence/assessment/", assessment_views.assessment, name="assessment"),
    path("intelligence/resolution/", review_views.review, name="review"),
    path("intelligence/resolution/decide/", review_views.review_decide, name="review-decide"),
    path(
        "intelligence/resolution/decisions/",
        review_views.review_decisions,
        name="review-decisions",
    ),
    path("surges/", surge_views.surges, name="surges"),
    path("surges/series/", surge_views.surge_series, name="surge-series"),
    path("surges/alerts/", surge_views.surge_alerts, name="surge-alerts"),
    path("surges/alerts/<int:alert_id>/", surge_views.surge_alert, name="surge-alert"),
    path("intelligence/similar-accounts/", similar_views.similar_accounts, name="similar"),
    path(
        "intelligence/similar-accounts/<str:cluster>/",
        similar_views.similar_cluster,
        name="similar-cluster",
    ),
    path(
        "intelligence/similar-accounts/<str:cluster>/reviewed/",
        similar_views.similar_cluster_reviewed,
        name="similar-reviewed",
    ),
    path(
        "intelligence/similar-accounts/compare/<str:left>/<str:right>/",
        similar_views.similar_side_by_side,
        name="similar-compare",
    ),
]
