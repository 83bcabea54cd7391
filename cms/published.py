"""Published content, remembered by each process until an editor changes it.

What a reader's page is built from (the sites, the page a URL leads to, a course's outline,
the catalogue) is the same for every reader, and it changes only when an editor publishes,
unpublishes, moves or deletes a page, changes a view restriction, a site, a locale or the
helpline. Each of those moves the *content version*, a token in the default cache (Redis in
production, so every process sees it; cms.signals moves it). A process keeps what it loaded
together with the version it was loaded under, and loads it again once the version has moved.
A request reads the version once, at its first use, so a page costs one cache round trip
however much published content it shows, and no query for it once warm.

The version moves as soon as the change is saved and again when its transaction commits: a
process that reloaded in between (and saw the old rows) loads once more. Without a shared
cache (no REDIS_URL) the version is each process's own, so every entry is also forgotten after
``MEMO_SECONDS``: another process catches up within that time.

Only what is the same for everyone is kept here; a trainee's progress is always queried.
Entries are shared between the threads of a process: treat them as read-only (``route`` hands
out a copy of the page it serves).
"""

import contextvars
import secrets
import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "frontline:content-version"
MEMO_SECONDS = 60
MEMO_ENTRIES = 5_000

_memo: dict[tuple, tuple[str, float, object]] = {}
# The version a request read first, for the rest of that request (set by ContentVersionMiddleware).
_request_version: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "frontline_content_version", default=None
)


def version() -> str:
    """The current content version (in a request: as the request first read it)."""
    scope = _request_version.get()
    if scope and scope[0] is not None:
        return scope[0]
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        current = cache.get(VERSION_KEY) or ""
    if scope is not None:
        scope[0] = current
    return current


def remembered(name: str, key, load, *, keep_none: bool = True):
    """``load()``, kept in this process under (name, key) until the content version moves.
    ``keep_none=False`` where the keys come from visitors (a URL that leads nowhere is not
    worth a place)."""
    current = version()
    now = time.monotonic()
    found = _memo.get((name, key))
    if found is not None and found[0] == current and found[1] > now:
        return found[2]
    value = load()
    if value is not None or keep_none:
        if len(_memo) >= MEMO_ENTRIES:
            _memo.clear()
        _memo[(name, key)] = (current, now + MEMO_SECONDS, value)
    return value


def content_changed(**kwargs) -> None:
    """Move the content version now and once more when the transaction commits."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)
    scope = _request_version.get()
    if scope is not None:
        scope[0] = None  # the request that made the change sees it too


def forget() -> None:
    """Drop everything this process remembers (tests: a rolled-back database)."""
    _memo.clear()


class ContentVersionMiddleware:
    """Reads the content version at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([None])
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)
