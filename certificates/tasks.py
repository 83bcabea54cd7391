from django.tasks import task

from certificates.models import Certificate
from certificates.pdf import certificate_render


@task
def render_certificate(certificate_id: int) -> None:
    """Render a certificate's PDF outside the request that issued it."""
    certificate = Certificate.objects.filter(pk=certificate_id, user__erased_at__isnull=True).first()
    if certificate is not None:
        certificate_render(certificate=certificate)
