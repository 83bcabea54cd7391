from django.utils.translation import get_language
from wagtail.models import Locale

from cms.published import Memo
from cms.routing import site_for
from courses.selectors import catalogue_page

CATALOGUE_URL = Memo[str]("catalogue_url")


def catalogue_link(request):
    """The header's link to the catalogue in the reader's language: remembered published content."""
    site = site_for(request)
    url = CATALOGUE_URL.get((site.pk if site else 0, get_language()), lambda: _catalogue_url(site))
    return {"catalogue_url": url or None}


def _catalogue_url(site) -> str:
    catalogue = catalogue_page(locale=Locale.get_active())
    return (catalogue.relative_url(site) or "") if catalogue else ""
