"""The trainee's pages that read the programme: "My learning" and the welcome page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from courses.welcome import duration, welcome_for
from programme.learning import learning_of
from web.http_methods import require_safe


@login_required
@require_safe
def my_learning(request):
    return render(request, "courses/my_learning.html", {"learning": learning_of(user=request.user)})


@login_required
@require_safe
def welcome(request):
    """What Frontline is, the courses assigned to the trainee, how long they take, and a
    button to start the first (a trainee's first sign-in opens it)."""
    plan = welcome_for(learning_of(user=request.user).base)
    return render(
        request,
        "courses/welcome.html",
        {"plan": plan, "total_duration": duration(plan.minutes), "agency": request.user.agency},
    )
