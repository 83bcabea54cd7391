"""Django's password validators with Frontline's own messages (``AUTH_PASSWORD_VALIDATORS``).

The rules are Django's; only the words are ours. Django's Tajik catalogue leaves some of these
messages untranslated and says "рамз" (code) for the others where the forms say "парол", and its
English msgids change between releases (6.1 turned "%(min_length)d" into "%d", which silently
orphaned a translation). Messages kept in the project's catalogues are extracted by
makemessages and checked by the translation tests like every other string.

Sign-up, password change, the invitation's password setting and password reset all run these
(allauth's ``clean_password`` calls ``validate_password``), and their help texts are the rules
listed under every new-password field.
"""

from django.contrib.auth import password_validation as django_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(django_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short. It must have at least %(min_length)d character.",
            "This password is too short. It must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Your password must have at least %(min_length)d character.",
            "Your password must have at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(django_validation.UserAttributeSimilarityValidator):
    """Also compares with ``full_name``: Frontline users have no first or last name."""

    DEFAULT_USER_ATTRIBUTES = ("full_name", "email")

    def __init__(self, user_attributes=DEFAULT_USER_ATTRIBUTES, max_similarity=0.7):
        super().__init__(user_attributes=user_attributes, max_similarity=max_similarity)

    def get_error_message(self):
        # The field's name is put in brackets: in Russian and Tajik it would need a case ending
        # after "similar to", which a verbose name in the nominative does not have.
        return _("This password is too similar to your personal details (%(verbose_name)s).")

    def get_help_text(self):
        return _("Your password must not be similar to your name or e-mail address.")


class CommonPasswordValidator(django_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("This password is too common. Choose one that is harder to guess.")

    def get_help_text(self):
        return _("Your password must not be a commonly used password.")


class NumericPasswordValidator(django_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("This password has only digits. Add letters or other characters.")

    def get_help_text(self):
        return _("Your password must not consist of digits only.")
