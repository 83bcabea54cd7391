"""Every page a trainee, coordinator or verifier sees is in Russian and Tajik, not English.

Visible text is taken from each rendered page; any Latin-script word that is not a proper
name, code or brand fails the test, which catches both untranslated catalogue entries and
strings that never went through gettext, and course content left in English.
"""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import translation

from accounts.models import Agency, Region
from assessments import grading as q
from assessments.models import AssessmentPage
from assessments.services import attempt_start, attempt_submit
from certificates.models import Certificate
from courses.models import CoursePage, LessonPage
from courses.services import lesson_mark_complete
from tests.factories import UserFactory, make_coordinator, sign_in_with_second_factor

LANGUAGES = ["ru", "tg"]
ALLOWED_WORDS = {
    "frontline",
    "pdf",
    "csv",
    "excel",
    "xlsx",
    "qr",
    "totp",
    "english",
    "e-mail",
    "email",
    "html",
    "utf",
    "gbao",
    "id",
    "ok",
    "www",
    "http",
    "https",
    "url",
    "sms",
    "api",
    "covid",
    # The column names of the invitation CSV file are identifiers, printed as they must be typed.
    "full_name",
    "agency",
    "region",
    "position",
    "language",
    "windows",  # the name of an encoding
}
CODE = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}-[0-9A-Z*~$=U]")  # a certificate code, check character included
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_']+(?:-[A-Za-z_']+)*")
SKIPPED_TAGS = {"script", "style", "code", "pre"}


class TextCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skipping = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        attributes = dict(attrs)
        # Text people read that is not a text node: placeholders, labels, button values.
        for name in ("placeholder", "aria-label", "title", "alt"):
            if attributes.get(name):
                self.texts.append(attributes[name])
        if tag == "input" and attributes.get("type") in {"submit", "button"} and attributes.get("value"):
            self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def english_words(html: str, allowed: set[str]) -> list[str]:
    collector = TextCollector()
    collector.feed(html)
    found = []
    for text in collector.texts:
        text = re.sub(r"\S+@\S+|https?://\S+|/[a-z]{2}/\S*", " ", text)  # addresses and links
        text = CODE.sub(" ", text)  # certificate codes
        for word in LATIN_WORD.findall(text):
            if len(word) > 2 and word.lower() not in allowed:
                found.append(f"{word!r} in {text.strip()[:80]!r}")
    return found


class Post(dict):
    """Answers in the shape of request.POST."""

    def getlist(self, key):
        return self[key]


@pytest.fixture(scope="module")
def site(seeded_site, django_db_blocker):
    """Per language: a trainee with a certificate, one with an open attempt (both started in
    that language), and a coordinator with two-factor authentication."""
    with django_db_blocker.unblock():
        agency, region = Agency.objects.get(code="border-troops"), Region.objects.get(code="gbao")
        course = CoursePage.objects.get(slug="identifying-victims", locale__language_code="en")
        people = {}
        for language in LANGUAGES:
            holder = UserFactory(
                email=f"holder-{language}@example.org",
                full_name="Фарҳод Раҳимов",
                agency=agency,
                region=region,
                preferred_language=language,
                position="Сарҳадбон",
            )
            taker = UserFactory(
                email=f"taker-{language}@example.org",
                full_name="Нилуфар Салимова",
                agency=agency,
                region=region,
                preferred_language=language,
                position="Инспектор",
            )
            for person in (holder, taker):
                for lesson in LessonPage.objects.child_of(course):
                    lesson_mark_complete(user=person, lesson=lesson)
            with translation.override(language):
                assessment = AssessmentPage.objects.child_of(course).get().localized
                attempt = attempt_start(user=holder, assessment=assessment)
                answers = Post(
                    {f"q-{item['id']}": q.correct_values(item) for item in q.iter_questions(attempt.questions)}
                )
                attempt, _graded = attempt_submit(attempt=attempt, post=answers)
                open_attempt = attempt_start(user=taker, assessment=assessment)
            people[language] = {
                "holder": holder,
                "taker": taker,
                "attempt": attempt,
                "open_attempt": open_attempt,
                "certificate": Certificate.objects.get(attempt=attempt),
            }
        coordinator = make_coordinator(
            email="coordinator-i18n@example.org", full_name="Мадина Каримова", agency=None, region=None
        )
        for language in LANGUAGES:
            people[language]["coordinator"] = coordinator
        return people


def pages(site, language):
    """(who, path) for every page type and key view."""
    site = site[language]
    course = f"/{language}/courses/identifying-victims/"
    return [
        ("anonymous", f"/{language}/"),
        ("anonymous", f"/{language}/courses/"),
        ("anonymous", course),
        ("anonymous", f"/{language}/verify/"),
        ("anonymous", f"/{language}/verify/{site['certificate'].display_code}/"),
        ("anonymous", f"/{language}/verify/AAAA-BBBB-CCCC-DDDD-E/"),
        ("anonymous", f"/{language}/accounts/login/"),
        ("anonymous", f"/{language}/accounts/signup/"),
        ("anonymous", f"/{language}/accounts/password/reset/"),
        ("anonymous", f"/{language}/no-such-page/"),
        ("holder", course),
        ("holder", f"{course}the-definition/"),
        ("holder", f"{course}assessment/"),
        ("holder", f"/{language}/attempts/{site['attempt'].pk}/"),
        ("holder", f"/{language}/learning/"),
        ("holder", f"/{language}/certificates/"),
        ("holder", f"/{language}/accounts/profile/"),
        ("holder", f"/{language}/search/?q=%D0%B0"),
        ("taker", f"/{language}/attempts/{site['open_attempt'].pk}/"),
        ("coordinator", f"/{language}/reports/"),
        ("coordinator", f"/{language}/reports/trainees/"),
        ("coordinator", f"/{language}/reports/headcounts/"),
        ("coordinator", f"/{language}/reports/invitations/"),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_no_english(site, language, django_db_blocker):
    with django_db_blocker.unblock():
        # Agency and region codes are identifiers, typed as they are shown.
        codes = set(Agency.objects.values_list("code", flat=True)) | set(Region.objects.values_list("code", flat=True))
    allowed = set(ALLOWED_WORDS) | codes
    people = site[language]
    failures = []
    with django_db_blocker.unblock():
        for who, path in pages(site, language):
            client = Client()
            if who != "anonymous":
                sign_in_with_second_factor(client, people[who])
            response = client.get(path)
            assert response.status_code in {200, 404}, (path, response.status_code)
            words = english_words(response.content.decode(), allowed)
            if words:
                failures.append(f"{who} {path}: {words[:5]}")
    assert not failures, "\n".join(failures)
