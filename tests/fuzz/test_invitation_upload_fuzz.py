"""Property-based tests of the CSV invitation upload: a preview or an explanation, never an account."""

import codecs
import csv
import io

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import event, given, note, settings
from hypothesis import strategies as st

from accounts.models import User
from invitations.models import InvitationBatch
from tests.factories import sign_in_with_second_factor
from tests.fuzz.fields import assert_looks_like_a_name, collapse
from tests.fuzz.strategies import (
    BIDI,
    EMOJI,
    EXAMPLES,
    FUZZ,
    INVISIBLE,
    LANGUAGE,
    LANGUAGES,
    LONG,
    NASTY,
    RTL,
    TAJIK,
    WITH_NUL,
    draw_extras,
    rolled_back,
    url,
)

pytestmark = pytest.mark.django_db


# --- CSV invitation upload --------------------------------------------------------------------

COLUMNS = ["full_name", "email", "agency", "region", "position", "language"]
SAFE_CELL = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгғдҳҷқӣӯ ", min_size=1, max_size=20).filter(
    lambda v: v.strip()
)


def _cell(reference):
    agencies, regions = reference["agencies"], reference["regions"]
    names = (
        [a.code for a in agencies]
        + [a.name for a in agencies]
        + [a.name_tg for a in agencies]
        + [a.name_ru.upper() for a in agencies]
    )
    places = [r.code for r in regions] + [r.name for r in regions] + [r.name_ru for r in regions]
    return st.one_of(
        SAFE_CELL,
        st.sampled_from(names + places + ["retired", "gone", "en", "ru", "tg", "xx", "", " "]),
        st.builds(lambda local: f"{local}@example.org", st.text("abcdefgh0123", min_size=1, max_size=10)),
        st.just("fuzz.trainee@example.org"),
        RTL,
        EMOJI,
        TAJIK,
    )


def _clean_table(reference):
    """A well-formed list: full header, plain cells, at least one row."""
    agencies, regions = reference["agencies"], reference["regions"]
    row = st.tuples(
        SAFE_CELL,
        st.text("abcdefgh0123", min_size=1, max_size=10).map(lambda v: f"{v}@example.org"),
        st.sampled_from([a.code for a in agencies] + [a.name for a in agencies]),
        st.sampled_from([r.code for r in regions] + [r.name_ru for r in regions]),
        st.one_of(st.just(""), SAFE_CELL),
        st.sampled_from(["", "en", "ru", "tg", "xx"]),
    ).map(list)
    return st.lists(row, min_size=1, max_size=8)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16":
        return text.encode("utf-16", "surrogatepass")  # with BOM
    if encoding == "cp1251":
        return text.encode("cp1251", "replace")
    return text.encode("utf-8", "surrogatepass")


def _csv_bytes(data, reference):
    """(file bytes, expected rows or None, kind): a clean list, a hostile or messy one, or junk."""
    kind = data.draw(
        st.sampled_from(["clean", "clean", "hostile", "hostile", "hostile", "messy", "messy", "binary", "mutated"])
    )
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    if kind in ("clean", "hostile"):
        rows = data.draw(_clean_table(reference))
        if kind == "hostile":  # a well-formed list with a few hostile cells: NUL, controls, bidi, emoji, length
            for _ in range(data.draw(st.integers(1, 3))):
                row = data.draw(st.sampled_from(rows))
                row[data.draw(st.integers(0, len(row) - 1))] = data.draw(
                    st.one_of(
                        WITH_NUL,
                        st.text(st.characters(max_codepoint=31), min_size=1, max_size=3),
                        BIDI,
                        EMOJI,
                        LONG,
                        INVISIBLE,
                        NASTY,
                    )
                )
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        text = out.getvalue()
        if data.draw(st.integers(0, 3)) == 0:  # Excel's line naming the delimiter
            text = f"sep={delimiter}" + data.draw(st.sampled_from(["\n", "\r\n"])) + text
        # UTF-16 carries NUL and control characters that a byte-level check cannot see.
        encoding = data.draw(st.sampled_from(["utf-16", "utf-8", "utf-16", "utf-8-sig"]))
        return _encode(text, encoding), (rows if kind == "clean" else None), kind
    if kind == "binary":
        return (
            data.draw(
                st.one_of(
                    st.binary(max_size=2000),
                    st.sampled_from(
                        [
                            b"PK\x03\x04junk",
                            b"\xd0\xcf\x11\xe0xls",
                            codecs.BOM_UTF16_LE + b"\x00\xd8",
                            b"\xff\xfe",
                            b"\x00" * 10,
                            b"sep=;",
                            b"sep=;\n",
                            b" \n \n",
                            b",,,\n;;;",
                        ]
                    ),
                )
            ),
            None,
            kind,
        )
    header_cells = data.draw(
        st.lists(
            st.one_of(st.sampled_from(COLUMNS + ["Full Name", "E-mail", "EMAIL", " agency ", "notes"]), NASTY),
            max_size=8,
        )
    )
    if data.draw(st.integers(0, 3)):
        header_cells = COLUMNS + header_cells[:2]
    rows = data.draw(st.lists(st.lists(_cell(reference), min_size=4, max_size=8), max_size=6))
    for _ in range(data.draw(st.integers(0, 3)) if rows else 0):  # a few hostile cells
        row = data.draw(st.sampled_from(rows))
        if row:
            row[data.draw(st.integers(0, len(row) - 1))] = data.draw(NASTY)
    if data.draw(st.booleans()):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header_cells)
        writer.writerows(rows)
        text = out.getvalue()
    else:  # naive joining: stray quotes and delimiters inside cells
        text = "\n".join(delimiter.join(cells) for cells in [header_cells, *rows])
    if data.draw(st.integers(0, 5)) == 0:
        text = f"sep={delimiter}\n" + text
    raw = _encode(text, encoding)
    if kind == "mutated":
        position = data.draw(st.integers(0, len(raw)))
        raw = raw[:position] + data.draw(st.binary(min_size=1, max_size=20)) + raw[position:]
    return raw, None, kind


