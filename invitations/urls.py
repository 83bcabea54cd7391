from django.urls import path

from invitations import views

# The paths and names are those the invitations had inside the reports, so bookmarks and links stay.
urlpatterns = [
    path("reports/invitations/", views.upload, name="reports_invite"),
    path("reports/invitations/<id:batch_id>/", views.preview, name="reports_invite_preview"),
]
