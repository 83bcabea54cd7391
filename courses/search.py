"""Site search: published courses and lessons in the reader's language, whatever the ending of
the words typed, each shown with its course and the passage that matches.

Every query word is cut to the start its forms share (courses.stemming) and matched as the start
of a word. On PostgreSQL that is full-text search in the language's own configuration (Russian
and English stem the text as well; Tajik, which PostgreSQL has none for, is matched word by word
with 'simple'), ranked by ts_rank with titles first, the passage cut by ts_headline. Elsewhere
(SQLite) the same prefixes are matched in Python over the rows that contain them.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage, SearchText
from courses.stemming import fold, search_terms
from web.http_methods import require_safe

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SNIPPET_WORDS = 30
WORDS_BEFORE_MATCH = 8
# The database marks matches with characters no indexed text contains (courses.search_index
# drops private-use characters), so the passage can be escaped first and marked after.
MARK_START, MARK_END = "\ue000", "\ue001"
POSTGRES_CONFIGS = {"ru": "russian", "en": "english"}
TITLE_WEIGHT = 10
RANK_WEIGHTS = [0.02, 0.02, 0.1, 1.0]  # D, C, B (text), A (title)
TEXT_HITS = 5


def search_words(typed: str) -> str:
    """The typed query as plain words.

    Control characters become spaces and invisible format characters go: PostgreSQL refuses a
    NUL, and neither is ever part of an indexed word."""
    kept = []
    for char in typed[: MAX_QUERY_LENGTH * 10]:  # the rest would be cut off anyway
        category = unicodedata.category(char)
        if category == "Cc":
            kept.append(" ")
        elif not category.startswith("C"):
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_QUERY_LENGTH]


@dataclass
class Result:
    page: Page
    course: Page | None  # a lesson's course
    snippet: SafeString

    @property
    def title(self) -> str:
        return self.page.title


def _visible_texts(locale):
    visible = Page.objects.live().public().filter(locale=locale).type(CoursePage, LessonPage)
    return SearchText.objects.filter(page__in=visible.values("pk"))


def _marked(text: str) -> SafeString:
    """``text`` escaped, with the database's match markers turned into <mark>."""
    return mark_safe(escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


# PostgreSQL


def _postgres_matches(texts, terms: list[str], language: str):
    config = POSTGRES_CONFIGS.get(language, "simple")
    # Each term is letters and digits only (courses.stemming.WORD) but for an inner apostrophe,
    # doubled here as a quoted tsquery lexeme needs.
    raw = " & ".join("'{}':*".format(term.replace("'", "''")) for term in terms)
    query = SearchQuery(raw, search_type="raw", config=config)
    vector = SearchVector("title", weight="A", config=config) + SearchVector("text", weight="B", config=config)
    return (
        texts.annotate(document=vector)
        .filter(document=query)
        .annotate(
            # A title match outweighs any number of text matches; long pages do not win by
            # length alone (normalization 1: divided by the log of the length).
            rank=SearchRank(F("document"), query, weights=RANK_WEIGHTS, normalization=1),
            passage=SearchHeadline(
                "text",
                query,
                config=config,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=SNIPPET_WORDS,
                min_words=SNIPPET_WORDS // 2,
                max_fragments=1,
            ),
        )
        .order_by("-rank", "title", "page_id")
        .values_list("page_id", "passage", "text")
    )


class _PostgresMatches:
    """The database's matches for the paginator, each passage marked, with "…" where it was cut."""

    def __init__(self, matches):
        self.matches = matches

    def count(self):
        return self.matches.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return [(page_id, _cut_marks(passage, text)) for page_id, passage, text in self.matches[index]]


def _cut_marks(passage: str, text: str) -> SafeString:
    shown = " ".join(passage.replace(MARK_START, "").replace(MARK_END, "").split())
    whole = " ".join(text.split())
    prefix = "" if whole.startswith(shown) else "… "
    suffix = "" if whole.endswith(shown) else " …"
    return _marked(prefix + passage + suffix) if shown else mark_safe("")


# Elsewhere: the same prefixes, matched in Python.


def _term_patterns(terms: list[str], language: str) -> re.Pattern:
    """Whole words starting with any of ``terms`` in text as written (not folded)."""
    alternatives = []
    for term in terms:
        alternative = re.escape(term)
        if language == "ru":
            alternative = alternative.replace("е", "[её]")
        alternatives.append(alternative)
    return re.compile(r"(?<![^\W_])(?:{})[^\W_]*".format("|".join(alternatives)), re.IGNORECASE)


def _starts_word(term: str) -> re.Pattern:
    return re.compile(r"(?<![^\W_])" + re.escape(term))


def _score(title_length: int, folded: str, term_res: list[re.Pattern]) -> int:
    """How well a page matches: 0 unless every term starts a word; a term in the title counts
    most, then up to TEXT_HITS of its occurrences in the text (so long pages do not win by
    length alone)."""
    score = 0
    for term_re in term_res:
        starts = [match.start() for match in term_re.finditer(folded)]
        if not starts:
            return 0
        in_title = sum(1 for start in starts if start < title_length)
        score += (TITLE_WEIGHT if in_title else 0) + min(len(starts) - in_title, TEXT_HITS)
    return score


def _python_snippet(text: str, words_re: re.Pattern) -> SafeString:
    """The passage with most distinct matching words, cut to about SNIPPET_WORDS words around
    the first match, matches marked."""
    lines = text.split("\n")
    best, best_count = lines[0], 0
    for line in lines:
        count = len({match.group(0).casefold() for match in words_re.finditer(line)})
        if count > best_count:
            best, best_count = line, count
    spans = [match.span() for match in re.finditer(r"\S+", best)]
    first = words_re.search(best)
    first_word = next((n for n, (_, end) in enumerate(spans) if first and end > first.start()), 0)
    start_word = max(0, min(first_word - WORDS_BEFORE_MATCH, len(spans) - SNIPPET_WORDS))
    chosen = spans[start_word : start_word + SNIPPET_WORDS]
    if not chosen:
        return mark_safe("")
    start, end = chosen[0][0], chosen[-1][1]
    window = best[start:end]
    marked = words_re.sub(lambda match: MARK_START + match.group(0) + MARK_END, window)
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if start_word + SNIPPET_WORDS < len(spans) else ""
    return _marked(prefix + marked + suffix)


class _PythonMatches:
    """The pages matching ``terms``, best first, for the paginator: snippets are cut only for
    the pages shown."""

    def __init__(self, texts, terms: list[str], language: str):
        for term in terms:
            texts = texts.filter(folded__contains=term)  # LIKE, escaped; the folded text's case
        term_res = [_starts_word(term) for term in terms]
        scored = []
        for page_id, title, folded in texts.values_list("page_id", "title", "folded").iterator():
            score = _score(len(fold(title, language)), folded, term_res)
            if score:
                scored.append((-score, title, page_id))
        self.page_ids = [page_id for _score, _title, page_id in sorted(scored)]
        self.words_re = _term_patterns(terms, language)

    def __len__(self):
        return len(self.page_ids)

    def count(self):
        return len(self.page_ids)

    def __getitem__(self, index):
        page_ids = self.page_ids[index]
        texts = dict(SearchText.objects.filter(page_id__in=page_ids).values_list("page_id", "text"))
        return [(page_id, _python_snippet(texts.get(page_id, ""), self.words_re)) for page_id in page_ids]


def matching_pages(*, query: str, locale=None):
    """(page id, marked passage: safe HTML) of the published courses and lessons in ``locale`` (the active
    language's by default) whose words start with the stems of the words of ``query``, best
    first: a lazy sequence for a paginator."""
    locale = locale or Locale.get_active()
    language = locale.language_code
    terms = search_terms(query, language)
    if not terms:
        return []
    texts = _visible_texts(locale)
    if connection.vendor == "postgresql":
        return _PostgresMatches(_postgres_matches(texts, terms, language))
    return _PythonMatches(texts, terms, language)


def _results(rows, *, words_re: re.Pattern, reader_signed_in: bool) -> list[Result]:
    """The pages of ``rows`` (page id, marked passage), each with the course it belongs to.
    Lessons are read signed in: someone signed out is shown a lesson's introduction, never a
    passage of its body."""
    passages = dict(rows)
    pages = Page.objects.filter(pk__in=passages).select_related("locale").specific().in_bulk()
    lessons = [page for page in pages.values() if isinstance(page, LessonPage)]
    parent_paths = {page.path[: -Page.steplen] for page in lessons}
    courses = {course.path: course for course in Page.objects.filter(path__in=parent_paths).only("title", "path")}
    results = []
    for page_id, passage in rows:
        page = pages.get(page_id)
        if page is None:
            continue  # deleted between the two queries
        course = courses.get(page.path[: -Page.steplen]) if isinstance(page, LessonPage) else None
        if isinstance(page, LessonPage) and not reader_signed_in:
            passage = _python_snippet(page.intro, words_re) if page.intro else mark_safe("")
        results.append(Result(page=page, course=course, snippet=passage))
    return results


@require_safe
def search(request):
    """Search published courses and lessons in the reader's language."""
    typed = request.GET.get("q", "")
    query = search_words(typed)
    locale = Locale.get_active()
    has_words = bool(search_terms(query, locale.language_code))
    try:
        # A savepoint, so a query the database refuses does not break PostgreSQL's transaction.
        with transaction.atomic():
            results = matching_pages(query=query, locale=locale)
            page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            words_re = _term_patterns(search_terms(query, locale.language_code), locale.language_code)
            page.object_list = _results(
                list(page.object_list), words_re=words_re, reader_signed_in=request.user.is_authenticated
            )
    except DatabaseError:
        logger.warning("Search for %r failed in the database; showing no results", query, exc_info=True)
        page = Paginator([], RESULTS_PER_PAGE).get_page(1)
    context = {
        "query": query,
        "page": page,
        "has_words": has_words,
        "shortened": len(typed) > MAX_QUERY_LENGTH,
        "max_length": MAX_QUERY_LENGTH,
    }
    return render(request, "courses/search.html", context)
