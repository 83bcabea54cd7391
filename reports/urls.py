from django.urls import path, re_path

from reports import views

urlpatterns = [
    path("reports/", views.dashboard, name="reports_dashboard"),
    path("reports/trainees/", views.trainees, name="reports_trainees"),
    re_path(r"^reports/export/matrix\.(?P<file_format>csv|xlsx)$", views.export_matrix, name="reports_export_matrix"),
    re_path(
        r"^reports/export/trainees\.(?P<file_format>csv|xlsx)$", views.export_trainees, name="reports_export_trainees"
    ),
    path("reports/headcounts/", views.headcounts, name="reports_headcounts"),
    path("reports/at-risk/", views.at_risk_list, name="reports_at_risk"),
    re_path(
        r"^reports/at-risk/export\.(?P<file_format>csv|xlsx)$", views.export_at_risk, name="reports_export_at_risk"
    ),
]
