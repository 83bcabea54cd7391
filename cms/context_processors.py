from wagtail.models import Locale


def navigation(request):
    """Links the site header needs on every page: the catalogue in the reader's language."""
    from courses.selectors import catalogue_page

    from reports.scope import is_coordinator

    catalogue = catalogue_page(locale=Locale.get_active())
    user = getattr(request, "user", None)
    return {
        "catalogue_url": catalogue.get_url(request) if catalogue else None,
        "show_reports": bool(user and user.is_authenticated and is_coordinator(user)),
    }
