from django.urls import path, re_path

from invitations import accept, views

# The paths and names are those the invitations had inside the reports, so bookmarks and links stay.
urlpatterns = [
    path("reports/invitations/", views.upload, name="reports_invite"),
    path("reports/invitations/<id:batch_id>/", views.preview, name="reports_invite_preview"),
    # The key has the shape of allauth's password-reset key (invitations.accept).
    re_path(
        r"^accounts/invitation/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        accept.set_password,
        name="invitation_set_password",
    ),
]
