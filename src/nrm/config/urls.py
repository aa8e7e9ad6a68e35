from django.urls import path

from nrm.config.api import api

urlpatterns = [
    path("api/v1/", api.urls),
]
