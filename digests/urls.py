from django.urls import path, re_path

from digests import views

urlpatterns = [
    path("reports/scheduled/", views.subscription, name="digests_subscription"),
    path("reports/exports/", views.exports, name="digests_exports"),
    re_path(
        r"^reports/exports/new/(?P<kind>matrix|trainees)\.(?P<file_format>csv|xlsx)$",
        views.export_prepare,
        name="digests_export_prepare",
    ),
    path("reports/exports/<id:job_id>/", views.export_download, name="digests_export_download"),
]
