from django.tasks import task


@task
def render_certificate(certificate_id: int) -> None:
    """Render a certificate's PDF outside the request that issued it."""
    from certificates.models import Certificate
    from certificates.services import certificate_render

    certificate = Certificate.objects.filter(pk=certificate_id, user__erased_at__isnull=True).first()
    if certificate is not None:
        certificate_render(certificate=certificate)
