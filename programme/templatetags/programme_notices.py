from django import template

from programme.notices import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notices(context) -> int:
    """How many of the signed-in user's notices are unread: one COUNT per page, none for visitors."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached = getattr(request, "_unread_notices", None)
    if cached is None:
        cached = request._unread_notices = unread_count(user=user)
    return cached
