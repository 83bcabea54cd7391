"""Property-based tests of an assessment attempt's submission: graded once, or refused without a write."""

import random
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import event, given, note
from hypothesis import strategies as st

from assessments import grading as q
from assessments import services as assessment_services
from assessments.models import Attempt
from certificates.models import Certificate
from tests.fuzz.fields import Field, draw_fields
from tests.fuzz.strategies import (
    ENCODING,
    FUZZ,
    INVALID,
    LANGUAGE,
    MISSING,
    NASTY,
    VALID,
    draw_extras,
    overall,
    rolled_back,
    send,
    url,
)

pytestmark = pytest.mark.django_db


# --- Attempt submission -----------------------------------------------------------------------


def _question_answers(question: dict) -> Field:
    """What is sent for one question: a choice (or several for multiple choice), an empty
    answer, or values from other questions, other shapes and nowhere."""
    allowed = sorted(q.allowed_values(question))
    single = question["type"] != "multiple_choice"
    good = st.one_of(
        st.sampled_from(allowed).map(lambda v: [v]),
        st.just([""]),
        st.just([]) if single else st.lists(st.sampled_from(allowed), min_size=1, max_size=4),
    )
    other_ids = ["sc-a", "mc-b", "case-sc-b", "true", "false", "True", "tf", "case", "", "1", "0"]
    chaotic = st.one_of(
        st.lists(st.sampled_from(allowed), min_size=2, max_size=4),
        st.lists(st.sampled_from(allowed + other_ids), min_size=1, max_size=3),
        st.lists(st.one_of(NASTY, st.sampled_from(allowed)), min_size=1, max_size=3),
    )

    def classify(sent: list[str]):
        chosen = [v for v in sent if v != ""]
        if not sent:
            return MISSING, VALID, []
        ok = set(chosen) <= set(allowed) and not (single and len(chosen) > 1)
        return sent, (VALID if ok else INVALID), sorted(set(chosen))

    return Field(good, chaotic, classify, required=False, repeatable=False)


@FUZZ
@given(data=st.data())
def test_attempt_submission_grades_once_or_refuses_without_a_write(ready_fuzz_trainee, fuzz_assessment, data):
    client = Client()
    client.force_login(ready_fuzz_trainee)

    with rolled_back():
        attempt = assessment_services.attempt_start(
            user=ready_fuzz_trainee, assessment=fuzz_assessment, rng=random.Random(0)
        )
        expired = data.draw(st.integers(0, 4), label="expired") == 0
        if expired:
            Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=5))
        questions = {question["id"]: question for question in q.iter_questions(attempt.questions)}
        sent, verdicts, chosen = draw_fields(
            data,
            {f"{q.ANSWER_PREFIX}{qid}": _question_answers(question) for qid, question in sorted(questions.items())},
        )
        post = {key: value for key, value in sent.items() if value is not MISSING}
        acceptable = overall(verdicts.values()) == VALID
        expected = {key[len(q.ANSWER_PREFIX) :]: values for key, values in chosen.items() if values}
        if data.draw(st.integers(0, 3)) == 0:  # answers to questions that are not part of the attempt
            for key in data.draw(
                st.lists(
                    st.one_of(
                        st.sampled_from(["q-case", "q-", "q-SC", "q-sc ", "q-x", "q-mc-a"]),
                        NASTY.map(lambda v: q.ANSWER_PREFIX + v),
                    ),
                    min_size=1,
                    max_size=2,
                )
            ):
                # Multipart field names arrive stripped ("q-sc " is "q-sc"): a real question.
                if key[len(q.ANSWER_PREFIX) :].strip() not in questions:
                    post[key] = data.draw(st.lists(NASTY, min_size=1, max_size=2))
                    acceptable = False
        # "Submit anyway": without it, a submission with blanks is saved and the trainee asked first.
        confirmed = data.draw(st.booleans(), label="confirmed")
        if confirmed:
            post["confirm"] = "1"
        extras = draw_extras(data, reserved=set(post) | {"confirm"})
        post.update({key: value for key, value in extras.items() if not key.startswith(q.ANSWER_PREFIX)})
        note(f"post: {post!r} acceptable: {acceptable}")
        before = Attempt.objects.values().get(pk=attempt.pk)
        certificates_before = Certificate.objects.count()

        submit_url, encoding = url("attempt_submit", data.draw(LANGUAGE), attempt.pk), data.draw(ENCODING)
        response = send(client, submit_url, post, encoding)
        event(f"acceptable={acceptable} -> {response.status_code}")

        assert response.status_code < 500
        attempt.refresh_from_db()
        after = Attempt.objects.values().get(pk=attempt.pk)
        if not acceptable:
            assert response.status_code == 400
            assert after == before
            assert Certificate.objects.count() == certificates_before
            return
        assert response.status_code == 302
        if not confirmed and not expired and len(expected) < len(questions):
            assert "?confirm=unanswered" in response["Location"]
            assert (attempt.status, attempt.answers, attempt.score) == (Attempt.Status.IN_PROGRESS, expected, None)
            assert Certificate.objects.count() == certificates_before
            return
        assert attempt.status in (Attempt.Status.SUBMITTED, Attempt.Status.TIMED_OUT)
        assert attempt.submitted_at is not None and attempt.score is not None and attempt.passed is not None
        if attempt.status == Attempt.Status.SUBMITTED:
            assert attempt.answers == expected
        else:
            assert attempt.answers == {}  # graded on the answers saved in time: none
        for question_id, chosen in attempt.answers.items():
            assert set(chosen) <= q.allowed_values(questions[question_id])
        assert len(attempt.results) == len(questions)
        assert Certificate.objects.count() - certificates_before == (1 if attempt.passed else 0)

        # Graded once: the same post again changes nothing.
        graded = Attempt.objects.values().get(pk=attempt.pk)
        again = send(client, submit_url, post, encoding)
        assert again.status_code == 302
        assert Attempt.objects.values().get(pk=attempt.pk) == graded
        assert Certificate.objects.count() - certificates_before == (1 if attempt.passed else 0)
