"""The certificates' background work, run by the worker (``manage.py db_worker``)."""

from django.tasks import task

from certificates.services import certificate_render_once


@task
def render_certificate(certificate_id: int) -> bool:
    """Render a certificate's PDF outside the request that issued it, exactly once: True when
    this run rendered it, False when it was stored already (or the holder was erased)."""
    return certificate_render_once(certificate_id=certificate_id)
