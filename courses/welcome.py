"""The welcome page: what Frontline is, the courses the trainee's agency requires, how long they
take, and a button to start the first. A trainee's first sign-in opens it (``accounts.adapters``:
from an invitation, or confirming the address they signed up with); My learning links to it.

It reads what My learning reads (``selectors.my_learning``), so it costs no query of its own.
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses import selectors
from web.http_methods import require_safe


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


@login_required
@require_safe
def welcome(request):
    plan = welcome_for(selectors.my_learning(user=request.user))
    return render(
        request,
        "courses/welcome.html",
        {"plan": plan, "total_duration": duration(plan.minutes), "agency": request.user.agency},
    )
