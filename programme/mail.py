"""E-mails the programme sends: one builder, so that every notice has the same shape.

Each message has a plain-text and an HTML part rendered in the recipient's language from
``templates/<template>.txt`` / ``.html`` (the subject from ``<template>_subject.txt``), a stable
``Message-ID`` built from ``message_key`` (a retried send is recognisably the same message), and,
for what is optional, the one-click unsubscribe of RFC 8058 (``List-Unsubscribe`` with
``List-Unsubscribe-Post``). Mandatory notices get ``mandatory_reason`` in the context instead:
the footer says why they cannot be switched off."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

UNSUBSCRIBE_SALT = "frontline.programme.unsubscribe"


def unsubscribe_token(*, user_id: int, kind: str) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from a token, or None when it was not made here. Tokens do not expire:
    an unsubscribe link in an old e-mail must still work."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(data.get("k"), str):
        return None
    return data["u"], data["k"]


def site_url() -> str:
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost:8000").rstrip("/")


def notification_email(
    *,
    recipient,
    template: str,
    context: dict,
    message_key: str,
    opt_out_kind: str | None = None,
) -> EmailMultiAlternatives:
    """The e-mail ``template`` for ``recipient``, in their language.

    ``opt_out_kind`` (an ``EmailOptOut.Kind``) makes it optional: it gets the one-click
    unsubscribe headers and an unsubscribe link in both parts. Without it the message is
    mandatory and says so."""
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    base = site_url()
    headers = {
        "Content-Language": language,
        "Message-ID": f"<{message_key}@{base.split('://')[-1].split('/')[0] or 'frontline'}>",
        "Auto-Submitted": "auto-generated",
    }
    with translation.override(language):
        context = {"recipient": recipient, "site_url": base, "language": language, **context}
        if opt_out_kind:
            token = unsubscribe_token(user_id=recipient.pk, kind=opt_out_kind)
            unsubscribe_url = base + reverse("email_unsubscribe", args=[token])
            context["unsubscribe_url"] = unsubscribe_url
            headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        else:
            context.setdefault(
                "mandatory_reason",
                gettext(
                    "You cannot switch this notice off: it is about training your agency requires of you. "
                    "If you think it reached you by mistake, ask your training coordinator."
                ),
            )
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context).strip() + "\n"
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[recipient.email], headers=headers)
    message.attach_alternative(html, "text/html")
    return message
