from django.db.models import QuerySet

from accounts.scope import Scope
from accounts.selectors import is_coordinator
from certificates import codes
from certificates.models import Certificate
from cms.i18n import canonical_page


def current_certificate(*, user, course) -> Certificate | None:
    """The trainee's certificate for a course that is neither revoked nor superseded."""
    return Certificate.objects.filter(user=user, course=canonical_page(course), status=Certificate.Status.VALID).first()


def certificate_earned_by(*, attempt) -> Certificate | None:
    """The certificate a passed attempt earned, whatever its status since."""
    return Certificate.objects.filter(attempt=attempt).first()


def certificates_of(*, user) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user).order_by("-issued_at")


def certificate_by_code(*, code: str) -> Certificate | None:
    """Look a code up; malformed codes (failing the check character) never reach the database."""
    normalised = codes.normalise(code)
    if not codes.is_well_formed(normalised):
        return None
    return Certificate.objects.filter(code=normalised).select_related("user").first()


def certificate_for_download(*, user, certificate_id: int, second_factor_passed: bool) -> Certificate | None:
    """A certificate the user may download: their own, or, for a coordinator whose session
    passed two-factor authentication, one whose holder is in their scope."""
    certificate = Certificate.objects.filter(pk=certificate_id).select_related("user").first()
    if certificate is None or certificate.user.erased_at is not None:
        # The holder's data was erased: the PDF would print a name that no longer exists.
        return None
    if certificate.user_id == user.pk:
        return certificate
    if second_factor_passed and is_coordinator(user):
        if Scope.for_user(user).trainees().filter(pk=certificate.user_id).exists():
            return certificate
    return None
