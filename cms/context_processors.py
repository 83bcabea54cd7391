from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

from accounts.selectors import is_coordinator
from cms import published

# Whether a signed-in user sees the reports link changes when their coordinator scope does:
# cached, forgotten on that change (cms.signals), and in any case kept no longer than this, so
# that with a per-process cache (no REDIS_URL) another worker catches up within this time too.
COORDINATOR_CACHE_SECONDS = 300


def coordinator_key(user_id) -> str:
    return f"frontline:nav:coordinator:{user_id}"


def navigation(request):
    """Links the site header needs on every page (the catalogue in the reader's language, the
    reports for coordinators) and the helpline of the footer. The first two are published
    content (cms.published); the third is one cache round trip for a signed-in user."""
    from cms.routing import find_site

    site = find_site(request)
    site_id = site.pk if site else 0
    language = get_language()
    catalogue_url = published.remembered("catalogue_url", (site_id, language), lambda: _catalogue_url(request))
    helpline = published.remembered("helpline", site_id, lambda: _helpline(site))
    user = getattr(request, "user", None)
    show_reports = False
    if user is not None and user.is_authenticated:
        show_reports = cache.get(coordinator_key(user.pk))
        if show_reports is None:
            show_reports = is_coordinator(user)
            cache.set(coordinator_key(user.pk), show_reports, COORDINATOR_CACHE_SECONDS)
    return {"catalogue_url": catalogue_url or None, "helpline": helpline, "show_reports": show_reports}


def _catalogue_url(request) -> str:
    from courses.selectors import catalogue_page

    catalogue = catalogue_page(locale=Locale.get_active())
    return catalogue.get_url(request) if catalogue else ""


def _helpline(site) -> dict:
    from cms.models import HelplineSettings

    # Not ``for_site``, which creates the row on a first visit (and so moves the content version).
    settings = HelplineSettings.objects.filter(site=site).first() if site else None
    return {
        "hotline_number": settings.hotline_number if settings else "",
        "referral_note": settings.referral_note if settings else "",
    }
