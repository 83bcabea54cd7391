"""Behaviour shared by the project's page types."""

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import StrIndex
from wagtail.models import Page, PageViewRestriction

# Set on a page fetched with ``.annotate(**{UNRESTRICTED: unrestricted()})``.
UNRESTRICTED = "frontline_unrestricted"


def unrestricted():
    """True when neither the page nor any ancestor (a page whose path begins the page's path)
    is an alias or has a view restriction: then no view restriction applies to it."""
    alias_above = Page.objects.alias(at=StrIndex(OuterRef("path"), F("path"))).filter(at=1, alias_of__isnull=False)
    restricted_above = PageViewRestriction.objects.alias(at=StrIndex(OuterRef("path"), F("page__path"))).filter(at=1)
    return ~Exists(alias_above) & ~Exists(restricted_above)


class ViewRestrictionsInOneQuery:
    """A page mixin: ``get_view_restrictions`` in one query (none when the page was fetched with
    ``unrestricted()``) when, as almost always, neither the page nor an ancestor is an alias or
    has a restriction; otherwise Wagtail's own lookup.
    (Wagtail's before-serve hook asks on every page view; its lookup takes two queries.)"""

    def get_view_restrictions(self):
        if getattr(self, UNRESTRICTED, False):  # found out with the page itself (cms.routing)
            return PageViewRestriction.objects.none()
        steplen = Page.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        rows = (
            Page.objects.filter(path__in=paths)
            .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
            .values_list("alias_of_id", "restricted")
        )
        if self.alias_of_id or any(alias or restricted for alias, restricted in rows):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
