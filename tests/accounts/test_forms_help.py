"""Forms that help: password rules and errors in the reader's language, help and errors attached
to their fields for screen readers, and an error summary at the top after a failed submit."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from bs4 import BeautifulSoup
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from accounts.models import Agency, Region, User
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "Tr41ning-for-the-frontline"
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")

# What each broken password gets, in Tajik: the validators' own messages, with "парол" as the
# labels say (Django's Tajik catalogue says "рамз", or nothing).
TAJIK_ERRORS = {
    "short": "Ин парол хеле кӯтоҳ аст. Он бояд на камтар аз 8 аломат дошта бошад.",
    "common": "Ин парол хеле маъмул аст. Пароле интихоб кунед, ки тахмин кардани он душвортар бошад.",
    "numeric": "Ин парол танҳо аз рақамҳо иборат аст. Ҳарфҳо ё аломатҳои дигар илова кунед.",
    "similar": "Ин парол ба маълумоти шахсии шумо (суроғаи почтаи электронӣ) хеле монанд аст.",
}
RUSSIAN_ERRORS = {
    "short": "Этот пароль слишком короткий. Он должен содержать не менее 8 символов.",
    "common": "Этот пароль слишком распространён. Выберите пароль, который труднее угадать.",
    "numeric": "Этот пароль состоит только из цифр. Добавьте буквы или другие символы.",
    "similar": "Этот пароль слишком похож на ваши личные данные (адрес электронной почты).",
}
PASSWORDS = {"short": "kx7#q", "common": "password", "numeric": "48213975", "similar": "nodira.yusupova"}
TAJIK_RULES = [
    "Пароли шумо бояд на камтар аз 8 аломат дошта бошад.",
    "Пароли шумо набояд ба ному насаб ё суроғаи почтаи электронии шумо монанд бошад.",
    "Пароли шумо набояд пароли маъмулу серистифода бошад.",
    "Пароли шумо набояд танҳо аз рақамҳо иборат бошад.",
]


def signup_data(password: str, **changes) -> dict:
    data = {
        "email": "nodira.yusupova@example.org",
        "password1": password,
        "password2": password,
        "full_name": "Nodira Yusupova",
        "agency": Agency.objects.get(code="border-troops").pk,
        "region": Region.objects.get(code="gbao").pk,
        "position": "",
        "preferred_language": "tg",
    }
    data.update(changes)
    return data


def page(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_errors(soup: BeautifulSoup, field_id: str) -> list[str]:
    block = soup.find(id=f"{field_id}_error")
    assert block is not None, f"no error block for {field_id}"
    return [p.get_text(" ", strip=True) for p in block.find_all("p")]


def post_in(language: str, client, url_name: str, data: dict, **kwargs):
    with translation.override(language):
        return client.post(reverse(url_name, **kwargs), data)


# --- password rules and errors in Tajik and Russian -------------------------------------------


@pytest.mark.parametrize("problem", ["short", "common", "numeric", "similar"])
def test_tajik_signup_explains_a_weak_password_in_tajik(client, problem):
    response = post_in("tg", client, "account_signup", signup_data(PASSWORDS[problem]))

    soup = page(response)
    errors = field_errors(soup, "id_password1")
    assert TAJIK_ERRORS[problem] in errors
    assert not [error for error in errors if LATIN_WORD.search(error)], errors
    assert "This password" not in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize("problem", ["short", "common", "numeric", "similar"])
def test_russian_signup_explains_a_weak_password_in_russian(client, problem):
    response = post_in("ru", client, "account_signup", signup_data(PASSWORDS[problem]))

    errors = field_errors(page(response), "id_password1")
    assert RUSSIAN_ERRORS[problem] in errors
    assert not [error for error in errors if LATIN_WORD.search(error)], errors


def test_tajik_password_rules_are_listed_in_tajik_with_the_labels_word_for_password(client):
    with translation.override("tg"):
        soup = page(client.get(reverse("account_signup")))

    rules = [li.get_text(strip=True) for li in soup.find(id="id_password1_helptext").find_all("li")]
    assert rules == TAJIK_RULES
    assert "рамз" not in " ".join(rules).lower()


def test_tajik_password_change_refuses_a_short_password_in_tajik(client):
    user = UserFactory(preferred_language="tg")
    client.force_login(user)

    response = post_in(
        "tg",
        client,
        "account_change_password",
        {"oldpassword": DEFAULT_PASSWORD, "password1": "abc", "password2": "abc"},
    )

    assert TAJIK_ERRORS["short"] in field_errors(page(response), "id_password1")
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)


def test_invitation_password_setting_refuses_a_numeric_password_in_tajik(client):
    """The invitation link is allauth's password-reset link: the same rules, the same words."""
    user = UserFactory(preferred_language="tg")
    user.set_unusable_password()
    user.save()
    with translation.override("tg"):
        link = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        )
        set_password_page = client.get(link, follow=True)
        form_url = set_password_page.redirect_chain[-1][0] if set_password_page.redirect_chain else link
        response = client.post(form_url, {"password1": "48213975", "password2": "48213975"})

    soup = page(response)
    assert TAJIK_ERRORS["numeric"] in field_errors(soup, "id_password1")
    assert [li.get_text(strip=True) for li in soup.find(id="id_password1_helptext").find_all("li")] == TAJIK_RULES
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_a_good_password_passes_every_rule(client):
    with translation.override("tg"):
        response = client.post(reverse("account_signup"), signup_data(GOOD_PASSWORD))
    assert response.status_code == 302
    assert User.objects.get().check_password(GOOD_PASSWORD)


