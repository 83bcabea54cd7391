"""Checking invitation rows: each row cleaned and matched to its agency and region, and its
problems listed; nothing is written. ``recheck`` looks again at confirmation time."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from accounts import names
from accounts.models import Agency, Region
from accounts.scope import Scope
from accounts.selectors import held_emails


def default_language() -> str:
    """The language of an invited trainee whose row names none: the country pack's default."""
    return settings.TRAINEE_DEFAULT_LANGUAGE


def default_language_name() -> str:
    """The default language's name, in the current language (as the language menu names it)."""
    return language_names().get(default_language(), default_language())


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


class Lookup:
    """Agencies or regions by code or by name in any language, case-insensitively."""

    def __init__(self, model):
        self.codes: dict[str, int] = {}
        self.names: dict[str, set[int]] = {}
        self.inactive: set[str] = set()
        self.active: dict[int, object] = {}
        for item in model.objects.all():
            keys = {_key(name) for name in (item.name, item.name_ru, item.name_tg) if name}
            if item.is_active:
                self.active[item.pk] = item
                self.codes[_key(item.code)] = item.pk
                for key in keys:
                    self.names.setdefault(key, set()).add(item.pk)
            else:
                self.inactive |= keys | {_key(item.code)}

    def resolve(self, value: str) -> tuple[int | None, str]:
        """(id, "") when found, else (None, one of "missing", "ambiguous", "inactive", "unknown")."""
        key = _key(value)
        if not key:
            return None, "missing"
        if key in self.codes:
            return self.codes[key], ""
        ids = self.names.get(key, set())
        if len(ids) == 1:
            return next(iter(ids)), ""
        if ids:
            return None, "ambiguous"
        return None, "inactive" if key in self.inactive else "unknown"


def _agency_error(problem: str, value: str) -> str:
    return {
        "missing": _("Agency is missing."),
        "ambiguous": _("“%(value)s” matches more than one agency; use the agency's code instead."),
        "inactive": _("Agency “%(value)s” is no longer in use."),
        "unknown": _("Unknown agency “%(value)s”. Use an agency code or name from the list on the upload page."),
    }[problem] % {"value": value}


def _region_error(problem: str, value: str) -> str:
    return {
        "missing": _("Region is missing."),
        "ambiguous": _("“%(value)s” matches more than one region; use the region's code instead."),
        "inactive": _("Region “%(value)s” is no longer in use."),
        "unknown": _("Unknown region “%(value)s”. Use a region code or name from the list on the upload page."),
    }[problem] % {"value": value}


def _scope_error(agency: str, region: str) -> str:
    return _(
        "%(agency)s in %(region)s is outside your scope: "
        "you can only invite trainees to the agencies and regions you coordinate."
    ) % {"agency": agency, "region": region}


def existing_emails(emails) -> set[str]:
    """Those of ``emails`` (lower case) that an account already holds, as its login or as a
    verified or primary address. Another trainee's unverified request to change to an address
    does not count: it must not keep its owner from being invited."""
    return held_emails(emails)


def language_names() -> dict[str, str]:
    """The site's languages by code, named in the current language."""
    return {code: name for code, name in settings.LANGUAGES}


def check_rows(rows: list[tuple[int, dict]], *, scope: Scope) -> list[dict]:
    """Every row cleaned, matched to its agency and region, with its problems under "errors"."""
    User = get_user_model()
    name_max = User._meta.get_field("full_name").max_length
    email_max = User._meta.get_field("email").max_length
    position_max = User._meta.get_field("position").max_length
    agencies, regions = Lookup(Agency), Lookup(Region)
    languages = language_names()
    first_row_of: dict[str, int] = {}
    checked = []
    for number, values in rows:
        errors = []
        typed_name = values.get("full_name", "")
        full_name = names.normalise(typed_name)
        email = values.get("email", "").strip().lower()
        position = " ".join(values.get("position", "").split())
        language = values.get("language", "").strip().lower() or default_language()

        if not typed_name.strip():
            errors.append(_("Full name is missing."))
        elif not names.is_visible(full_name):
            errors.append(_("Full name has only spaces or invisible characters; type the name in letters."))
        elif len(full_name) > name_max:
            errors.append(_("Full name is too long (at most %(max)s characters).") % {"max": name_max})

        if not email:
            errors.append(_("E-mail address is missing."))
        else:
            try:
                validate_email(email)
                if len(email) > email_max:
                    raise ValidationError("too long")
            except ValidationError:
                errors.append(_("“%(email)s” is not a valid e-mail address.") % {"email": email})
            else:
                if email in first_row_of:
                    errors.append(
                        _("This e-mail address already appears in row %(row)s of the file.")
                        % {"row": first_row_of[email]}
                    )
                else:
                    first_row_of[email] = number

        agency_id, problem = agencies.resolve(values.get("agency", ""))
        if problem:
            errors.append(_agency_error(problem, values.get("agency", "")))
        region_id, problem = regions.resolve(values.get("region", ""))
        if problem:
            errors.append(_region_error(problem, values.get("region", "")))
        if agency_id and region_id and not scope.allows(agency_id, region_id):
            errors.append(_scope_error(agencies.active[agency_id].display_name, regions.active[region_id].display_name))

        if len(position) > position_max:
            errors.append(_("Position is too long (at most %(max)s characters).") % {"max": position_max})
        if language not in languages:
            errors.append(
                _("Unknown language “%(value)s”; use %(codes)s, or leave it empty for %(language)s.")
                % {
                    "value": values.get("language", "").strip(),
                    "codes": ", ".join(languages),
                    "language": default_language_name(),
                }
            )

        checked.append(
            {
                "row": number,
                "full_name": full_name,
                "email": email,
                "agency": values.get("agency", ""),
                "region": values.get("region", ""),
                "agency_id": agency_id,
                "region_id": region_id,
                "position": position,
                "language": language,
                "errors": errors,
            }
        )

    taken = existing_emails(first_row_of)
    for row in checked:
        if row["email"] in taken:
            row["errors"].append(_("An account with this e-mail address already exists."))
    return checked


def recheck(rows: list[dict], *, scope: Scope) -> int:
    """Check rows that passed at upload against today's data; add errors in place, return how many failed."""
    active_agencies = Agency.objects.filter(is_active=True).in_bulk()
    active_regions = Region.objects.filter(is_active=True).in_bulk()
    taken = existing_emails(row["email"] for row in rows)
    failed = 0
    for row in rows:
        errors = []
        if row["email"] in taken:
            errors.append(_("An account with this e-mail address was created after the file was checked."))
        if row["agency_id"] not in active_agencies:
            errors.append(_("Agency “%(value)s” is no longer in use.") % {"value": row["agency"]})
        if row["region_id"] not in active_regions:
            errors.append(_("Region “%(value)s” is no longer in use.") % {"value": row["region"]})
        if not errors and not scope.allows(row["agency_id"], row["region_id"]):
            errors.append(
                _scope_error(
                    active_agencies[row["agency_id"]].display_name, active_regions[row["region_id"]].display_name
                )
            )
        if errors:
            row["errors"] = errors
            failed += 1
    return failed
