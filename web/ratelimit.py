"""Rate limits on the project's own views, counted by django-ratelimit in the default cache.

Each limit is a ``group`` (what is being counted) and a django-ratelimit ``rate`` such as
``"20/m"`` or ``"5/15m"``, per client address. The address is the one allauth's own login limits
key on (``ALLAUTH_TRUSTED_PROXY_COUNT`` / ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER``), so behind a
proxy one client's lookups never use up another's.

``django_ratelimit`` is deliberately not in INSTALLED_APPS: its only contribution there is a
system check that calls every cache but memcached and django-redis unsupported, which would fail
``check --fail-level WARNING`` for the local-memory cache of development and Django's own Redis
cache of production alike. Both keep counters correctly for these limits.
"""

from allauth.account.adapter import get_adapter as get_account_adapter
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django_ratelimit.core import get_usage, is_ratelimited


def client_address(group: str, request: HttpRequest) -> str:
    """The client's address as allauth sees it (a django-ratelimit key function)."""
    try:
        return get_account_adapter().get_client_ip(request)
    except PermissionDenied:  # no address at all: such clients share one counter
        return "unknown"


def allow(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Count one hit; False once the hits in the current window go over the rate."""
    return not is_ratelimited(request, group=group, key=client_address, rate=rate, increment=True)


def used_up(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Whether the rate's hits are all spent in the current window, without counting one."""
    usage = get_usage(request, group=group, key=client_address, rate=rate, increment=False)
    return usage is not None and usage["count"] >= usage["limit"]
