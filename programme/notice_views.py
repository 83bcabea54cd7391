"""The "Notices" page (learning/notices/) and its "Mark as read" buttons; the one-click
unsubscribe of optional e-mails (RFC 8058)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from programme import notices
from programme.mail import read_unsubscribe_token
from programme.models import EmailOptOut, Reminder
from web.http_methods import require_GET_or_POST, require_POST, require_safe


@login_required
@require_safe
def notice_list(request):
    page = Paginator(notices.notices_of(user=request.user), notices.PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = notices.notices_for_page(list(page.object_list))
    unread = notices.unread_count(user=request.user, fresh=True)
    request._unread_notices = unread  # the header's count: the same figure, not a second query
    return render(request, "programme/notices.html", {"page": page, "unread_total": unread})


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return redirect(target)
    return redirect("notices")


@login_required
@require_POST
def notice_read(request, reminder_id: int):
    # Someone else's notice does not exist for this user.
    get_object_or_404(Reminder.objects.filter(recipient=request.user).only("pk"), pk=reminder_id)
    notices.notice_mark_read(user=request.user, reminder_id=reminder_id)
    return _back(request)


@login_required
@require_POST
def notice_read_all(request):
    if notices.notice_mark_read(user=request.user):
        messages.success(request, _("All your notices are marked as read."))
    return _back(request)


def _opt_out_of(token: str):
    """(user, kind) the token was made for, or None: a token not made here, a kind that does
    not exist (any more), or an account that is gone."""
    found = read_unsubscribe_token(token)
    if found is None or found[1] not in EmailOptOut.Kind.values:
        return None
    user = get_user_model().objects.filter(pk=found[0], is_active=True, erased_at__isnull=True).first()
    return (user, EmailOptOut.Kind(found[1])) if user else None


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" with no session or token
@require_GET_or_POST
def email_unsubscribe(request, token: str):
    """GET: a page with one button; POST (the button, or a mail client's one-click): the
    opt-out is recorded. The signed token is the authority, so no sign-in is needed."""
    found = _opt_out_of(token)
    if found is None:
        return render(request, "programme/unsubscribe_invalid.html", status=400)
    user, kind = found
    with translation.override(user.preferred_language or translation.get_language()):
        if request.method == "POST":
            EmailOptOut.objects.get_or_create(user=user, kind=kind)
            return render(request, "programme/unsubscribe_done.html", {"kind": kind, "kind_label": kind.label})
        already = EmailOptOut.objects.filter(user=user, kind=kind).exists()
        return render(
            request, "programme/unsubscribe.html", {"kind": kind, "kind_label": kind.label, "already": already}
        )
