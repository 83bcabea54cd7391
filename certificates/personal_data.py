"""A holder's certificates. On erasure they stay valid on their verification pages, which then
say that the holder's personal data was erased; the stored PDFs (which print the name) go."""

import logging

from django.db import transaction

from accounts.personal_data import AuditedObject, Erasure, when
from certificates.models import Certificate

logger = logging.getLogger(__name__)


def export(*, user) -> dict:
    return {
        "certificates": [
            {
                "code": certificate.display_code,
                "course": certificate.course_title,
                "holder_name": certificate.holder_name,
                "agency": certificate.agency_name,
                "language": certificate.language,
                "issued_at": when(certificate.issued_at),
                "expires_on": when(certificate.expires_on),
                "status": certificate.public_status,
                "revoked_at": when(certificate.revoked_at),
                "revocation_reason": certificate.revocation_reason,
            }
            for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
        ]
    }


def erase(*, user, erasure: Erasure) -> dict:
    certificates = Certificate.objects.filter(user=user)
    pdfs = list(certificates.exclude(pdf="").values_list("pdf", flat=True))
    certificates.update(holder_name="", pdf="")
    if pdfs:
        storage = Certificate._meta.get_field("pdf").storage

        def delete_files():
            for name in pdfs:
                try:
                    storage.delete(name)
                except OSError:
                    logger.warning("Could not delete the PDF %s of an erased user", name, exc_info=True)

        transaction.on_commit(delete_files)

    # Staff type the person's name or address into revocation reasons.
    for certificate in Certificate.objects.filter(user=user).only("pk", "revocation_reason"):
        reason = erasure.redact(certificate.revocation_reason)
        if reason != certificate.revocation_reason:
            Certificate.objects.filter(pk=certificate.pk).update(revocation_reason=reason)
    return {"certificates": len(pdfs)}


def audited_objects(*, user) -> list[AuditedObject]:
    return [
        AuditedObject(
            model=Certificate,
            object_id=str(certificate.pk),
            about=f"certificate {certificate.code}",
            label=str(certificate),
        )
        for certificate in Certificate.objects.filter(user=user).order_by("pk")
    ]
