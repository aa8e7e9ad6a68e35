from django.urls import path

from nrm.support import views

app_name = "support"

urlpatterns = [
    path("support/", views.index_view, name="index"),
    path("support/episodes/", views.episodes_view, name="episodes"),
    path("support/<str:reference>/", views.referral_view, name="referral"),
    path("support/<str:reference>/accept/", views.accept_view, name="accept"),
    path("support/<str:reference>/decline/", views.decline_view, name="decline"),
    path("support/<str:reference>/episode/start/", views.episode_start_view, name="episode-start"),
    path(
        "support/<str:reference>/episode/services/",
        views.episode_services_view,
        name="episode-services",
    ),
    path("support/<str:reference>/episode/close/", views.episode_close_view, name="episode-close"),
]
