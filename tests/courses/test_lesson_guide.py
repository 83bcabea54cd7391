"""Lessons that guide: where a lesson sits in its course, how long it takes, knowledge checks
answered without JavaScript, ticking checklists, and "Continue" on My learning."""

import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from courses import services
from courses.models import LessonPage
from tests.courses.test_query_counts import count_queries
from tests.factories import build_course, lesson_body, lessons_of, publish

pytestmark = pytest.mark.django_db

CHECK_ID = "5f0c7d2e-1b7a-4c8e-9a35-6c2f1d9b8e01"
CHECKLIST_ID = "0b1a6c55-7e0f-4d7f-8c3e-2a4b9d1e6f02"


def item(text: str, **fields) -> dict:
    """A ListBlock item in Wagtail's stored form (with its own id)."""
    return {"type": "item", "id": str(uuid.uuid4()), "value": {"text": text, **fields} if fields else text}


def guided_body() -> list:
    """A lesson body with one knowledge check (the second of three answers is right) and one
    indicator checklist, with fixed block ids so tests can name them."""
    return [
        *lesson_body("Before the question."),
        {
            "type": "knowledge_check",
            "id": CHECK_ID,
            "value": {
                "question": "Does a child's consent change anything?",
                "choices": [
                    item("Yes, always.", is_correct=False),
                    item("No: means are not needed for a child.", is_correct=True),
                    item("Only at the border.", is_correct=False),
                ],
                "explanation": "For a child, act and purpose are enough.",
            },
        },
        {
            "type": "indicator_checklist",
            "id": CHECKLIST_ID,
            "value": {
                "title": "Signs at the crossing",
                "intro": "Look for several together.",
                "indicators": [item("Someone else holds the passport."), item("The story sounds learned by heart.")],
            },
        },
    ]


@pytest.fixture
def course(catalogue):
    course = build_course(title="Guided course", lessons=3, catalogue=catalogue)
    for lesson in lessons_of(course):
        lesson.estimated_minutes = 1 if lesson.slug == "lesson-1" else 21 if lesson.slug == "lesson-2" else 5
        lesson.body = guided_body() if lesson.slug == "lesson-2" else lesson.body
        publish(lesson)
    return course


@pytest.fixture
def lessons(course):
    return lessons_of(course)


@pytest.fixture
def guided(lessons):
    return lessons[1]


def translate_course(course, language: str) -> list[LessonPage]:
    """Live copies of the course and its lessons in ``language`` (the catalogue and home too)."""
    locale = Locale.objects.get(language_code=language)
    translated = course.copy_for_translation(locale, copy_parents=True)
    publish(translated)
    for parent in translated.get_ancestors().filter(depth__gt=1).specific():
        if not parent.live:
            publish(parent)
    copies = []
    for lesson in lessons_of(course):
        copy = lesson.copy_for_translation(locale)
        copies.append(publish(copy))
    return copies


