"""Behaviour shared by the project's page types."""

from django.db.models import Exists, OuterRef
from wagtail.models import Page


class ViewRestrictionsInOneQuery:
    """A page mixin: ``get_view_restrictions`` in one query when, as almost always, neither
    the page nor an ancestor is an alias or has a restriction; otherwise Wagtail's own lookup.
    (Wagtail's before-serve hook asks on every page view; its lookup takes two queries.)"""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

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