def test_validators_compare_with_the_full_name_too():
    user = User(email="someone@example.org", full_name="Gulnora Rahmonova")
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        password_validation.validate_password("GulnoraRahmonova", user)
    assert caught.value.messages == ["This password is too similar to your personal details (full name)."]


@override_settings(
    AUTH_PASSWORD_VALIDATORS=[
        {"NAME": "accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 1}}
    ]
)
def test_length_rule_has_plural_forms():
    with translation.override("ru"):
        assert password_validation.password_validators_help_texts() == ["Пароль должен содержать не менее 1 символа."]
    with translation.override("tg"), pytest.raises(ValidationError) as caught:
        password_validation.validate_password("")
    assert caught.value.messages == ["Ин парол хеле кӯтоҳ аст. Он бояд на камтар аз 1 аломат дошта бошад."]


# --- help and errors attached to their fields ---------------------------------------------------


def assert_descriptions_resolve(soup: BeautifulSoup) -> int:
    """Every id an aria-describedby names is an element with text, never a <p> the browser would
    split (a list or a block inside a <p>); returns how many references were checked."""
    checked = 0
    for element in soup.find_all(attrs={"aria-describedby": True}):
        for ref in element["aria-describedby"].split():
            target = soup.find(id=ref)
            assert target is not None, f"{element.get('id')}: aria-describedby names a missing #{ref}"
            assert target.get_text(strip=True), f"#{ref} is empty"
            assert target.name != "p", f"#{ref} is a <p>"
            checked += 1
    for paragraph in soup.find_all("p"):
        blocks = paragraph.find_all(["ul", "ol", "div", "p", "table"])
        assert not blocks, f"a <p> holds a <{blocks[0].name}>: the browser closes the <p> before it"
    return checked


def test_password_rules_are_the_password_fields_description(client):
    with translation.override("tg"):
        soup = page(client.get(reverse("account_signup")))

    password = soup.find(id="id_password1")
    assert password["aria-describedby"] == "id_password1_helptext"
    rules = soup.find(id="id_password1_helptext")
    assert rules.name == "div" and len(rules.find_all("li")) == 4
    assert assert_descriptions_resolve(soup) >= 3  # full name, position, password


def test_errors_are_described_and_marked_invalid_after_a_failed_signup(client):
    data = signup_data(GOOD_PASSWORD, full_name="", agency="", password2="something else")
    with translation.override("tg"):
        soup = page(client.post(reverse("account_signup"), data))

    for field_id in ("id_full_name", "id_agency", "id_password2"):
        widget = soup.find(id=field_id)
        assert widget.get("aria-invalid") == "true", field_id
        assert f"{field_id}_error" in widget["aria-describedby"].split(), field_id
    assert soup.find(id="id_email").get("aria-invalid") is None
    assert assert_descriptions_resolve(soup) >= 6


def test_several_errors_of_one_field_are_one_described_block(client):
    with translation.override("tg"):
        soup = page(client.post(reverse("account_signup"), signup_data("12345")))

    assert len(soup.find_all(id="id_password1_error")) == 1
    assert field_errors(soup, "id_password1") == [TAJIK_ERRORS[p] for p in ("short", "common", "numeric")]


@pytest.mark.parametrize(
    ("url_name", "data"),
    [
        ("account_login", {"login": "nobody@example.org", "password": "wrong"}),
        ("account_change_password", {"oldpassword": "wrong", "password1": "abc", "password2": "abd"}),
        ("profile", {"full_name": "", "agency": "", "region": "", "preferred_language": "xx"}),
        ("my_data_erase", {"password": ""}),
        ("account_email", {"action_add": "", "email": "not an address"}),
    ],
    ids=["login", "password-change", "profile", "erasure", "e-mail-change"],
)
def test_every_form_attaches_its_help_and_errors(client, url_name, data):
    if url_name != "account_login":
        client.force_login(UserFactory())
    response = post_in("tg", client, url_name, data)

    soup = page(response)
    assert assert_descriptions_resolve(soup) >= 1
    invalid = soup.find_all(attrs={"aria-invalid": "true"})
    assert invalid or url_name == "account_login"  # a failed login is the form's error, not a field's


# --- the error summary --------------------------------------------------------------------------


def summary_of(soup: BeautifulSoup):
    summaries = soup.select(".error-summary")
    assert len(summaries) == 1, "one error summary"
    return summaries[0]


def test_signup_error_summary_links_every_failing_field_and_takes_the_focus(client):
    data = signup_data("12345", full_name="", agency="", region="")
    with translation.override("tg"):
        soup = page(client.post(reverse("account_signup"), data))

    summary = summary_of(soup)
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.find("h2").get_text(strip=True) == "Хатогиҳо ёфт шуданд"
    form = summary.find_parent("form")
    assert form is not None and form.find(class_="field") is not None
    assert form.find(class_="error-summary") is form.find(class_=True)  # first in the form
    links = [a["href"] for a in summary.find_all("a")]
    failing = [f"#{widget['id']}" for widget in soup.find_all(attrs={"aria-invalid": "true"})]
    assert links == failing == ["#id_full_name", "#id_agency", "#id_region", "#id_password1"]
    for href in links:
        assert soup.find(id=href[1:]) is not None
    password_item = summary.find("a", href="#id_password1").get_text(" ", strip=True)
    assert password_item.startswith("Парол:")
    assert TAJIK_ERRORS["short"] in password_item and TAJIK_ERRORS["numeric"] in password_item
    script = soup.find("script", src=re.compile(r"error-summary\.js$"))
    assert script is not None and script.has_attr("defer")


def test_no_error_summary_before_a_submit(client):
    soup = page(client.get(reverse("account_signup")))
    assert not soup.select(".error-summary")
    assert not soup.find("script", src=re.compile(r"error-summary\.js$"))


def test_a_form_error_of_no_field_is_in_the_summary_without_a_link(client):
    user = UserFactory()
    with translation.override("ru"):
        soup = page(client.post(reverse("account_login"), {"login": user.email, "password": "wrong"}))

    summary = summary_of(soup)
    items = summary.find_all("li")
    assert len(items) == 1 and items[0].find("a") is None
    assert items[0].get_text(strip=True) == "Указанные вами адрес электронной почты и/или пароль неверны."
    assert summary.find("h2").get_text(strip=True) == "Обнаружены ошибки"


def test_sign_up_form_leaves_checking_to_the_server(client):
    """The browser's own bubbles speak the browser's language, one field at a time."""
    soup = page(client.get(reverse("account_signup")))
    assert soup.find("main").find("form", method="post").has_attr("novalidate")


def test_erasure_summary_links_the_unticked_box(client):
    client.force_login(UserFactory())
    soup = page(client.post(reverse("my_data_erase"), {"password": DEFAULT_PASSWORD}))

    links = [a["href"] for a in summary_of(soup).find_all("a")]
    assert links == ["#id_confirm"]
    assert User.objects.get().erased_at is None
