"""The header's reports link, shown to coordinators. It lives here, not in reports, because
whether a user coordinates is accounts data (CoordinatorScope, ``is_coordinator``); reports
only owns the page the link leads to."""

from django.core.cache import cache

from accounts.selectors import is_coordinator

# Cached per user, forgotten when their scope or account changes (accounts.signals), and in any
# case kept no longer than this, so that with a per-process cache (no REDIS_URL) another worker
# catches up within this time too.
COORDINATOR_CACHE_SECONDS = 300


def coordinator_key(user_id) -> str:
    return f"frontline:nav:coordinator:{user_id}"


def reports_link(request):
    """Whether the header shows the reports link: one cache round trip for a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show_reports": False}
    show_reports = cache.get(coordinator_key(user.pk))
    if show_reports is None:
        show_reports = is_coordinator(user)
        cache.set(coordinator_key(user.pk), show_reports, COORDINATOR_CACHE_SECONDS)
    return {"show_reports": show_reports}
