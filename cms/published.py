"""Published content, remembered by each process until an editor publishes a change to it.

What a reader's page is built from (the page a URL leads to, a course's outline, the
catalogue) is the same for every reader. A ``Memo`` keeps such values in the process, each
valid under the versions of what it was built from:

* the *site version*: anything outside a course (the sites, the catalogue, the helpline), and
  every value, since a move or a delete can change any of them;
* a *course version* (``course=``): a course's own page, its lessons and its assessment.

Versions are tokens in the default cache (Redis in production, so every process sees a
change; locmem in tests). They move only when content is published, unpublished, moved or
deleted (cms.signals, with courses.signals saying which course a page belongs to), never on a
draft save or an autosave. Writes from the shell or a data migration are announced with
``manage.py content_changed``.

A request reads every version it needs in one ``cache.get_many`` (the site version and the
course versions this process already keeps values for), at its first use, so once warm a page
costs one cache round trip however much published content it shows, and no query for it.

A version moves as soon as the change is saved and again when its transaction commits: a
process that reloaded in between (and saw the old rows) loads once more. Without a shared
cache (no REDIS_URL) the versions are each process's own, so every entry is also forgotten
after ``MEMO_SECONDS``: another process catches up within that time.

Only what is the same for everyone is kept here; a trainee's progress is always queried.
Values are shared between the threads of a process: treat them as read-only.
"""

import contextvars
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction

SITE_VERSION_KEY = "frontline:content:site"
COURSE_VERSION_PREFIX = "frontline:content:course:"
MEMO_SECONDS = 60
MEMO_ENTRIES = 5_000

# What a value was built from: a course (its page, or the tree path of its page), several, or,
# when only the value can tell, a function of the loaded value returning those.
CourseScope = Any

_memos: list["Memo"] = []
# Course version keys this process holds values for: read with the site version, in one go.
_known_course_keys: set[str] = set()
# The versions a request has read, for the rest of that request (set by ContentVersionMiddleware).
_request_versions: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "frontline_content_versions", default=None
)


def course_version_key(course_path: str) -> str:
    return COURSE_VERSION_PREFIX + course_path


def _course_keys(course: CourseScope) -> tuple[str, ...]:
    if course is None:
        return ()
    if isinstance(course, str):
        return (course_version_key(course),)
    if hasattr(course, "path"):
        return (course_version_key(course.path),)
    return tuple(key for item in course for key in _course_keys(item))


def versions(keys: Iterable[str]) -> tuple[str, ...]:
    """The current tokens of ``keys`` (in a request: as the request first read them)."""
    keys = tuple(keys)
    seen = _request_versions.get()
    if seen is None:
        seen = {}
    missing = [key for key in keys if key not in seen]
    if missing:
        if not seen:  # the request's first read: everything it is likely to need, at once
            missing = list(dict.fromkeys([SITE_VERSION_KEY, *missing, *sorted(_known_course_keys)]))
        found = cache.get_many(missing)
        for key in missing:
            if key not in found:
                cache.add(key, secrets.token_hex(8), timeout=None)
                found[key] = cache.get(key) or ""
        seen.update(found)
    return tuple(seen[key] for key in keys)


@dataclass(frozen=True)
class _Entry:
    keys: tuple[str, ...]
    tokens: tuple[str, ...]
    expires: float
    value: object


class Memo[T]:
    """Values of one kind (``name`` says which, for debugging), kept in this process by key.

    ``keep_none=False`` where keys come from visitors (a URL that leads nowhere is not worth a
    place). Declare each once, at module level, next to the selector that uses it."""

    def __init__(self, name: str, *, keep_none: bool = True):
        self.name = name
        self.keep_none = keep_none
        self._entries: dict[Any, _Entry] = {}
        _memos.append(self)

    def __repr__(self) -> str:
        return f"Memo({self.name!r})"

    def get(self, key, load: Callable[[], T], *, course: CourseScope = None) -> T:
        """``load()``, kept under ``key`` while the site version and the versions of
        ``course`` stay where they were when it was loaded."""
        now = time.monotonic()
        entry = self._entries.get(key)
        if entry is not None and entry.expires > now and versions(entry.keys) == entry.tokens:
            return entry.value  # type: ignore[return-value]
        known_keys = (SITE_VERSION_KEY, *([] if callable(course) else _course_keys(course)))
        tokens = versions(known_keys)  # read before loading: a change while loading is not missed
        value = load()
        if value is None and not self.keep_none:
            return value
        if callable(course):
            extra = _course_keys(course(value))
            known_keys, tokens = known_keys + extra, tokens + versions(extra)
        if len(self._entries) >= MEMO_ENTRIES:
            self._entries.clear()
        if len(_known_course_keys) >= MEMO_ENTRIES:
            _known_course_keys.clear()
        _known_course_keys.update(known_keys[1:])
        self._entries[key] = _Entry(known_keys, tokens, now + MEMO_SECONDS, value)
        return value

    def __contains__(self, key) -> bool:
        return key in self._entries

    def forget(self) -> None:
        self._entries.clear()


def site_changed(**kwargs) -> None:
    """Everything published may have changed: move the site version (now and on commit)."""
    _move(SITE_VERSION_KEY)


def course_changed(course_path: str) -> None:
    """Only what is built from the course at ``course_path`` has changed."""
    _move(course_version_key(course_path))


def _move(key: str) -> None:
    def move():
        cache.set(key, secrets.token_hex(8), timeout=None)
        seen = _request_versions.get()
        if seen is not None:
            seen.pop(key, None)  # the request that made the change sees it too

    move()
    transaction.on_commit(move)


# Which course a changed page belongs to: set by the app that knows what a course is
# (courses.signals), so that this layer need not. Returns the course page's tree path, or None
# when the change reaches beyond one course (a page outside any course, a course's catalogue entry).
_course_of: Callable[..., str | None] = lambda page, revision=None: None  # noqa: E731


def set_course_finder(find: Callable[..., str | None]) -> None:
    global _course_of
    _course_of = find


def page_changed(page, *, revision=None) -> None:
    """A page was published or unpublished: move its course's version, or the site's."""
    course_path = _course_of(page, revision=revision)
    if course_path is None:
        site_changed()
    else:
        course_changed(course_path)


def forget() -> None:
    """Drop everything this process remembers (tests: a rolled-back database)."""
    for memo in _memos:
        memo.forget()
    _known_course_keys.clear()


class ContentVersionMiddleware:
    """Reads the content versions at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_versions.set({})
        try:
            return self.get_response(request)
        finally:
            _request_versions.reset(token)
