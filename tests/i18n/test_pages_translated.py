"""Every page a trainee, coordinator or verifier sees is in Russian and Tajik, not English.

Visible text is taken from each rendered page; any Latin-script word that is not a proper
name, code or brand fails the test, which catches both untranslated catalogue entries and
strings that never went through gettext, and course content left in English.
"""

import re
from html.parser import HTMLParser

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from accounts.models import Agency, CoordinatorScope, Region
from assessments import questions as q
from assessments.models import AssessmentPage, Attempt
from assessments.services import attempt_start, attempt_submit
from certificates.models import Certificate
from courses.models import CoursePage, LessonPage
from courses.services import lesson_mark_complete
from tests.factories import UserFactory

LANGUAGES = ["ru", "tg"]
ALLOWED_WORDS = {
    "frontline", "pdf", "csv", "excel", "xlsx", "qr", "totp", "english", "e-mail", "email", "html", "utf",
    "gbao", "id", "ok", "www", "http", "https", "url", "sms", "api", "covid",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]{2,}")
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
        for word in LATIN_WORD.findall(text):
            if word.lower() not in allowed:
                found.append(f"{word!r} in {text.strip()[:80]!r}")
    return found


@pytest.fixture(scope="module")
def site(seeded_site, django_db_blocker):
    """A trainee with a certificate, one with an open attempt, and a coordinator with MFA."""
    with django_db_blocker.unblock():
        agency, region = Agency.objects.get(code="border-troops"), Region.objects.get(code="gbao")
        holder = UserFactory(email="holder@example.org", full_name="Фарҳод Раҳимов", agency=agency, region=region,
                             preferred_language="tg", position="Сарҳадбон")
        taker = UserFactory(email="taker@example.org", full_name="Нилуфар Салимова", agency=agency, region=region,
                            preferred_language="ru", position="Инспектор")
        course = CoursePage.objects.get(slug="identifying-victims", locale__language_code="en")
        assessment = AssessmentPage.objects.child_of(course).get()
        for person in (holder, taker):
            for lesson in LessonPage.objects.child_of(course):
                lesson_mark_complete(user=person, lesson=lesson)
        attempt = attempt_start(user=holder, assessment=assessment)

        class Post(dict):
            def getlist(self, key):
                return self[key]

        answers = Post({f"q-{question['id']}": q.correct_values(question) for question in q.iter_questions(attempt.questions)})
        attempt, _graded = attempt_submit(attempt=attempt, post=answers)
        open_attempt = attempt_start(user=taker, assessment=assessment)
        coordinator = UserFactory(email="coordinator-i18n@example.org", full_name="Мадина Каримова", agency=None, region=None)
        CoordinatorScope.objects.create(user=coordinator)
        Authenticator.objects.create(user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
        certificate = Certificate.objects.get(attempt=attempt)
        return {
            "holder": holder, "taker": taker, "coordinator": coordinator, "attempt": attempt,
            "open_attempt": open_attempt, "certificate": certificate,
        }


def pages(site, language):
    """(who, path) for every page type and key view."""
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
    allowed = set(ALLOWED_WORDS)
    for person in ("holder", "taker", "coordinator"):
        allowed |= {word.lower() for word in LATIN_WORD.findall(site[person].full_name)}
    failures = []
    with django_db_blocker.unblock():
        for who, path in pages(site, language):
            client = Client()
            if who != "anonymous":
                client.force_login(site[who])
            response = client.get(path)
            assert response.status_code in {200, 404}, (path, response.status_code)
            words = english_words(response.content.decode(), allowed)
            if words:
                failures.append(f"{who} {path}: {words[:5]}")
    assert not failures, "\n".join(failures)
