from cms.models import HelplineSettings
from cms.published import Memo
from cms.routing import site_for

# Not ``HelplineSettings.for_request`` (the ``settings`` context processor), which queries on
# every request. Saving the settings row moves the site version (cms.signals).
HELPLINE = Memo[dict]("helpline")


def helpline(request):
    """The footer's helpline for the site serving the request: remembered published content."""
    site = site_for(request)
    return {"helpline": HELPLINE.get(site.pk if site else 0, lambda: _helpline(site))}


def _helpline(site) -> dict:
    # Not ``for_site``, which creates the row on a first visit.
    settings = HelplineSettings.objects.filter(site=site).first() if site else None
    return {
        "hotline_number": settings.hotline_number if settings else "",
        "referral_note": settings.referral_note if settings else "",
    }
