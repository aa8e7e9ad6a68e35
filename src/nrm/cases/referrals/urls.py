from django.urls import path

from nrm.cases.referrals.views import check, index, journey, notification, referral

app_name = "referrals"

urlpatterns = [
    path("referrals/", index.index, name="index"),
    path("referrals/new/", journey.referral_start, name="new"),
    path("referrals/drafts/<str:draft_id>/", journey.draft_tasks, name="draft"),
    path("referrals/drafts/<str:draft_id>/check/", check.draft_check, name="check"),
    path("referrals/drafts/<str:draft_id>/declined/", journey.draft_declined, name="declined"),
    path("referrals/drafts/<str:draft_id>/delete/", journey.draft_remove, name="draft-delete"),
    path("referrals/drafts/<str:draft_id>/<str:section>/", journey.draft_section, name="section"),
    path("referrals/submitted/<str:reference>/", check.referral_submitted, name="submitted"),
    path("referrals/notifications/", notification.notification_index, name="notifications"),
    path("referrals/notifications/new/", notification.notification_new, name="notification-new"),
    path(
        "referrals/notifications/<str:reference>/",
        notification.notification_detail,
        name="notification",
    ),
    path("referrals/<str:reference>/", referral.referral_detail, name="referral"),
    path(
        "referrals/<str:reference>/reconsideration/",
        referral.reconsideration_request,
        name="reconsider",
    ),
]
