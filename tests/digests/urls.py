"""The site's URLs plus a stand-in for the one-click unsubscribe view (``email_unsubscribe``),
which helper "remind" writes on another branch: programme.mail reverses it for every optional
e-mail. Used only while the real one is missing (conftest.py)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def unsubscribe_stand_in(request, token):
    return HttpResponse("unsubscribe stand-in")


urlpatterns = [
    path("email/unsubscribe/<str:token>/", unsubscribe_stand_in, name="email_unsubscribe"),
    *site_urlpatterns,
]
