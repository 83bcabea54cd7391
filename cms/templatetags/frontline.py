from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Look a key up in a dict from a template: ``progress_by_course|get_item:course.translation_key``."""
    if not mapping:
        return None
    return mapping.get(key)
