"""Audit trail for who may see what (coordinator scopes, groups and staff flags), and the end of
a user's other sessions when their authenticators change.

Changes are caught at the model, so they are recorded whether the admin or a script makes
them. The acting user comes from Wagtail's log context, which Wagtail's admin sets.
"""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from accounts.context_processors import coordinator_key
from accounts.models import Agency, CoordinatorScope, Region, User
from accounts.services import ROLE_CHANGE_ACTION, SCOPE_CHANGE_ACTION

ROLE_FLAGS = ("is_staff", "is_superuser")


# --- Coordinator scopes -------------------------------------------------------------------------


def _scope_values(agency_id, region_id) -> dict:
    agency = Agency.objects.filter(pk=agency_id).values_list("code", flat=True).first() if agency_id else None
    region = Region.objects.filter(pk=region_id).values_list("code", flat=True).first() if region_id else None
    return {"agency": agency or "*", "region": region or "*"}


def _log_scope(scope, change: str, old: dict | None, new: dict | None) -> None:
    user = User.objects.filter(pk=scope.user_id).first()
    if user is None:
        return
    log(
        instance=user,
        action=SCOPE_CHANGE_ACTION,
        data={"user": user.pk, "scope": scope.pk, "change": change, "old": old, "new": new},
    )


@receiver(pre_save, sender=CoordinatorScope, dispatch_uid="frontline_scope_pre_save")
def scope_remember_old(sender, instance, raw=False, **kwargs):
    instance._frontline_old_scope = None
    if raw or instance._state.adding or instance.pk is None:
        return
    instance._frontline_old_scope = (
        CoordinatorScope.objects.filter(pk=instance.pk).values_list("user_id", "agency_id", "region_id").first()
    )


@receiver(post_save, sender=CoordinatorScope, dispatch_uid="frontline_scope_post_save")
def scope_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    new = (instance.user_id, instance.agency_id, instance.region_id)
    if created:
        _log_scope(instance, "created", None, _scope_values(*new[1:]))
        return
    old = getattr(instance, "_frontline_old_scope", None)
    if old is not None and tuple(old) != new:
        _log_scope(instance, "changed", _scope_values(*old[1:]), _scope_values(*new[1:]))


@receiver(post_delete, sender=CoordinatorScope, dispatch_uid="frontline_scope_post_delete")
def scope_deleted(sender, instance, **kwargs):
    _log_scope(instance, "deleted", _scope_values(instance.agency_id, instance.region_id), None)


# --- Staff flags and groups -----------------------------------------------------------------------


@receiver(pre_save, sender=User, dispatch_uid="frontline_role_pre_save")
def role_remember_old(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._frontline_old_flags = None
    if raw:
        return
    if update_fields is not None and not set(update_fields) & set(ROLE_FLAGS):
        return
    if instance._state.adding or instance.pk is None:
        instance._frontline_old_flags = dict.fromkeys(ROLE_FLAGS, False)
        return
    old = User.objects.filter(pk=instance.pk).values(*ROLE_FLAGS).first()
    instance._frontline_old_flags = old or dict.fromkeys(ROLE_FLAGS, False)


@receiver(post_save, sender=User, dispatch_uid="frontline_role_post_save")
def role_flags_saved(sender, instance, raw=False, **kwargs):
    old = getattr(instance, "_frontline_old_flags", None)
    instance._frontline_old_flags = None
    if raw or old is None:
        return
    changes = {
        flag: {"old": old[flag], "new": getattr(instance, flag)}
        for flag in ROLE_FLAGS
        if old[flag] != getattr(instance, flag)
    }
    if changes:
        log(instance=instance, action=ROLE_CHANGE_ACTION, data={"user": instance.pk, "changes": changes})


def _log_groups(user, *, added=(), removed=()) -> None:
    """Called after the change: the groups now, and before (now minus added plus removed)."""
    added, removed = set(added), set(removed)
    now = set(user.groups.values_list("pk", flat=True))
    before = (now - added) | removed
    names = dict(Group.objects.filter(pk__in=now | before).values_list("pk", "name"))

    def named(ids):
        return sorted(names.get(pk, str(pk)) for pk in ids)

    changes = {"groups": {"old": named(before), "new": named(now)}}
    if added:
        changes["groups_added"] = named(added)
    if removed:
        changes["groups_removed"] = named(removed)
    log(instance=user, action=ROLE_CHANGE_ACTION, data={"user": user.pk, "changes": changes})


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="frontline_role_groups")
def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        if reverse:
            instance._frontline_cleared = list(User.objects.filter(groups=instance).values_list("pk", flat=True))
        else:
            instance._frontline_cleared = list(instance.groups.values_list("pk", flat=True))
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if action == "post_clear":
        pk_set, action = set(getattr(instance, "_frontline_cleared", ())), "post_remove"
        instance._frontline_cleared = ()
    if not pk_set:
        return
    key = "added" if action == "post_add" else "removed"
    if not reverse:
        _log_groups(instance, **{key: pk_set})
        return
    # group.user_set.add(...): one entry per user whose groups changed.
    for user in User.objects.filter(pk__in=pk_set):
        _log_groups(user, **{key: {instance.pk}})


# --- Authenticators -------------------------------------------------------------------------------


def end_other_sessions(request, user) -> None:
    """End every session of the user that allauth knows of, but the one making the request."""
    current = request.session.session_key
    others = [session for session in UserSession.objects.filter(user=user) if session.session_key != current]
    get_usersessions_adapter().end_sessions(others)


@receiver(authenticator_added, dispatch_uid="frontline_authenticator_added")
def authenticator_added_ends_other_sessions(sender, request, user, authenticator, **kwargs):
    """A session from before the new authenticator never gains what it protects: every other
    session of the user ends. This session has just proved the factor (activation asks for a
    code from the app), which is recorded as a second-factor step of this session."""
    if authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    end_other_sessions(request, user)


@receiver(authenticator_removed, dispatch_uid="frontline_authenticator_removed")
@receiver(authenticator_reset, dispatch_uid="frontline_authenticator_reset")
def authenticator_changed_ends_other_sessions(sender, request, user, **kwargs):
    end_other_sessions(request, user)


# --- The header's reports link (accounts.context_processors) ----------------------------------


@receiver(post_save, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-saved")
@receiver(post_delete, sender=CoordinatorScope, dispatch_uid="frontline-nav-scope-deleted")
def _forget_reports_link_of_scope_holder(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.user_id))


@receiver(post_save, sender=User, dispatch_uid="frontline-nav-user-saved")
def _forget_reports_link_of_user(sender, instance, **kwargs):
    cache.delete(coordinator_key(instance.pk))


# --- One language preference (accounts.services.user_language_set) ------------------------------
#
# Wagtail keeps an admin language of its own on its user profile; it mirrors the user's
# preferred language, so the site, the e-mails (Wagtail's moderation mails included) and the
# admin speak the one language the user chose, wherever they chose it.


@receiver(post_save, sender=User, dispatch_uid="frontline-language-user-saved")
def _admin_language_follows_user(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "preferred_language" not in update_fields):
        return
    UserProfile.objects.filter(user_id=instance.pk).exclude(preferred_language=instance.preferred_language).update(
        preferred_language=instance.preferred_language
    )


@receiver(pre_save, sender=UserProfile, dispatch_uid="frontline-language-profile-created")
def _new_admin_profile_takes_user_language(sender, instance, raw=False, **kwargs):
    if not raw and instance._state.adding and not instance.preferred_language:
        instance.preferred_language = instance.user.preferred_language
