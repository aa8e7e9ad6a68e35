"""Addresses of the account administration pages (in the ``accounts`` namespace)."""

from django.urls import path

from nrm.accounts import admin_views as views

ADMIN = "administration/"

urlpatterns = [
    path(ADMIN, views.index_view, name="admin-index"),
    path(f"{ADMIN}organisations/", views.organisations_view, name="admin-organisations"),
    path(
        f"{ADMIN}organisations/new/",
        views.organisation_create_view,
        name="admin-organisation-create",
    ),
    path(
        f"{ADMIN}organisations/<slug:code>/",
        views.organisation_edit_view,
        name="admin-organisation-edit",
    ),
    path(f"{ADMIN}users/", views.users_view, name="admin-users"),
    path(f"{ADMIN}users/new/", views.user_create_view, name="admin-user-create"),
    # The id is matched as text so that every address resolves to its page, which answers
    # "not found" for an id that is not a number (tests/accounts/test_web_routes.py).
    path(f"{ADMIN}users/<str:user_id>/", views.user_view, name="admin-user"),
    path(f"{ADMIN}users/<str:user_id>/role/", views.user_role_view, name="admin-user-role"),
    path(
        f"{ADMIN}users/<str:user_id>/disable/", views.user_disable_view, name="admin-user-disable"
    ),
    path(f"{ADMIN}users/<str:user_id>/enable/", views.user_enable_view, name="admin-user-enable"),
    path(
        f"{ADMIN}users/<str:user_id>/set-up-link/",
        views.user_set_up_link_view,
        name="admin-user-set-up-link",
    ),
    path(f"{ADMIN}roles/", views.roles_view, name="admin-roles"),
]
