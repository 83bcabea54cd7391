"""Hostile input gets an answer, never a 500 (security review #11, #12, #13).

* public search: quotes, NUL bytes, full-text operators, very long and unusual text;
* ids past 2**63 (and zero, negative, non-numeric ones) in query strings and URL paths;
* an invitation CSV in UTF-8 with one byte that is not UTF-8 is refused with the line and
  byte, instead of being read as Windows-1251 (names turned into mojibake and marked ready).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from courses.models import SearchText
from invitations.models import InvitationBatch
from invitations.parse import NOT_UTF8
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
JUST_PAST_BIGINT = str(2**63)
BAD_IDS = [HUGE, JUST_PAST_BIGINT, "-9223372036854775809", "0", "-1", "abc", "1.5", "1e3", "%00", "\x00", "9" * 400]


@pytest.fixture
def frontier(db):
    return AgencyFactory(
        code="frontier", name="Frontier Service", name_ru="Пограничная служба", name_tg="Хадамоти марзбонӣ"
    )


@pytest.fixture
def east(db):
    return RegionFactory(code="east", name="Eastern Province", name_ru="Восточная провинция", name_tg="Вилояти шарқӣ")


@pytest.fixture
def coordinator(db, frontier, east):
    return make_coordinator(
        email="coordinator@example.org", full_name="Malika Saidova", agency=None, region=None, scopes=[(None, None)]
    )


@pytest.fixture
def client_coordinator(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    return client


# --- Search ----------------------------------------------------------------------------------

SEARCH_QUERIES = [
    '"',
    'victim"',
    '"victim',
    '"identifying victims"',
    "\x00",
    "victim\x00",
    '"><script>alert(1)</script>',
    "' OR '1'='1",
    "AND",
    "OR NOT",
    "NOT",
    "victim AND",
    "NEAR(victim identifying)",
    "*",
    "victim*",
    "(",
    ")",
    "-",
    "^",
    "a:b",
    "title:victim",
    "{title}:victim",
    "\\",
    "\u0001\u001f\u007f",
    "\u202eвиктим",
    "жертва торговли людьми",
    "қурбонии хариду фурӯш",
    "😀" * 50,
    "x" * 5000,
    "victim " * 500,
    "%",
    "_",
    "&|!:<>",
]


@pytest.mark.parametrize("language", ["en", "tg"])
def test_search_answers_any_query_with_a_result_list(client, course_with_lessons, language):
    for query in SEARCH_QUERIES:
        response = client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200, ascii(query)
        assert isinstance(list(response.context["page"]), list)  # the page of results could be listed


@pytest.mark.parametrize("raw", ["%22", "victim%22", "%00", "%22%3E%3Cscript%3E", "%ED%A0%80", "%FF%FE", "q%00%22%00"])
def test_search_answers_raw_query_strings(client, course_with_lessons, raw):
    response = client.get(f"/en/search/?q={raw}")
    assert response.status_code == 200


def test_search_with_quotes_still_finds_the_course(client, course_with_lessons):
    for query in ['"Identifying', 'Identifying"', '"Identifying victims"', "Identifying\x00"]:
        titles = [result.title for result in client.get(reverse("search"), {"q": query}).context["page"]]
        assert "Identifying victims" in titles, query


def test_search_survives_a_query_the_database_refuses(client, course_with_lessons, monkeypatch, caplog):
    """The last line of defence: were a query to reach the database and be refused (here: the
    matching swapped for a query naming a column that does not exist), the reader gets no
    results and the page still renders, which on PostgreSQL needs the failed query kept in a
    savepoint."""
    refused = SearchText.objects.extra(where=["no_such_column = 1"]).values_list("page_id", "text")
    monkeypatch.setattr("courses.search.matching_pages", lambda **kwargs: refused)
    response = client.get("/en/search/", {"q": "victim"})
    assert response.status_code == 200
    assert list(response.context["page"]) == []
    assert "failed in the database" in caplog.text
    monkeypatch.undo()
    assert "Identifying victims" in [
        result.title for result in client.get("/en/search/", {"q": "Identifying"}).context["page"]
    ]


# --- Ids past 2**63 --------------------------------------------------------------------------

REPORT_URLS = [
    ("reports_dashboard", []),
    ("reports_trainees", []),
    ("reports_export_matrix", ["csv"]),
    ("reports_export_matrix", ["xlsx"]),
    ("reports_export_trainees", ["csv"]),
    ("reports_export_trainees", ["xlsx"]),
]


@pytest.mark.parametrize("name,args", REPORT_URLS)
def test_report_filters_refuse_impossible_ids(client_coordinator, catalogue, frontier, east, name, args):
    build_course(title="Required course", lessons=1, catalogue=catalogue, audiences=[frontier])
    for field in ("course", "agency", "region"):
        for value in BAD_IDS:
            response = client_coordinator.get(reverse(name, args=args), {field: value})
            assert response.status_code == 200, (field, value)
            if name in ("reports_dashboard", "reports_trainees"):
                errors = response.context["form"].errors
                assert field in errors, (field, value)
                if "\x00" not in value:
                    assert "Select a valid choice" in " ".join(errors[field]), (field, value)


def test_report_filter_error_is_in_the_readers_language(client_coordinator, catalogue, frontier):
    build_course(title="Required course", lessons=1, catalogue=catalogue, audiences=[frontier])
    response = client_coordinator.get("/tg/reports/trainees/", {"course": HUGE})
    assert response.status_code == 200
    assert "Варианти дурустро интихоб кунед." in " ".join(response.context["form"].errors["course"])


# (method, path with {id}): every URL with an integer id in its path.
PATH_ID_URLS = [
    ("post", "/en/courses/{id}/start/"),
    ("post", "/en/lessons/{id}/complete/"),
    ("get", "/en/attempts/{id}/"),
    ("post", "/en/attempts/{id}/submit/"),
    ("get", "/en/certificates/{id}/pdf/"),
    ("get", "/ru/certificates/{id}/pdf/?second=tg"),
    ("get", "/en/reports/invitations/{id}/"),
    ("post", "/en/reports/invitations/{id}/"),
    # Wagtail's own public URLs with ids, which keep <int:…>: guarded lookups, a 404 already.
    ("get", "/documents/{id}/notes.pdf"),
    ("get", "/en/_util/authenticate_with_password/{id}/{id}/"),
]


@pytest.mark.parametrize("method,path", PATH_ID_URLS)
@pytest.mark.parametrize("value", [HUGE, JUST_PAST_BIGINT, "18446744073709551616", "9" * 400])
def test_path_ids_past_the_database_range_are_not_found(client_coordinator, method, path, value):
    response = getattr(client_coordinator, method)(path.format(id=value))
    assert response.status_code == 404


@pytest.mark.parametrize("method,path", PATH_ID_URLS)
def test_path_ids_at_the_top_of_the_range_are_looked_up(client_coordinator, method, path):
    """The largest id a BIGINT column can hold is a valid id, that simply does not exist."""
    response = getattr(client_coordinator, method)(path.format(id=2**63 - 1))
    assert response.status_code == 404


# --- Invitation files in a broken encoding ---------------------------------------------------

UTF8_ROWS = (
    "full_name,email,agency,region,position,language\n"
    "Дилшод Раҳимов,dilshod@example.org,frontier,east,Инспектор,tg\n"
    "Зарина Каримова,zarina@example.org,frontier,east,Инспектор,ru\n"
)


def _upload(client, data: bytes, language="en"):
    with translation.override(language):
        url = reverse("reports_invite")
    upload = SimpleUploadedFile("trainees.csv", data, content_type="text/csv")
    return client.post(url, {"file": upload})


def _file_errors(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors.get("file", []))


def test_utf8_file_with_one_bad_byte_is_refused_with_line_and_byte(client_coordinator, frontier, east):
    # A Windows en dash (0x96) typed into an otherwise UTF-8 file, on the fourth line.
    data = UTF8_ROWS.encode() + b"Anna Petrova,anna@example.org,frontier,east,Inspector " + b"\x96 deputy,en\n"
    offset = data.index(b"\x96")

    response = _upload(client_coordinator, data)

    errors = _file_errors(response)
    assert "not valid UTF-8" in errors, errors
    assert "line 4" in errors and f"byte {offset + 1}" in errors, errors
    assert not InvitationBatch.objects.exists()
    assert not client_coordinator.get(reverse("reports_invite")).context["form"].errors


def test_bad_byte_refusal_is_in_tajik(client_coordinator, frontier, east):
    data = UTF8_ROWS.encode().replace("Зарина".encode(), "Зарина".encode() + b"\xff")
    offset = data.index(b"\xff")

    response = _upload(client_coordinator, data, language="tg")

    errors = _file_errors(response)
    assert '<html lang="tg"' in response.content.decode()
    with translation.override("tg"):
        assert errors == NOT_UTF8 % {"line": 3, "offset": offset + 1}
    assert not InvitationBatch.objects.exists()


def test_genuine_windows_1251_file_is_still_read(client_coordinator, frontier, east):
    # Old Russian Excel: cp1251. "Фёдор" and "«ОВД»" hold byte pairs that happen to be valid UTF-8.
    text = (
        "full_name;email;agency;region;position;language\n"
        "Пётр Фёдоров;petr@example.org;frontier;east;Инспектор «ОВД»;ru\n"
        "Зарина Каримова;zarina@example.org;frontier;east;Инспектор – старший;ru\n"
    )
    response = _upload(client_coordinator, text.encode("cp1251"))

    assert response.status_code == 302, response.context["form"].errors
    batch = InvitationBatch.objects.get()
    assert [row["full_name"] for row in batch.rows] == ["Пётр Фёдоров", "Зарина Каримова"]
    assert [row["position"] for row in batch.rows] == ["Инспектор «ОВД»", "Инспектор – старший"]


def test_ascii_file_with_a_windows_dash_is_read_as_windows_text(client_coordinator, frontier, east):
    """No UTF-8 sequence at all: an old Windows file, read as such (the dash survives)."""
    data = (
        b"full_name,email,agency,region,position\nAnna Petrova,anna@example.org,frontier,east,Inspector \x96 deputy\n"
    )
    response = _upload(client_coordinator, data)
    assert response.status_code == 302
    assert InvitationBatch.objects.get().rows[0]["position"] == "Inspector – deputy"
