from django import template

from courses.selectors import published_catalogue

register = template.Library()

TEASER_COURSES = 4


@register.inclusion_tag("courses/catalogue_teaser.html")
def catalogue_teaser(page):
    """The first courses of the catalogue in ``page``'s language, for the home page."""
    return {"courses": published_catalogue(locale_id=page.locale_id)[:TEASER_COURSES]}
