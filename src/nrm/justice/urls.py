from django.urls import path

from nrm.justice import views

app_name = "justice"

urlpatterns = [
    path("justice/", views.overview, name="overview"),
    path("justice/prosecutions/", views.prosecutions, name="prosecutions"),
    path("justice/prosecutions/<int:prosecution_id>/", views.prosecution, name="prosecution"),
    path("justice/cases/<str:reference>/", views.case, name="case"),
]
