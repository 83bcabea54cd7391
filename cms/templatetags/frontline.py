from django import template

from cms.routing import site_for

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Look a key up in a dict from a template: ``progress_by_course|get_item:course.translation_key``."""
    if not mapping:
        return None
    return mapping.get(key)


@register.simple_tag(takes_context=True)
def page_url(context, page) -> str:
    """``{% pageurl %}`` for the site cms.routing found, remembered: Wagtail's own tag looks the
    site up again, with a query, on every request."""
    request = context.get("request")
    site = site_for(request) if request is not None else None
    return page.relative_url(site) or ""
