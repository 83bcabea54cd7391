from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale

# What every page's header and footer show changes only when an editor publishes, moves or
# deletes a page, edits the helpline or a coordinator's scope changes: it is cached, forgotten on
# those changes (cms.signals), and in any case kept no longer than this, so that with a
# per-process cache (no REDIS_URL) another worker catches up within this time too.
NAVIGATION_CACHE_SECONDS = 300


def catalogue_url_key(site_id, language: str) -> str:
    return f"frontline:nav:catalogue-url:{site_id}:{language}"


def helpline_key(site_id) -> str:
    return f"frontline:nav:helpline:{site_id}"


def coordinator_key(user_id) -> str:
    return f"frontline:nav:coordinator:{user_id}"


def navigation(request):
    """Links the site header needs on every page (the catalogue in the reader's language, the
    reports for coordinators) and the helpline of the footer: one cache round trip when warm."""
    from cms.routing import find_site

    site = find_site(request)
    site_id = site.pk if site else 0
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    keys = {
        "catalogue_url": catalogue_url_key(site_id, get_language()),
        "helpline": helpline_key(site_id),
    }
    if signed_in:
        keys["show_reports"] = coordinator_key(user.pk)
    found = cache.get_many(keys.values())
    values = {name: found.get(key) for name, key in keys.items()}
    missing = {}
    if values["catalogue_url"] is None:
        missing["catalogue_url"] = _catalogue_url(request)
    if values["helpline"] is None:
        missing["helpline"] = _helpline(site)
    if signed_in and values["show_reports"] is None:
        from reports.scope import is_coordinator

        missing["show_reports"] = is_coordinator(user)
    if missing:
        cache.set_many({keys[name]: value for name, value in missing.items()}, NAVIGATION_CACHE_SECONDS)
        values.update(missing)
    return {
        "catalogue_url": values["catalogue_url"] or None,
        "helpline": values["helpline"],
        "show_reports": bool(signed_in and values["show_reports"]),
    }


def _catalogue_url(request) -> str:
    from courses.selectors import catalogue_page

    catalogue = catalogue_page(locale=Locale.get_active())
    return catalogue.get_url(request) if catalogue else ""


def _helpline(site) -> dict:
    from cms.models import HelplineSettings

    settings = HelplineSettings.for_site(site) if site else None
    return {
        "hotline_number": settings.hotline_number if settings else "",
        "referral_note": settings.referral_note if settings else "",
    }
