"""The review's searches (journey.md, section 2, item 9) on the demo site's own lessons: a word
finds the lessons whatever its ending, and every result names its course."""

import pytest
from django.utils import translation


def search(client, language, query):
    with translation.override(language):
        response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response


def found(response):
    page = response.context["page"]
    return page.paginator.count, [result.title for result in page]


def test_tajik_plural_finds_the_lessons_titled_with_its_izofat_form(client, seeded_site):
    count, titles = found(search(client, "tg", "нишонаҳо"))
    # Before: 4 results, none of the two lessons titled "Нишонаҳои …".
    assert [title for title in titles if title.startswith("Нишонаҳои")] == titles[:2]
    assert len(titles[:2]) == 2
    assert found(search(client, "tg", "нишонаҳои"))[0] == count


@pytest.mark.parametrize(("one", "other"), [("признак", "признаки"), ("паспорт", "паспорта")])
def test_russian_forms_find_the_same_lessons(client, seeded_site, one, other):
    # Before: "признак" 3 and "признаки" 14; "паспорт" 12 and "паспорта" 7.
    one_count, one_titles = found(search(client, "ru", one))
    assert (one_count, one_titles) == found(search(client, "ru", other))
    assert one_count >= 14


def test_each_lesson_names_its_course(client, seeded_site):
    response = search(client, "ru", "признаки")
    html = response.content.decode()
    for result in response.context["page"]:
        if result.course is not None:
            assert f"«{result.course.title}»" in html or result.course.title in html
    assert any(result.course is not None for result in response.context["page"])
    assert "<mark>" in html
