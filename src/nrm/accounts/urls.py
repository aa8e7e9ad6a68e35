from django.urls import path

from nrm.accounts import views
from nrm.accounts.admin_urls import urlpatterns as admin_urlpatterns

app_name = "accounts"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("sign-in/", views.sign_in_view, name="sign-in"),
    path("sign-in/two-factor/", views.two_factor_view, name="two-factor"),
    path("sign-in/two-factor/set-up/", views.two_factor_set_up_view, name="two-factor-set-up"),
    path("sign-in/set-up/<str:token>/", views.set_up_link_view, name="set-up-link"),
    path("sign-out/", views.sign_out_view, name="sign-out"),
    *admin_urlpatterns,
]
