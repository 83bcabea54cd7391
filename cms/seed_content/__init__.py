"""The four seed courses, written for Frontline from the public reports in shared/seeds.

Each module holds ``COURSE`` (overview and lessons, bodies in Wagtail's raw StreamField form)
and ``ASSESSMENT`` (its question pool).
"""

from importlib import import_module

COURSE_MODULES = [
    "identifying_victims",
    "trauma_informed_interviewing",
    "non_punishment",
    "asylum_at_borders",
]


def load_courses() -> list:
    """The seed modules in catalogue order."""
    return [import_module(f"{__name__}.{name}") for name in COURSE_MODULES]
