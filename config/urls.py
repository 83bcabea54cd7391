from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail.admin import urls as wagtailadmin_urls

from accounts.views import account_settings, admin_login, set_language
from courses.search import search
from web import converters  # noqa: F401 (registers <id:…> before the apps' URLconfs below are read)

urlpatterns = [
    # Wagtail's own login form would bypass allauth's rate limits and two-factor step.
    path("admin/login/", admin_login, name="wagtailadmin_login"),
    # One name (full_name) and one language preference on the admin's account page.
    path("admin/account/", account_settings, name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("cms.documents")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg", permanent=True)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("reports.urls")),
    path("", include("digests.urls")),
    path("", include("invitations.urls")),
    path("", include("programme.urls")),
    path("search/", search, name="search"),
    path("", include("cms.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
