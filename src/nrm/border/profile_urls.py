from django.urls import path

from nrm.border import profile_views

app_name = "border_profiles"

urlpatterns = [
    path("border/profiles/", profile_views.profiles, name="list"),
    path("border/profiles/<int:profile_id>/", profile_views.profile, name="detail"),
]
