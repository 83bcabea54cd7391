"""Per-row checks of an uploaded list: each problem reported on its row, nothing created."""

from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from invitations.models import InvitationBatch
from tests.factories import AgencyFactory, UserFactory
from tests.invitations.helpers import HEADER, errors_of, preview_url, rows_by_number, upload, upload_and_get_batch


def test_each_kind_of_bad_row_is_reported_and_nothing_is_created(
    client_coordinator, coordinator, harbour, west, mailoutbox
):
    UserFactory(email="Taken@Example.org")
    AgencyFactory(code="old-agency", name="Old agency", is_active=False)
    users_before, addresses_before = User.objects.count(), EmailAddress.objects.count()
    content = (
        HEADER
        + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"  # 2 valid
        + "Unknown Agency,ua@example.org,ministry-of-magic,east,,tg\n"  # 3
        + "Outside Region,or@example.org,frontier,west,,tg\n"  # 4
        + "Outside Agency,oa@example.org,harbour,east,,tg\n"  # 5
        + "Bad Email,not-an-address,frontier,east,,tg\n"  # 6
        + "Second Dilshod,DILSHOD@example.org,frontier,east,,tg\n"  # 7 duplicate of row 2
        + "Existing Person,taken@example.org,frontier,east,,tg\n"  # 8
        + ",noname@example.org,frontier,east,,tg\n"  # 9
        + "Wrong Language,wl@example.org,frontier,east,,fr\n"  # 10
        + "Unknown Region,ur@example.org,frontier,mars,,tg\n"  # 11
        + "Retired Agency,ra@example.org,old-agency,east,,tg\n"  # 12
        + "No Email,,frontier,east,,tg\n"  # 13
    )
    response = upload(client_coordinator, content)

    batch = InvitationBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == preview_url(batch)
    assert batch.created_by == coordinator
    assert batch.filename == "trainees.csv"
    assert batch.status == InvitationBatch.Status.PREVIEW
    assert [row["row"] for row in batch.valid_rows] == [2]
    assert "Unknown agency “ministry-of-magic”" in errors_of(batch, 3)
    assert "outside your scope" in errors_of(batch, 4)
    assert "outside your scope" in errors_of(batch, 5)
    assert "“not-an-address” is not a valid e-mail address" in errors_of(batch, 6)
    assert "already appears in row 2" in errors_of(batch, 7)
    assert "An account with this e-mail address already exists" in errors_of(batch, 8)
    assert "Full name is missing" in errors_of(batch, 9)
    assert "Unknown language “fr”" in errors_of(batch, 10)
    assert "Unknown region “mars”" in errors_of(batch, 11)
    assert "no longer in use" in errors_of(batch, 12)
    assert "E-mail address is missing" in errors_of(batch, 13)
    # Only the second and later occurrences of a duplicate are flagged.
    assert rows_by_number(batch)[2]["errors"] == []

    assert User.objects.count() == users_before
    assert EmailAddress.objects.count() == addresses_before
    assert mailoutbox == []

    page = client_coordinator.get(preview_url(batch))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Send 1 invitation" in html
    assert "Unknown agency" in html and "already appears in row 2" in html
    assert reverse("reports_invite") in html  # link to upload a corrected file
    assert [row["row"] for row in page.context["invalid_rows"]] == list(range(3, 14))


def test_agency_and_region_match_code_or_name_in_any_language(client_coordinator, frontier, east):
    content = (
        HEADER
        + "One,one@example.org,Пограничная служба,восточная провинция,,\n"
        + "Two,two@example.org,  хадамоти марзбонӣ ,вшп,,RU\n"
        + "Three,three@example.org,FRONTIER SERVICE,eastern province,,en\n"
    )
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    assert len(batch.valid_rows) == 3, batch.rows
    assert {(row["agency_id"], row["region_id"]) for row in batch.rows} == {(frontier.pk, east.pk)}
    assert [row["language"] for row in batch.rows] == ["tg", "ru", "en"]  # empty means Tajik


def test_headers_are_case_insensitive_and_optional_columns_may_be_missing(client_coordinator, frontier, east):
    content = " Full_Name ; EMAIL ;Agency; Region ;notes\nOne;one@example.org;frontier;east;whatever\n"
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    assert batch.rows[0]["errors"] == []
    assert batch.rows[0]["position"] == "" and batch.rows[0]["language"] == "tg"


def test_a_name_shared_by_two_agencies_asks_for_the_code(client_coordinator, frontier, east):
    AgencyFactory(code="frontier-2", name="Frontier Service (reserve)", name_ru=frontier.name_ru)
    batch = upload_and_get_batch(client_coordinator, HEADER + f"One,one@example.org,{frontier.name_ru},east,,\n")
    assert "matches more than one agency" in errors_of(batch, 2)


# --- Names and Excel's separator line -----------------------------------------------------------


def test_invisible_names_are_refused_row_by_row(client_coordinator, frontier, east):
    content = (
        HEADER
        + "\u200b\u200b,zwsp@example.org,frontier,east,,\n"
        + "\u202e,rlo@example.org,frontier,east,,\n"
        + "\u3164 \u2800,filler@example.org,frontier,east,,\n"
        + ",missing@example.org,frontier,east,,\n"
        + "\u202e\u200bJose\u0301  Rahimov\u200b,jose@example.org,frontier,east,,\n"
    )
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    message = "Full name has only spaces or invisible characters; type the name in letters."
    for number in (2, 3, 4):
        assert errors_of(batch, number) == message
    assert errors_of(batch, 5) == "Full name is missing."
    assert rows_by_number(batch)[6]["errors"] == []
    assert rows_by_number(batch)[6]["full_name"] == "José Rahimov"
    assert [row["email"] for row in batch.valid_rows] == ["jose@example.org"]