@settings(FUZZ, max_examples=EXAMPLES + EXAMPLES // 5)
@given(data=st.data())
def test_csv_upload_previews_or_explains_and_never_creates_accounts(reference, fuzz_trainee, fuzz_coordinator, data):
    client = Client()
    sign_in_with_second_factor(client, fuzz_coordinator)
    raw, clean_rows, kind = _csv_bytes(data, reference)
    name = data.draw(st.one_of(st.just("trainees.csv"), NASTY.map(lambda v: v + ".csv"), st.just("список.CSV")))
    shape = data.draw(st.sampled_from(["file"] * 8 + ["missing", "text", "twice"]))
    if shape == "file":
        post = {"file": SimpleUploadedFile(name, raw, content_type="text/csv")}
    elif shape == "missing":
        post = {}
    elif shape == "text":
        post = {"file": data.draw(NASTY)}
    else:
        post = {"file": [SimpleUploadedFile("a.csv", b"junk"), SimpleUploadedFile(name, raw, content_type="text/csv")]}
    post.update(draw_extras(data, reserved={"file"}))
    note(f"{shape}: {raw[:300]!r}")

    with rolled_back():
        users_before, addresses_before = User.objects.count(), EmailAddress.objects.count()
        batches_before = InvitationBatch.objects.count()

        language = data.draw(LANGUAGE)
        response = client.post(url("reports_invite", language), post)
        event(f"{kind} {shape} -> {response.status_code}")

        if response.status_code == 400:
            # Django refuses a multipart part whose headers pass 1 KB: a file name longer than
            # any file system allows. Nothing is stored and the page says so in the language.
            assert shape in ("file", "twice") and len(name.encode()) > 255
            assert f'<html lang="{language}"'.encode() in response.content
            assert (User.objects.count(), InvitationBatch.objects.count()) == (users_before, batches_before)
            return
        assert response.status_code in (200, 302)
        assert User.objects.count() == users_before
        assert EmailAddress.objects.count() == addresses_before
        if response.status_code == 200:
            assert InvitationBatch.objects.count() == batches_before
            assert response.context["form"].errors
            assert clean_rows is None or shape != "file", response.context["form"].errors
            return
        assert InvitationBatch.objects.count() == batches_before + 1
        batch = InvitationBatch.objects.latest("pk")
        assert response["Location"] == url("reports_invite_preview", language, batch.pk)
        assert batch.status == InvitationBatch.Status.PREVIEW
        assert batch.rows and all(isinstance(row["errors"], list) for row in batch.rows)
        for row in batch.valid_rows:
            assert row["agency_id"] and row["region_id"] and row["email"]
            assert_looks_like_a_name(row["full_name"])
            assert row["language"] in LANGUAGES
        if clean_rows is not None and shape == "file":
            assert [row["full_name"] for row in batch.rows] == [collapse(r[0]) for r in clean_rows]
            assert [row["email"] for row in batch.rows] == [r[1].lower() for r in clean_rows]
        preview = client.get(response["Location"])
        assert preview.status_code == 200
        assert User.objects.count() == users_before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_csv_with_a_nul_character_is_refused_not_stored(client, fuzz_coordinator, encoding):
    """Found by the test above on PostgreSQL: UTF-16 text may hold NUL characters, which a
    JSON column cannot store; such a file is refused like any other binary file."""
    sign_in_with_second_factor(client, fuzz_coordinator)
    text = "full_name,email,agency,region\nAziz\x00,aziz@example.org,frontier,east\n"
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    upload = SimpleUploadedFile("trainees.csv", bom + text.encode(encoding), content_type="text/csv")

    response = client.post(url("reports_invite", "en"), {"file": upload})

    assert response.status_code == 200
    assert "This does not look like a CSV file." in response.content.decode()
    assert not InvitationBatch.objects.exists()
