"""The people and objects of the access-control matrix: two trainees, coordinators in and out of
their scope, an editor, and what each of them owns, built once per test module; and ``snapshot``,
everything a request could change of theirs."""

from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction
from wagtail_localize.models import TranslationSource

from accounts.scope import Scope
from assessments.models import Attempt
from assessments.services import attempt_start
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion
from invitations.checks import check_rows
from invitations.models import InvitationBatch
from invitations.parse import read_rows
from programme.models import EmailOptOut, Reminder, Requirement
from reports.models import Headcount
from tests.assessments.builders import build_assessment, complete_lessons, issue_certificate
from tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    RegionFactory,
    RequirementFactory,
    UserFactory,
    build_catalogue,
    build_course,
    lessons_of,
    make_coordinator,
)

User = get_user_model()

# --- The roles and the objects they ask for ----------------------------------------------------


@dataclass(frozen=True)
class Person:
    email: str
    full_name: str
    position: str
    extra: tuple[str, ...] = ()

    @property
    def markers(self) -> tuple[str, ...]:
        return (self.email, self.full_name, self.position, *self.extra)


# Whose personal data each role may see: their own; a coordinator the trainees in scope (and the
# people in invitation lists they uploaded).
VISIBLE = {
    "anonymous": set(),
    "trainee": {"holder"},
    "other_trainee": {"other_trainee"},
    "coordinator_in": {"holder", "other_trainee", "invitee"},
    "coordinator_out": {"outsider"},
    "editor": set(),
}

AGENCY_A = "Amudarya Border Agency"
AGENCY_B = "Bactria Customs Office"
# Report pages must not even name an agency outside the coordinator's scope.
FOREIGN_AGENCY = {"coordinator_in": AGENCY_B, "coordinator_out": AGENCY_A}

INVITEE_CSV = (
    "full_name,email,agency,region,position,language\n"
    "Ilhom Invitee,ilhom.invitee@example.org,amudarya,zeravshan,Invitee Watchtower Lookout,en\n"
)


def _coordinator(email: str, full_name: str, *, agency=None, region=None) -> User:
    return make_coordinator(
        email=email,
        full_name=full_name,
        agency=None,
        region=None,
        position="Training coordinator",
        scopes=[(agency, region)],
    )


def build_world() -> SimpleNamespace:
    agency_a = AgencyFactory(code="amudarya", name=AGENCY_A)
    agency_b = AgencyFactory(code="bactria", name=AGENCY_B)
    region = RegionFactory(code="zeravshan", name="Zeravshan Valley")

    holder = UserFactory(
        email="zebuniso@example.org",
        full_name="Zebuniso Holder",
        position="Zebra Checkpoint Inspector",
        agency=agency_a,
        region=region,
    )
    other = UserFactory(
        email="otabek.sameagency@example.org",
        full_name="Otabek Sameagency",
        position="Oxbow Post Sergeant",
        agency=agency_a,
        region=region,
    )
    outsider = UserFactory(
        email="outsider@example.org",
        full_name="Outsider Person",
        position="Outpost Quartermaster",
        agency=agency_b,
        region=region,
    )
    coordinator_in = _coordinator(
        "coordinator.inscope@example.org", "Coordinator Inscope", agency=agency_a, region=region
    )
    coordinator_out = _coordinator("coordinator.outscope@example.org", "Coordinator Outscope", agency=agency_b)
    editor = UserFactory(
        email="editor.person@example.org",
        full_name="Editor Person",
        position="Content editor",
        agency=None,
        region=None,
        is_staff=True,
    )
    editor.groups.add(Group.objects.get(name="Editors"))

    catalogue = build_catalogue()
    course = build_course(title="Matrix course", lessons=2, catalogue=catalogue)
    assessment = build_assessment(course)
    draft = build_course(title="Draft matrix course", lessons=1, live=False, catalogue=catalogue)

    complete_lessons(holder, course)
    open_attempt = attempt_start(user=holder, assessment=assessment)
    certificate = issue_certificate(holder, course)
    Headcount.objects.create(agency=agency_a, region=region, staff=12)
    members_only = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=members_only, restriction_type=BaseViewRestriction.LOGIN)
    document = get_document_model()(title="Standing orders", collection=members_only)
    document.file.save("standing-orders.txt", ContentFile(b"Standing orders"))

    requirement = RequirementFactory(course=course, agency=agency_a)
    rows = check_rows(read_rows(INVITEE_CSV), scope=Scope.for_user(coordinator_in))
    assert not rows[0]["errors"], rows
    batch = InvitationBatch.objects.create(created_by=coordinator_in, filename="invitees.csv", rows=rows)

    # Overdue assignments for the at-risk list: one trainee in each coordinator's scope.
    for trainee in (other, outsider):
        AssignmentFactory(user=trainee, course=course, due_on=timezone.localdate() - timedelta(days=7))

    people = {
        "holder": Person(holder.email, holder.full_name, holder.position, extra=(certificate.display_code,)),
        "other_trainee": Person(other.email, other.full_name, other.position),
        "outsider": Person(outsider.email, outsider.full_name, outsider.position),
        "invitee": Person("ilhom.invitee@example.org", "Ilhom Invitee", "Invitee Watchtower Lookout"),
    }
    return SimpleNamespace(
        users={
            "anonymous": None,
            "trainee": holder,
            "other_trainee": other,
            "coordinator_in": coordinator_in,
            "coordinator_out": coordinator_out,
            "editor": editor,
        },
        people=people,
        agency_a=agency_a,
        agency_b=agency_b,
        region=region,
        course=course,
        assessment=assessment,
        lessons=lessons_of(course),
        draft_course=draft,
        draft_lesson=lessons_of(draft)[0],
        open_attempt=open_attempt,
        submitted_attempt=certificate.attempt,
        certificate=certificate,
        batch=batch,
        translation_source=TranslationSource.get_or_create_from_instance(course)[0],
        document=document,
        requirement=requirement,
    )


def snapshot() -> set[tuple]:
    """Everything an access-control failure could change, as (owner id, fact) pairs."""
    facts = set()
    facts |= {
        (row[0], "enrolment", *row[1:]) for row in Enrolment.objects.values_list("user_id", "course_id", "completed_at")
    }
    facts |= {(u, "lesson", lesson) for u, lesson in LessonCompletion.objects.values_list("user_id", "lesson_id")}
    facts |= {
        (row[0], "attempt", *row[1:])
        for row in Attempt.objects.values_list("user_id", "pk", "status", "score", "submitted_at", "passed")
    }
    facts |= {
        (row[0], "certificate", *row[1:])
        for row in Certificate.objects.values_list("user_id", "pk", "status", "revoked_at", "revocation_reason")
    }
    facts |= {
        (row[0], "batch", *row[1:])
        for row in InvitationBatch.objects.values_list("created_by_id", "pk", "status", "sent_at")
    }
    facts |= {
        (row[0], "user", *row[1:])
        for row in User.objects.values_list(
            "pk", "email", "full_name", "position", "agency_id", "region_id", "is_active", "is_staff", "is_superuser"
        )
    }
    facts |= {(None, "headcount", *row) for row in Headcount.objects.values_list("agency_id", "region_id", "staff")}
    facts |= {
        (None, "requirement", *row)
        for row in Requirement.objects.values_list("pk", "agency_id", "course_id", "due_days", "is_active")
    }
    facts |= {(row[0], "notice", *row[1:]) for row in Reminder.objects.values_list("recipient_id", "pk", "read_at")}
    facts |= {(row[0], "opt-out", row[1]) for row in EmailOptOut.objects.values_list("user_id", "kind")}
    return facts
