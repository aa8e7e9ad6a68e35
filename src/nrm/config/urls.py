from django.urls import include, path

from nrm.config.api import api

handler400 = "nrm.web.failures.bad_request"
handler403 = "nrm.web.failures.permission_denied"
handler404 = "nrm.web.failures.page_not_found"
handler500 = "nrm.web.failures.server_error"

urlpatterns = [
    path("api/v1/", api.urls),
    path("", include("nrm.accounts.urls")),
    path("", include("nrm.cases.referrals.urls")),
    path("", include("nrm.support.urls")),
    path("", include("nrm.cases.casework.urls")),
    path("", include("nrm.statistics.urls")),
    path("", include("nrm.statistics.public_urls")),
    path("", include("nrm.justice.urls")),
    path("", include("nrm.border.profile_urls")),
    path("", include("nrm.border.crew_urls")),
    path("", include("nrm.border.guidance_urls")),
    path("", include("nrm.intelligence.urls")),
]
