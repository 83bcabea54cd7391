import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language as django_set_language
from wagtail.admin.auth import require_admin_access

from accounts import services
from accounts.adapters import RETURNING_COOKIE
from accounts.admin_account import AccountSettingsView
from accounts.forms import ErasureForm, ProfileForm
from accounts.language import switched_url
from web import ratelimit
from web.http_methods import require_GET, require_GET_or_POST, require_POST, require_safe

# Wrong passwords on the erasure form, per user and client address, per quarter of an hour.
ERASE_ATTEMPTS = 5
ERASE_RATE = f"{ERASE_ATTEMPTS}/15m"
ERASED_SESSION_KEY = "frontline_personal_data_erased"


@login_required
@require_GET_or_POST
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
            return redirect(reverse("profile"))
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
def set_language(request):
    """Shows the page the reader was on in the language they chose, whatever language the
    browser, the cookie or their profile asks for, and remembers the choice on a signed-in user.
    (Django's own view resolves the page's address in the language of the request, so a page
    open in another language came back unchanged: accounts.language.)"""
    response = django_set_language(request)
    language = request.POST.get("language")
    if language not in dict(settings.LANGUAGES):
        return response
    if response.has_header("Location"):
        switched = switched_url(request, _safe_next(request), language)
        response["Location"] = switched.url
        if not switched.same_page:
            with translation.override(language):
                messages.info(
                    request, _("This page is not available in this language yet: here is the nearest page that is.")
                )
    if request.user.is_authenticated:
        services.user_language_set(user=request.user, language=language)
    return response


def _safe_next(request) -> str:
    """Where Django's view would send the reader back to, before it translates the address."""
    for url in (request.POST.get("next"), request.META.get("HTTP_REFERER")):
        if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
            return url
    return "/"


def _my_data_context(user, form) -> dict:
    return {
        "form": form,
        "counts": {
            "enrolments": user.enrolments.count(),
            "lesson_completions": user.lesson_completions.count(),
            "attempts": user.attempts.count(),
            "certificates": user.certificates.count(),
        },
    }


@login_required
@require_safe
@never_cache
def my_data(request):
    """What Frontline stores about the signed-in user: download it, or ask for erasure."""
    return render(request, "accounts/my_data.html", _my_data_context(request.user, ErasureForm(user=request.user)))


@login_required
@require_GET
def my_data_export(request):
    """Everything stored about the user, as a JSON file; the download is audited."""
    data = services.personal_data_export(user=request.user)
    services.personal_data_export_record(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    filename = f"frontline-personal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET_or_POST
@never_cache
def my_data_erase(request):
    """Erase the user's personal data once they confirm with their password and a tick."""
    if request.method != "POST":
        return redirect("my_data")
    user = request.user
    group = f"erase-password:{user.pk}"
    form = ErasureForm(request.POST, user=user)
    if ratelimit.used_up(request, group=group, rate=ERASE_RATE):
        messages.error(request, _("Too many wrong passwords. Wait a quarter of an hour and try again."))
        return render(request, "accounts/my_data.html", _my_data_context(user, ErasureForm(user=user)), status=429)
    if not form.is_valid():
        if "password" in form.errors:
            ratelimit.allow(request, group=group, rate=ERASE_RATE)
        messages.error(request, _("Your personal data was not erased. Correct the errors below."))
        return render(request, "accounts/my_data.html", _my_data_context(user, form))
    services.user_erase(user=user, by=user)
    logout(request)
    request.session[ERASED_SESSION_KEY] = True
    response = redirect("my_data_erased")
    # The account is gone: this browser's visitor may sign up again, so the header offers it.
    response.delete_cookie(RETURNING_COOKIE, samesite="Lax")
    return response


@require_safe
@never_cache
def my_data_erased(request):
    """The confirmation shown once, after erasure (the user is signed out by then)."""
    if not request.session.pop(ERASED_SESSION_KEY, False):
        return redirect("/")
    return render(request, "accounts/my_data_erased.html")


# Wagtail's account page, wrapped as Wagtail wraps its admin views (access, the admin language).
account_settings = require_admin_access(never_cache(AccountSettingsView.as_view()))


@require_safe
def admin_login(request):
    """The Wagtail admin's login URL. Everyone signs in through allauth's login page; a signed-in
    user without access to the admin is told so (sending them to the login page again would loop:
    allauth returns a signed-in user to ``next``, the admin, which sends them here)."""
    if not request.user.is_authenticated:
        query = request.META.get("QUERY_STRING", "")
        return redirect(reverse("account_login") + (f"?{query}" if query else ""))
    if request.user.has_perm("wagtailadmin.access_admin"):
        next_url = request.GET.get("next", "")
        allowed = url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure())
        return redirect(next_url if allowed else "wagtailadmin_home")
    return render(request, "accounts/admin_forbidden.html", status=403)
