"""Start-up checks for how the site's files are laid out."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.files.storage import FileSystemStorage, storages


@register(Tags.security)
def private_files_outside_media_root(app_configs, **kwargs):
    """The web server publishes MEDIA_ROOT. If the private storage lies inside it, uploaded
    documents and certificate PDFs are published too, past every check of the views."""
    private = storages["private"]
    if not isinstance(private, FileSystemStorage):
        return []
    private_root = Path(private.location).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if private_root.is_relative_to(media_root):
        return [
            Error(
                f"The private storage ({private_root}) is inside MEDIA_ROOT ({media_root}), "
                "which the web server publishes.",
                hint="Set PRIVATE_MEDIA_ROOT to a directory outside MEDIA_ROOT.",
                id="cms.E001",
            )
        ]
    return []
