from collections.abc import Callable

from allauth.account.models import EmailAddress
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from accounts.models import Agency, CoordinatorScope, Region, User


def active_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).order_by("sort_order", "name")


def active_regions() -> QuerySet[Region]:
    return Region.objects.filter(is_active=True).order_by("sort_order", "name")


def is_coordinator(user) -> bool:
    """Administrators, and users holding at least one coordinator scope."""
    return user.is_authenticated and (user.is_superuser or CoordinatorScope.objects.filter(user=user).exists())


# An account holds an address when it is the account's login (``User.email``) or a verified or
# primary address of it. An unverified secondary address is only a request to change to it,
# which anyone can make for any address: it holds nothing, so it never blocks a sign-up or an
# invitation and never receives a password reset.


def _holding(addresses: QuerySet[EmailAddress]) -> QuerySet[EmailAddress]:
    return addresses.filter(Q(verified=True) | Q(primary=True))


def email_holders(email: str) -> QuerySet[User]:
    """The accounts that hold ``email`` (compared without regard to case)."""
    email = email.lower()
    addresses = _holding(EmailAddress.objects.annotate(lower=Lower("email")).filter(lower=email))
    return User.objects.annotate(lower=Lower("email")).filter(Q(lower=email) | Q(pk__in=addresses.values("user_id")))


def held_emails(emails) -> set[str]:
    """Those of ``emails`` (in lower case) that some account holds."""
    emails = sorted({email.lower() for email in emails})
    found: set[str] = set()
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        found.update(
            User.objects.annotate(lower=Lower("email")).filter(lower__in=chunk).values_list("lower", flat=True)
        )
        found.update(
            _holding(EmailAddress.objects.annotate(lower=Lower("email")).filter(lower__in=chunk)).values_list(
                "lower", flat=True
            )
        )
    return found


# Apps above accounts may hold addresses that nobody may claim yet (a coordinator's invitation
# list awaiting confirmation). They register a check here in their AppConfig.ready(), so accounts
# asks them without importing them.
_email_reservations: list[Callable[[str], bool]] = []


def email_reservation_register(check: Callable[[str], bool]) -> None:
    if check not in _email_reservations:
        _email_reservations.append(check)


def email_reserved(email: str) -> bool:
    """Whether ``email`` is set aside for someone who has no account yet."""
    return any(check(email) for check in _email_reservations)


# --- Erasure by staff ---------------------------------------------------------------------------
# Staff who may change users may erase others' personal data, but never their own (the "Your
# data" page does that, with its own confirmation) and, unless they are superusers, never a
# superuser's. Both functions state the same rule: one for lists, one for a single account.


def users_erasable_by(actor) -> QuerySet[User]:
    """The accounts whose personal data ``actor`` may erase in the admin."""
    if not actor.has_perm("accounts.change_user"):
        return User.objects.none()
    users = User.objects.filter(erased_at__isnull=True).exclude(pk=actor.pk)
    if not actor.is_superuser:
        users = users.filter(is_superuser=False)
    return users


def user_erasable_by(user, actor) -> bool:
    """Whether ``actor`` may erase ``user``'s personal data (users_erasable_by, for one account)."""
    return (
        actor.has_perm("accounts.change_user")
        and user.erased_at is None
        and user.pk != actor.pk
        and (actor.is_superuser or not user.is_superuser)
    )
