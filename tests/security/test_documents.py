"""Uploaded documents never run on the site's origin (security review #3).

An editor could upload notes.html and notes.js, and /media/documents/notes.html then ran the
script with the session of whoever opened it, on the site's origin. Now a document's file lives
in the private storage, which the web server does not publish. It leaves only through Wagtail's
serve view: collection privacy is checked, it is sent as an attachment, nosniff, in a CSP
sandbox. Only office, text and raster image types may be uploaded.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve as serve_media
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, UploadedFile

from cms.checks import private_files_outside_media_root
from tests.factories import UserFactory

Document = get_document_model()
SCRIPT = b"<script>fetch('/en/accounts/my-data/export.json')</script>"


def _files_in(directory: Path) -> set[Path]:
    return {path for path in directory.rglob("*") if path.is_file()} if directory.exists() else set()


@pytest.fixture
def private_documents_dir() -> Path:
    return Path(storages["private"].location) / "documents"


@pytest.fixture
def make_document(db):
    """A stored document (Wagtail's model, whatever WAGTAILDOCS_DOCUMENT_MODEL says); its
    file is removed from disk after the test."""
    created = []

    def make(name="notes.pdf", content=b"%PDF-1.4 test", collection=None):
        document = Document(title=name, collection=collection or Collection.get_first_root_node())
        document.file.save(name, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        created.append(document)
        return document

    yield make
    for document in created:
        document.file.delete(save=False)


@pytest.fixture
def editor(db):
    """Staff in Wagtail's Editors group: admin access and the document and image permissions,
    nothing that touches personal data (so the admin asks for no second factor)."""
    user = UserFactory(email="editor@example.org", agency=None, region=None, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _restricted_collection(restriction_type, **fields) -> Collection:
    collection = Collection.get_first_root_node().add_child(name=f"Restricted ({restriction_type})")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=restriction_type, **fields)
    return collection


def test_document_file_is_kept_out_of_media_root_and_not_served_under_media(make_document):
    document = make_document("notes.html", SCRIPT)

    file_path = Path(document.file.path).resolve()
    assert file_path.is_relative_to(Path(storages["private"].location).resolve())
    assert not file_path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    # What config/urls.py serves at MEDIA_URL in DEBUG (the web server's job in production).
    request = RequestFactory().get(settings.MEDIA_URL + document.file.name)
    with pytest.raises(Http404):
        serve_media(request, document.file.name, document_root=settings.MEDIA_ROOT)


def test_private_storage_inside_media_root_fails_the_system_check(settings):
    assert private_files_outside_media_root(None) == []
    settings.MEDIA_ROOT = Path(storages["private"].location).parent
    assert [error.id for error in private_files_outside_media_root(None)] == ["cms.E001"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("manual.pdf", b"%PDF-1.4 test"), ("notes.txt", b"plain words"), ("notes.html", SCRIPT)],
)
def test_served_document_is_an_attachment_in_a_sandbox(client, make_document, name, content):
    """PDF and text were Wagtail's inline types; nothing is inline now."""
    document = make_document(name, content)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = [directive.strip() for directive in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert "script-src" not in response["Content-Security-Policy"]  # not the site's policy


def test_not_modified_document_keeps_the_sandbox(client, make_document):
    """A 304 refreshes the cached copy's headers: it must not bring the site's policy."""
    document = make_document("manual.pdf")

    response = client.get(document.url, headers={"if-none-match": f'"{document.file_hash}"'})

    assert response.status_code == 304
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_login_restricted_document_is_refused_to_anonymous_and_served_when_signed_in(client, make_document):
    document = make_document("orders.pdf", collection=_restricted_collection(BaseViewRestriction.LOGIN))

    refused = client.get(document.url)
    assert refused.status_code == 302
    assert refused["Location"].startswith(reverse("account_login"))
    assert "sandbox" not in refused.get("Content-Security-Policy", "")

    client.force_login(UserFactory())
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 test"


def test_password_form_of_a_restricted_document_is_a_page_of_the_site(client, make_document):
    """Only the file is sandboxed: the password form needs the site's styles and must submit."""
    collection = _restricted_collection(BaseViewRestriction.PASSWORD, password="s3cret")
    document = make_document("orders.pdf", collection=collection)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"password" in response.content
    assert "sandbox" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["notes.html", "notes.js", "drawing.svg", "setup.exe"])
def test_admin_refuses_document_types_a_browser_could_run(client, editor, private_documents_dir, name):
    client.force_login(editor)
    before = _files_in(private_documents_dir)
    root = Collection.get_first_root_node()

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, SCRIPT), "collection": root.pk},
    )
    multiple = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, SCRIPT), "collection": root.pk},
    )

    extension = name.rsplit(".", 1)[1]
    assert response.status_code == 200
    assert f"File extension “{extension}” is not allowed." in response.content.decode()
    assert multiple.json()["success"] is False
    assert f"“{extension}” is not allowed" in multiple.json()["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()
    assert _files_in(private_documents_dir) == before
    assert not _files_in(Path(settings.MEDIA_ROOT))


def test_admin_stores_an_allowed_document_in_the_private_storage(client, editor, private_documents_dir):
    """The positive control of the refusals above."""
    client.force_login(editor)

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Field manual",
            "file": SimpleUploadedFile("manual.pdf", b"%PDF-1.4 test"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302
    document = Document.objects.get()
    try:
        assert Path(document.file.path).parent == private_documents_dir
        assert not _files_in(Path(settings.MEDIA_ROOT))
    finally:
        document.file.delete(save=False)


def test_admin_refuses_an_svg_image(client, editor):
    """SVG can carry script; images are raster formats only."""
    client.force_login(editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Map",
            "file": SimpleUploadedFile("map.svg", svg, "image/svg+xml"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert not _files_in(Path(settings.MEDIA_ROOT))


def test_deleting_a_document_removes_its_private_file(make_document, django_capture_on_commit_callbacks):
    """Wagtail deletes the file in a background task, which gets the storage's arguments as JSON."""
    document = make_document("old.pdf")
    path = Path(document.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert not path.exists()
