"""What the welcome page shows: the courses required of the trainee, how long they take, and
the first to start. The page itself is ``programme.views.welcome`` (the required courses are
the trainee's assignments); a trainee's first sign-in opens it (``accounts.adapters``).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses import selectors


@dataclass(frozen=True)
class Welcome:
    to_do: list  # required courses not yet completed (LearningItem), in catalogue order
    done: list  # required courses completed
    minutes: int  # the estimated time of those to do

    @property
    def first(self):
        return self.to_do[0] if self.to_do else None


def welcome_for(learning: selectors.MyLearning) -> Welcome:
    to_do = list(learning.required)
    return Welcome(
        to_do=to_do,
        done=[item for item in learning.completed if item.required],
        minutes=sum(item.course.estimated_minutes for item in to_do),
    )


def duration(minutes: int) -> str:
    """A duration such as "about 3 h 20 min", in the reader's language (whole hours and short times in words)."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("about %(minutes)s minute", "about %(minutes)s minutes", minutes) % {"minutes": minutes}
    if not rest:
        return ngettext("about %(hours)s hour", "about %(hours)s hours", hours) % {"hours": hours}
    return _("about %(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
