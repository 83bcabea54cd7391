"""Russian and Tajik versions of the seed content, through wagtail-localize.

The translations live as PO files in ``demo/content/locale/<language>/<name>.po``, keyed
by the English source string (msgid). Importing them creates real wagtail-localize
translations, so editors keep them in sync afterwards like any other page, and block ids
(and therefore grading) are identical in every language.
"""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from assessments.models import AssessmentPage
from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, LessonPage
from demo.course_texts import CONTENT_DIR, seed_slugs

LOCALE_DIR = CONTENT_DIR / "locale"
SITE_FILE = "site"


def seed_pages() -> list[tuple[str, list[Page]]]:
    """The default-language seed pages grouped by PO file, parents before children.

    Only the pages the seed content defines: ``seed_demo`` runs on every ``./run start``, and
    translating (and publishing) a course or lesson an editor added would put it live in every
    language, in English, without a moderator's approval.
    """
    locale = Locale.get_default()
    seed_lessons = seed_slugs()
    groups = []
    site_pages = [page for page in (HomePage.objects.filter(locale=locale).first(),) if page]
    site_pages += list(CourseIndexPage.objects.filter(locale=locale))
    groups.append((SITE_FILE, site_pages))
    for course in CoursePage.objects.filter(locale=locale, slug__in=seed_lessons).order_by("path"):
        pages = [course]
        pages += list(LessonPage.objects.child_of(course).filter(slug__in=seed_lessons[course.slug]).order_by("path"))
        pages += list(AssessmentPage.objects.child_of(course))
        groups.append((course.slug, pages))
    return groups


def export_templates(directory: Path = LOCALE_DIR / "templates") -> list[Path]:
    """Write one .pot per group with every translatable string of its pages."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, pages in seed_pages():
        catalogue = polib.POFile(wrapwidth=0)
        catalogue.metadata = {"Content-Type": "text/plain; charset=utf-8"}
        seen = set()
        for page in pages:
            source, _created = TranslationSource.get_or_create_from_instance(page)
            for entry in source.export_po():
                if entry.msgid in seen:
                    continue
                seen.add(entry.msgid)
                catalogue.append(polib.POEntry(msgid=entry.msgid, msgstr="", comment=f"{page.title} | {entry.msgctxt}"))
        path = directory / f"{name}.pot"
        catalogue.save(str(path))
        written.append(path)
    return written


def load_catalogue(language: str) -> dict[str, str]:
    """Every translated string for a language, English source to translation."""
    strings = {}
    for path in sorted((LOCALE_DIR / language).glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags:
                strings[entry.msgid] = entry.msgstr
    return strings


@transaction.atomic
def translate_seed_pages(language: str, *, refresh: bool = False, stdout=None) -> int:
    """Create the translations of the seed pages in one language (with ``refresh``, also
    re-import existing ones); returns the number of pages translated. Strings without a
    translation stay in English."""
    strings = load_catalogue(language)
    if not strings:
        return 0
    locale, _created = Locale.objects.get_or_create(language_code=language)
    count = 0
    for name, pages in seed_pages():
        for page in pages:
            source, _created = TranslationSource.get_or_create_from_instance(page)
            translation, created = Translation.objects.get_or_create(source=source, target_locale=locale)
            if not created and not refresh:
                continue
            po = translation.export_po()
            for entry in po:
                entry.msgstr = strings.get(entry.msgid, "")
            translation.import_po(po)
            translation.save_target(publish=True)
            count += 1
        if stdout:
            stdout.write(f"  {language}: {name}")
    if count:
        # Work queued on commit by publishing saves stale copies of the new parent pages,
        # resetting their child counts, which hides the children from routing; recount last.
        transaction.on_commit(lambda: Page.fix_tree(fix_paths=False))
    return count
