"""A fixed-window rate limit in the cache, per client address.

Verification is public, so it is throttled against enumeration: a few lookups a minute are
plenty for a person checking a certificate, and far too few to guess an 80-bit code.
"""

import time

from allauth.account.adapter import get_adapter as get_account_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def client_address(request) -> str:
    """The address allauth's rate limits key on too (trusted proxy hops taken into account)."""
    try:
        return get_account_adapter().get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _key(request, scope: str, period: int) -> str:
    """The counter of this client's current window."""
    return f"ratelimit:{scope}:{client_address(request)}:{int(time.time() // period)}"


def allow(request, *, scope: str, limit: int, period: int) -> bool:
    """Count one hit; False once more than ``limit`` hits fell in the current window."""
    key = _key(request, scope, period)
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count <= limit


def exceeded(request, *, scope: str, limit: int, period: int) -> bool:
    """Whether the limit is already used up, without counting a hit."""
    return (cache.get(_key(request, scope, period)) or 0) >= limit
