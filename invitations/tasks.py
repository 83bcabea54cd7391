"""Sending the invitation e-mail: one task per trainee, queued after the accounts are committed.

The message is rendered from ``templates/invitations/email/`` in the trainee's language, with a
link to set a password: the invitation's own page (``invitations.accept``), with allauth's
password-reset key, so it expires like a reset link and works once.
"""

import logging
from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.adapters import SET_PASSWORD_URL_NAME
from invitations.checks import default_language

logger = logging.getLogger(__name__)

SUBJECT_TEMPLATE = "invitations/email/invitation_subject.txt"
MESSAGE_TEMPLATE = "invitations/email/invitation_message.txt"


def invitation_message(user, *, site_url: str, inviter: str) -> EmailMessage:
    """The invitation e-mail, in the trainee's language, with a link to set a password."""
    language = user.preferred_language or default_language()
    site_url = site_url.rstrip("/")
    with translation.override(language):
        path = reverse(
            SET_PASSWORD_URL_NAME,
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        )
        context = {
            "name": user.full_name,
            "inviter": inviter,
            "email": user.email,
            "set_password_url": site_url + path,
            "days": max(1, int(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT).total_seconds() // 86400)),
            "new_link_url": site_url + reverse("account_reset_password"),
        }
        subject = " ".join(render_to_string(SUBJECT_TEMPLATE, context).split())
        body = render_to_string(MESSAGE_TEMPLATE, context).strip()
    return EmailMessage(subject, body, to=[user.email], headers={"Content-Language": language})


@task
def send_invitation(user_id: int, site_url: str, inviter: str) -> bool:
    """One invitation e-mail, sent by the worker. Its arguments are plain JSON (the queue stores
    them). True when it was sent, False when there was nobody left to invite. A mail server that
    fails is logged and the exception raised again, so the task's result is FAILED in the queue
    (``django_tasks_db.DBTaskResult``, with the traceback), never silent."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return False  # gone, or already set a password: nothing to invite
    message = invitation_message(user, site_url=site_url, inviter=inviter)
    try:
        message.send()
    except Exception:
        logger.exception("The invitation e-mail to user %s could not be sent", user_id)
        raise
    return True


def send_later(user_ids: list[int], site_url: str, inviter: str):
    """A callback for ``transaction.on_commit`` that queues one invitation per user."""
    user_ids, site_url, inviter = [int(pk) for pk in user_ids], str(site_url), str(inviter)

    def send():
        for user_id in user_ids:
            try:
                send_invitation.enqueue(user_id, site_url, inviter)
            except Exception:  # one bad address or a queue hiccup must not stop the others
                logger.exception("Could not send the invitation to user %s", user_id)

    return send