def body(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def check_section(content: str) -> str:
    match = re.search(rf'<section class="knowledge-check[^"]*" id="kc-{CHECK_ID}".*?</section>', content, re.S)
    assert match, "the knowledge check is on the page"
    return match.group(0)


def visible(fragment: str, css_class: str) -> bool:
    """Whether the element with ``css_class`` in ``fragment`` is shown (has no ``hidden``)."""
    match = re.search(rf'<[a-z]+ class="[^"]*\b{css_class}\b[^"]*"([^>]*)>', fragment)
    assert match, f"{css_class} is in the page"
    return "hidden" not in match.group(1)


class TestWhereTheLessonSits:
    def test_lesson_number_and_reading_time_in_english(self, client_trainee, lessons):
        first = body(client_trainee.get(lessons[0].url))
        assert "Lesson 1 of 3" in first
        assert "Reading time: 1 minute<" in first
        assert "Reading time: 21 minutes" in body(client_trainee.get(lessons[1].url))

    @pytest.mark.parametrize(
        "language, expected",
        [
            # Russian has three plural forms: 1 минута, 21 минута (one), 5 минут (many).
            (
                "ru",
                {
                    "lesson-1": ("Урок 1 из 3", "1 минута"),
                    "lesson-2": ("Урок 2 из 3", "21 минута"),
                    "lesson-3": ("Урок 3 из 3", "5 минут"),
                },
            ),
            (
                "tg",
                {
                    "lesson-1": ("Дарси 1 аз 3", "1 дақиқа"),
                    "lesson-2": ("Дарси 2 аз 3", "21 дақиқа"),
                    "lesson-3": ("Дарси 3 аз 3", "5 дақиқа"),
                },
            ),
        ],
    )
    def test_lesson_number_and_reading_time_translated(self, client_trainee, course, language, expected):
        copies = translate_course(course, language)
        with translation.override(language):
            for copy in copies:
                assert copy.url.startswith(f"/{language}/")
                content = body(client_trainee.get(copy.url))
                position, minutes = expected[copy.slug]
                assert position in content
                assert re.search(r"(Время чтения|Вақти хондан): " + minutes + "<", content), minutes

    def test_outline_and_progress_come_before_the_lesson_text(self, client_trainee, trainee, lessons):
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        content = body(client_trainee.get(lessons[1].url))
        outline = content.index('<details class="lesson-outline"')
        assert outline < content.index("<h1>") < content.index("Before the question.")
        summary = content[outline : content.index("</summary>", outline)]
        assert "In this course" in summary
        assert "1 of 3 lessons complete (33%)" in summary  # progress is shown even while closed
        # Closed without scripts, so a phone sees the lesson; lesson.js opens it on wide screens.
        assert '<details class="lesson-outline" id="lesson-outline" data-lesson-outline>' in content
        assert 'aria-current="page"' in content[outline : content.index("</details>")]
        assert '<script src="/static/js/lesson.js" defer></script>' in content

    def test_outline_ends_with_the_assessment(self, client_trainee, course, lessons):
        from tests.assessments.builders import build_assessment

        assessment = build_assessment(course)
        content = body(client_trainee.get(lessons[0].url))
        outline = content[content.index('<details class="lesson-outline"') : content.index("</details>")]
        assert f'href="{assessment.url}"' in outline

    def test_printed_lesson_names_its_course_and_address(self, client_trainee, guided):
        content = body(client_trainee.get(guided.url))
        assert f'<p class="print-only print-source">Guided course · http://testserver{guided.url}</p>' in content


class TestKnowledgeCheckWithoutJavaScript:
    def test_unanswered_check_is_a_form_with_the_explanation_hidden(self, client_trainee, guided):
        section = check_section(body(client_trainee.get(guided.url)))
        assert f'<form method="get" action="#kc-{CHECK_ID}"' in section
        assert f'<input type="hidden" name="check" value="{CHECK_ID}">' in section
        assert len(re.findall(r'<input type="radio" name="choice" value="\d"', section)) == 3
        assert re.search(rf'<label for="kc-{CHECK_ID}-2">No: means are not needed for a child.</label>', section)
        assert not visible(section, "kc-explanation")
        assert not visible(section, "kc-mark-right")
        assert "checked" not in section

    def test_right_answer_is_marked_and_explained(self, client_trainee, guided):
        response = client_trainee.get(guided.url, {"check": CHECK_ID, "choice": "2"})
        section = check_section(body(response))
        assert visible(section, "kc-explanation")
        assert "For a child, act and purpose are enough." in section
        assert visible(section, "kc-verdict-right") and not visible(section, "kc-verdict-wrong")
        assert re.search(r'value="2" id="[^"]+" checked>', section)
        assert 'class="kc-choice is-correct is-chosen" data-correct' in section

    def test_wrong_answer_is_marked_and_the_right_one_shown(self, client_trainee, guided):
        section = check_section(body(client_trainee.get(guided.url, {"check": CHECK_ID, "choice": "3"})))
        assert visible(section, "kc-verdict-wrong") and not visible(section, "kc-verdict-right")
        assert visible(section, "kc-explanation")
        assert re.search(r'value="3" id="[^"]+" checked>', section)
        chosen = section[section.index('class="kc-choice is-chosen"') :]
        assert visible(chosen, "kc-mark-wrong")  # "Your answer: not right", on the chosen one
        assert 'class="kc-choice is-correct" data-correct' in section
        assert visible(section, "kc-mark-right")

    def test_answer_is_shown_in_russian(self, client_trainee, course):
        copies = translate_course(course, "ru")
        with translation.override("ru"):
            content = body(client_trainee.get(copies[1].url, {"check": CHECK_ID, "choice": "1"}))
        section = check_section(content)
        assert "Не совсем. Правильный ответ отмечен выше." in section
        assert visible(section, "kc-verdict-wrong")

    def test_answered_page_is_not_cached_for_other_readers(self, client_trainee, client, guided, django_user_model):
        client_trainee.get(guided.url, {"check": CHECK_ID, "choice": "2"})
        section = check_section(body(client_trainee.get(guided.url)))
        assert not visible(section, "kc-explanation")
        assert "checked" not in section

    @pytest.mark.parametrize("choice", ["", "abc", "0", "4", "-1", "2.0", "٢", "99999999999999999999", " "])
    def test_no_choice_or_one_that_is_not_an_option_asks_for_one(self, client_trainee, guided, choice):
        section = check_section(body(client_trainee.get(guided.url, {"check": CHECK_ID, "choice": choice})))
        assert visible(section, "kc-verdict-missing")
        assert "Choose one of the answers, then press “Check”." in section
        assert not visible(section, "kc-explanation")
        assert "checked" not in section

    def test_submitting_without_a_choice_asks_for_one(self, client_trainee, guided):
        section = check_section(body(client_trainee.get(guided.url, {"check": CHECK_ID})))
        assert visible(section, "kc-verdict-missing")

    @pytest.mark.parametrize("check", ["no-such-check", CHECKLIST_ID, "<script>", "x" * 500])
    def test_unknown_check_says_so_and_shows_the_lesson(self, client_trainee, guided, check):
        content = body(client_trainee.get(guided.url, {"check": check, "choice": "2"}))
        assert "That question is no longer in this lesson." in content
        assert "<script>" not in content.split("<main", 1)[1]
        assert not visible(check_section(content), "kc-explanation")

    def test_answer_sent_by_post_shows_the_lesson_unmarked(self, client_trainee, guided):
        """Answers travel in the address only: a POST (a hand-made form) neither fails nor marks."""
        section = check_section(body(client_trainee.post(guided.url, {"check": CHECK_ID, "choice": "2"})))
        assert not visible(section, "kc-explanation")


class TestChecklist:
    def test_indicators_are_checkboxes_with_labels(self, client_trainee, guided):
        content = body(client_trainee.get(guided.url))
        checklist = content[content.index(f'data-checklist="{CHECKLIST_ID}"') :]
        for number, text in ((1, "Someone else holds the passport."), (2, "The story sounds learned by heart.")):
            box = f"cl-{CHECKLIST_ID}-{number}"
            assert f'<input type="checkbox" id="{box}" data-checklist-item>' in checklist
            assert f'<label for="{box}">{text}</label>' in checklist
        # Says what happens to ticks: not kept without scripts; lesson.js swaps in the other note.
        assert "they are gone when you leave the page" in checklist
        assert re.search(r"data-checklist-note-saved hidden>\s*Your ticks are remembered in this browser", checklist)
        assert f'data-lesson="{guided.translation_key}"' in content


class TestMyLearning:
    def test_continue_links_to_the_first_unfinished_lesson(self, client_trainee, trainee, lessons):
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        services.lesson_mark_complete(user=trainee, lesson=lessons[2])
        content = body(client_trainee.get(reverse("my_learning")))
        link = re.search(r'<a class="button learning-next" href="([^"]+)">\s*Continue: lesson 2 of 3', content)
        assert link and link.group(1) == lessons[1].url
        assert "Guided course: lesson 2" in content

    def test_continue_in_tajik_goes_to_the_tajik_lesson(self, client_trainee, trainee, course, lessons):
        copies = translate_course(course, "tg")
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        with translation.override("tg"):
            content = body(client_trainee.get(reverse("my_learning")))
        link = re.search(r'<a class="button learning-next" href="([^"]+)">\s*Идома: дарси 2 аз 3', content)
        assert link and link.group(1) == copies[1].url

    def test_required_course_not_started_offers_to_start(self, client_trainee, trainee, catalogue):
        required = build_course(title="Required course", lessons=2, catalogue=catalogue, audiences=[trainee.agency])
        content = body(client_trainee.get(reverse("my_learning")))
        assert f'action="{reverse("course_start", args=[required.pk])}"' in content
        assert "Start the course" in content

    def test_all_lessons_done_goes_to_the_assessment(self, client_trainee, trainee, course, lessons):
        from tests.assessments.builders import build_assessment

        assessment = build_assessment(course)
        for lesson in lessons:
            services.lesson_mark_complete(user=trainee, lesson=lesson)
        content = body(client_trainee.get(reverse("my_learning")))
        assert re.search(rf'<a class="button learning-next" href="{assessment.url}">\s*Go to the assessment', content)

    def test_started_required_course_is_listed_once(self, client_trainee, trainee, catalogue):
        required = build_course(title="Required course", lessons=3, catalogue=catalogue, audiences=[trainee.agency])
        other = build_course(title="Optional course", lessons=2, catalogue=catalogue)
        services.lesson_mark_complete(user=trainee, lesson=lessons_of(required)[0])
        services.lesson_mark_complete(user=trainee, lesson=lessons_of(other)[0])
        response = client_trainee.get(reverse("my_learning"))
        content = body(response)
        learning = response.context["learning"]
        assert [item.course.title for item in learning.required] == ["Required course"]
        assert [item.course.title for item in learning.in_progress] == ["Optional course"]
        assert content.count(">Required course</a></h3>") == 1
        assert content.count(">Optional course</a></h3>") == 1

    def test_only_required_courses_started_shows_no_empty_in_progress(self, client_trainee, trainee, catalogue):
        required = build_course(title="Required course", lessons=3, catalogue=catalogue, audiences=[trainee.agency])
        services.lesson_mark_complete(user=trainee, lesson=lessons_of(required)[0])
        content = body(client_trainee.get(reverse("my_learning")))
        assert content.count(">Required course</a></h3>") == 1
        assert "No course in progress." not in content

    def test_cards_do_not_repeat_the_course_summary(self, client_trainee, trainee, course, lessons):
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        content = body(client_trainee.get(reverse("my_learning")))
        assert "Summary of Guided course." not in content


class TestQueryBudgets:
    def test_lesson_page_budget_unchanged_with_checks_and_answers(self, client_trainee, trainee, guided, lessons):
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        assert count_queries(client_trainee, guided.url) <= 2
        assert count_queries(client_trainee, f"{guided.url}?check={CHECK_ID}&choice=2") <= 2
        assert count_queries(client_trainee, f"{guided.url}?check=unknown&choice=x") <= 2

    def test_my_learning_budget_unchanged_with_continue_buttons(self, client_trainee, trainee, catalogue, lessons):
        required = build_course(title="Required course", lessons=3, catalogue=catalogue, audiences=[trainee.agency])
        services.lesson_mark_complete(user=trainee, lesson=lessons_of(required)[0])
        services.lesson_mark_complete(user=trainee, lesson=lessons[0])
        # The user, completions, enrolments; the assignments and the programme's settings.
        assert count_queries(client_trainee, reverse("my_learning")) <= 5

    def test_my_learning_queries_do_not_grow_with_courses_in_progress(
        self, client_trainee, trainee, catalogue, django_assert_max_num_queries
    ):
        for number in range(5):
            started = build_course(title=f"Started {number}", lessons=3, catalogue=catalogue)
            services.lesson_mark_complete(user=trainee, lesson=lessons_of(started)[1])
        client_trainee.get(reverse("my_learning"))
        with django_assert_max_num_queries(4):  # the user, completions, enrolments, assignments
            content = body(client_trainee.get(reverse("my_learning")))
        assert content.count("Continue: lesson 1 of 3") == 5
