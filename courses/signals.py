"""Which course a published change belongs to (for cms.published), so that publishing a lesson,
an assessment or a course's own page moves that course's version and nothing else."""

from wagtail.models import Page, PageLogEntry

from cms import published
from courses.models import CoursePage

# What other pages show of a course (the catalogue, the home page, My learning): a course
# publish that changes one of these changes more than the course.
CATALOGUE_FIELDS = ("title", "slug", "summary", "estimated_minutes", "locale")
PUBLISH, UNPUBLISH = "wagtail.publish", "wagtail.unpublish"


def course_of(page: Page, *, revision=None) -> str | None:
    """The tree path of the course ``page`` belongs to, or None when publishing ``page`` (then
    ``revision``; None: unpublishing it) changes what is shown outside that course."""
    steplen = Page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    course_path = CoursePage.objects.filter(path__in=paths).order_by("-depth").values_list("path", flat=True).first()
    if course_path is None:
        return None
    if course_path == page.path and _catalogue_entry_changes(page, revision):
        return None
    return course_path


def _catalogue_entry_changes(course: Page, revision) -> bool:
    if revision is None:
        return True  # unpublished: it leaves the catalogue
    before = (
        PageLogEntry.objects.filter(page_id=course.pk, action__in=[PUBLISH, UNPUBLISH])
        .exclude(revision_id=revision.pk)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if before is None or before.action != PUBLISH or before.revision is None:
        return True  # first published, or again after being unpublished
    return any(before.revision.content.get(name) != revision.content.get(name) for name in CATALOGUE_FIELDS)


published.set_course_finder(course_of)
