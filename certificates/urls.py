from django.urls import path

from certificates import views

urlpatterns = [
    path("certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/<id:certificate_id>/pdf/", views.certificate_download, name="certificate_download"),
    path("verify/", views.verify, name="certificate_verify_form"),
    path("verify/<str:code>/", views.verify_code, name="certificate_verify"),
]
