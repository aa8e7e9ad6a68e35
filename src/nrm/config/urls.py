from django.urls import include, path

from nrm.config.api import api

handler500 = "nrm.web.failures.server_error"

urlpatterns = [
    path("api/v1/", api.urls),
    path("", include("nrm.accounts.urls")),
    path("", include("nrm.cases.referrals.urls")),
    path("", include("nrm.support.urls")),
    path("", include("nrm.cases.casework.urls")),
    path("", include("nrm.statistics.urls")),
]
