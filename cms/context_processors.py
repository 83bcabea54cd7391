from wagtail.models import Locale


def navigation(request):
    """Links the site header needs on every page: the catalogue in the reader's language."""
    from courses.selectors import catalogue_page

    catalogue = catalogue_page(locale=Locale.get_active())
    return {"catalogue_url": catalogue.get_url(request) if catalogue else None}
