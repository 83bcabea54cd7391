"""Error pages speak the reader's language."""

import pytest

from tests.isolation import _english  # noqa: F401 (autouse: a /tg/ request leaves Tajik active)

BOUNDARY = "frontline-boundary"


def multipart_with_a_huge_part_header() -> bytes:
    # Django refuses a part whose headers pass 1 KB; no real file name is that long.
    return (
        f"--{BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{"x" * 2000}.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
        "full_name,email\r\n"
        f"--{BOUNDARY}--\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "The request could not be read"),
        ("ru", "Не удалось прочитать запрос"),
        ("tg", "Дархостро хондан ғайриимкон шуд"),
    ],
)
def test_an_unreadable_upload_gets_a_translated_bad_request_page(client, db, language, title):
    response = client.generic(
        "POST",
        f"/{language}/accounts/login/",
        multipart_with_a_huge_part_header(),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert title in body


def test_the_server_error_page_is_in_the_readers_language(rf):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override("tg"):
        response = server_error(rf.get("/tg/"))

    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="tg">' in body
    assert "Хатое рух дод" in body and "Something went wrong" not in body
