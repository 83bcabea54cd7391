"""A second country by data alone: loading Kyrgyzstan's pack (tests/data/country_packs/kg)
changes sign-up, the dashboard, its map and the exports; a broken pack says what is wrong."""

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from accounts.country_packs import REGION_KINDS, CountryPackError, current_pack, read_pack
from accounts.models import Agency, Region
from accounts.reference_data import country_pack_load
from reports.charts import country_map
from reports.models import Headcount
from tests.factories import UserFactory, build_course, make_coordinator, sign_in_with_second_factor

PROJECT_DIR = Path(__file__).resolve().parents[2]
KG = PROJECT_DIR / "tests" / "data" / "country_packs" / "kg"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
KG_AGENCIES = {
    "en": ["Ministry of Internal Affairs", "Border Service"],
    "ru": ["Министерство внутренних дел", "Пограничная служба"],
    "tg": ["Вазорати корҳои дохилӣ", "Хадамоти сарҳадӣ"],
}
KG_REGIONS = {
    "en": ["Chuy Region", "Osh Region", "Naryn Region"],
    "ru": ["Чуйская область", "Ошская область", "Нарынская область"],
    "tg": ["Вилояти Чуй", "Вилояти Ош", "Вилояти Норин"],
}


def kyrgyzstan():
    return read_pack(KG, languages=LANGUAGES)


@pytest.fixture
def kg(db):
    """Kyrgyzstan's pack loaded over the migration's Tajik rows, and the site running with it."""
    report = country_pack_load(pack=kyrgyzstan())
    with override_settings(COUNTRY_PACK_DIR=KG):
        yield report


@pytest.fixture
def national_client(client, kg):
    coordinator = make_coordinator(
        email="national@example.org", full_name="National Coordinator", agency=None, region=None
    )
    sign_in_with_second_factor(client, coordinator)
    return client


@pytest.fixture
def kg_trainee(kg):
    return UserFactory(
        email="aibek@example.org",
        full_name="Aibek Trainee",
        agency=Agency.objects.get(code="kg-border"),
        region=Region.objects.get(code="naryn"),
    )


def _options(html: str, field: str) -> list[str]:
    select = re.search(rf'<select name="{field}".*?</select>', html, re.S).group(0)
    return [label.strip() for value, label in re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)]


def test_reading_the_pack_gives_its_country_map_time_zone_and_language():
    pack = kyrgyzstan()
    assert (pack.code, pack.time_zone, pack.default_language, pack.view_box) == (
        "kg",
        "Asia/Bishkek",
        "ru",
        "0 0 300 200",
    )
    assert [pack.name(language) for language in ("en", "ru", "tg", "tg-TJ", "de")] == [
        "Kyrgyzstan",
        "Кыргызстан",
        "Қирғизистон",
        "Қирғизистон",
        "Kyrgyzstan",
    ]
    assert [agency.code for agency in pack.agencies] == ["kg-interior", "kg-border"]
    assert pack.agencies[1].parent == "kg-interior"
    assert pack.region("osh").shape.label.x == 60.5
    assert pack.region("naryn").shape is None and pack.region("naryn").marker is None


def test_the_pack_region_kinds_are_the_models():
    assert set(REGION_KINDS) == set(Region.Kind.values)


def test_tajikistan_is_the_default_pack():
    pack = current_pack()
    assert (pack.code, pack.time_zone, pack.default_language) == ("tj", "Asia/Dushanbe", "tg")
    assert settings.TRAINEE_DEFAULT_LANGUAGE == "tg"
    assert pack.region("dushanbe").marker is not None
    assert {region.code for region in pack.regions if region.shape} == {"sughd", "drs", "khatlon", "gbao"}


@pytest.mark.django_db
def test_loading_replaces_the_active_reference_data_and_keeps_the_old_rows(kg):
    assert sorted(kg.agencies.created) == ["kg-border", "kg-interior"]
    assert sorted(kg.regions.created) == ["chuy", "naryn", "osh"]
    assert "police" in kg.agencies.deactivated and "dushanbe" in kg.regions.deactivated
    assert list(Agency.objects.filter(is_active=True).values_list("code", flat=True)) == ["kg-interior", "kg-border"]
    assert list(Region.objects.filter(is_active=True).values_list("code", flat=True)) == ["chuy", "osh", "naryn"]
    assert Agency.objects.get(code="kg-border").parent.code == "kg-interior"
    assert Agency.objects.filter(code="police", is_active=False).exists()  # deactivated, never deleted
    chuy = Region.objects.get(code="chuy")
    assert (chuy.name, chuy.name_ru, chuy.name_tg, chuy.kind) == (
        "Chuy Region",
        "Чуйская область",
        "Вилояти Чуй",
        "domestic",
    )


@pytest.mark.django_db
def test_loading_twice_changes_nothing(kg):
    before = list(Region.objects.order_by("pk").values()), list(Agency.objects.order_by("pk").values())
    again = country_pack_load(pack=kyrgyzstan())
    assert not again.changed
    assert (again.agencies.created, again.agencies.updated, again.agencies.deactivated) == ([], [], [])
    assert (again.regions.created, again.regions.updated, again.regions.deactivated) == ([], [], [])
    assert sorted(again.regions.unchanged) == ["chuy", "naryn", "osh"]
    assert (list(Region.objects.order_by("pk").values()), list(Agency.objects.order_by("pk").values())) == before


@pytest.mark.django_db
def test_a_region_missing_from_a_reloaded_pack_is_deactivated_not_deleted(kg, kg_trainee, tmp_path):
    text = (KG / "pack.toml").read_text(encoding="utf-8")
    (tmp_path / "pack.toml").write_text(text[: text.index('[[regions]]\ncode = "naryn"')], encoding="utf-8")
    report = country_pack_load(pack=read_pack(tmp_path, languages=LANGUAGES))
    assert report.regions.deactivated == ["naryn"]
    naryn = Region.objects.get(code="naryn")
    assert not naryn.is_active
    kg_trainee.refresh_from_db()
    assert kg_trainee.region == naryn  # the trainee keeps their region and its name
    # Listed again, it is offered again.
    assert country_pack_load(pack=kyrgyzstan()).regions.updated == ["naryn"]
    assert Region.objects.get(code="naryn").is_active


@pytest.mark.django_db
def test_a_changed_name_is_updated_in_place(kg, tmp_path):
    chuy_pk = Region.objects.get(code="chuy").pk
    text = (KG / "pack.toml").read_text(encoding="utf-8").replace('en = "Chuy Region"', 'en = "Chüy Region"')
    (tmp_path / "pack.toml").write_text(text, encoding="utf-8")
    report = country_pack_load(pack=read_pack(tmp_path, languages=LANGUAGES))
    assert report.regions.updated == ["chuy"]
    assert Region.objects.get(pk=chuy_pk).name == "Chüy Region"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_signup_offers_the_packs_agencies_and_regions(client, kg, language):
    with translation.override(language):
        html = client.get(reverse("account_signup")).content.decode()
    assert _options(html, "agency") == KG_AGENCIES[language]
    assert _options(html, "region") == KG_REGIONS[language]


@pytest.mark.django_db
def test_signup_offers_nothing_the_pack_no_longer_lists(client, kg):
    with translation.override("en"):
        html = client.get(reverse("account_signup")).content.decode()
    assert "Dushanbe" not in html and "Police (Ministry of Internal Affairs)" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Kyrgyzstan: share of staff with a valid certificate in each region"),
        ("ru", "Кыргызстан: "),
        ("tg", "Қирғизистон: "),
    ],
)
def test_dashboard_and_map_show_the_packs_regions(national_client, language, title):
    chuy, osh = Region.objects.get(code="chuy"), Region.objects.get(code="osh")
    Headcount.objects.create(agency=Agency.objects.get(code="kg-border"), region=chuy, staff=8)
    with translation.override(language):
        html = national_client.get(reverse("reports_dashboard")).content.decode()
    svg = re.search(r'<svg viewBox="([^"]*)"[^>]*class="map">(.*?)</svg>', html, re.S)
    assert svg.group(1) == "0 0 300 200"
    map_title = re.search(r'<title id="map-title">([^<]*)</title>', svg.group(2)).group(1)
    assert title in map_title
    assert "Tajikistan" not in html and "Таджикистан" not in html and "Тоҷикистон" not in html
    paths = re.findall(r'<path d="([^"]*)"', svg.group(2))
    assert paths == [kyrgyzstan().region("chuy").shape.path, kyrgyzstan().region("osh").shape.path]
    assert 'x="60.5" y="140"' in svg.group(2)  # the pack's label point, never written "60,5"
    for region in (chuy, osh):
        assert f"region={region.pk}" in svg.group(2)
    unmapped = re.search(r'<ul class="abroad">(.*?)</ul>', html, re.S).group(1)  # listed beside the map
    assert KG_REGIONS[language][2] in unmapped and KG_REGIONS[language][0] not in unmapped
    matrix = re.search(r'<table class="matrix">(.*?)</table>', html, re.S).group(1)
    for name in KG_REGIONS[language] + KG_AGENCIES[language]:
        assert name in matrix


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exports_name_the_packs_agencies_and_regions(national_client, kg_trainee, catalogue, file_format):
    build_course(title="Kyrgyz course", catalogue=catalogue)
    with translation.override("ru"):
        matrix = _export_rows(national_client.get(reverse("reports_export_matrix", args=[file_format])), file_format)
        trainees = _export_rows(
            national_client.get(reverse("reports_export_trainees", args=[file_format])), file_format
        )
    pairs = {(row[0], row[1]) for row in matrix[1:]}
    assert pairs == {(agency, region) for agency in KG_AGENCIES["ru"] for region in KG_REGIONS["ru"]}
    header = trainees[0]
    with translation.override("ru"):
        agency_column, region_column = header.index(gettext("Agency")), header.index(gettext("Region"))
    assert [(row[agency_column], row[region_column]) for row in trainees[1:]] == [
        ("Пограничная служба", "Нарынская область")
    ]


def _export_rows(response, file_format: str) -> list[list[str]]:
    assert response.status_code == 200
    if file_format == "csv":
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text, newline="")))
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.django_db
def test_the_command_loads_a_pack_with_progress_and_says_when_nothing_changed():
    out = io.StringIO()
    call_command("load_country_pack", "--pack", str(KG), stdout=out)
    text = out.getvalue()
    assert "Loading Kyrgyzstan (kg)" in text
    assert "Agencies: 2 created, 0 updated, 0 unchanged, 9 deactivated" in text
    assert "Regions: 3 created, 0 updated, 0 unchanged, 9 deactivated" in text
    assert "set COUNTRY_PACK_DIR" in text  # the site still runs with the Tajik pack
    out = io.StringIO()
    call_command("load_country_pack", "--pack", str(KG), stdout=out)
    assert "Nothing to change." in out.getvalue()


@pytest.mark.django_db
def test_the_command_reports_a_broken_pack_without_a_traceback(tmp_path):
    (tmp_path / "pack.toml").write_text('code = "xx"\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"pack\.toml: name: is missing or is not a table"):
        call_command("load_country_pack", "--pack", str(tmp_path))
    assert Region.objects.filter(code="dushanbe", is_active=True).exists()  # nothing was touched


BROKEN = [
    # (what the pack.toml is changed into, the field the error names, words of its problem)
    (
        lambda t: t.replace('time_zone = "Asia/Bishkek"', 'time_zone = "Asia/Atlantis"'),
        "time_zone",
        "not a known time zone",
    ),
    (lambda t: t.replace('default_language = "ru"', 'default_language = "ky"'), "default_language", "must be one of"),
    (lambda t: t.replace('en = "Kyrgyzstan"\n', ""), "name.en", "English form"),
    (lambda t: t.replace('tg = "Қирғизистон"', 'ky = "Кыргызстан"'), "name.ky", "not a language of the site"),
    (lambda t: t.replace('view_box = "0 0 300 200"', 'view_box = "0 0 wide"'), "map.view_box", "four numbers"),
    (lambda t: t.replace('code = "osh"', 'code = "chuy"'), "regions[1].code", "listed twice"),
    (lambda t: t.replace('code = "naryn"', 'code = "Naryn Region!"'), "regions[2].code", "letters, digits"),
    (lambda t: t.replace('kind = "domestic"', 'kind = "oblast"', 1), "regions[0].kind", "must be one of"),
    (lambda t: t.replace('parent = "kg-interior"', 'parent = "kg-customs"'), "agencies[1].parent", "not an agency"),
    (lambda t: t.replace("label = [60, 50]", 'label = ["60", 50]'), "regions[0].shape.label", "two numbers"),
    (lambda t: t.replace("M10,10 L150,10", "M10,10 <script>"), "regions[0].shape.path", "SVG path"),
    (lambda t: t.replace("label = [60, 50]", "label = [inf, 50]"), "regions[0].shape.label", "two numbers"),
    (
        lambda t: t.replace("label = [60, 50] }", "label = [60, 50] }\nmarker = [1, 2]"),
        "regions[0]",
        "both a shape and a marker",
    ),
    (lambda t: t.replace('kind = "domestic"', 'knd = "domestic"', 1), "regions[0].knd", "not a known field"),
    (lambda t: t[: t.index("[[agencies]]")] + t[t.index("[[regions]]") :], "agencies", "at least one entry"),
    (lambda t: t.replace('[name]\nen = "Kyrgyzstan"', '[name]\nen = ""'), "name.en", "missing or empty"),
]


@pytest.mark.parametrize(("change", "field", "problem"), BROKEN)
def test_a_broken_pack_names_the_file_and_the_field(tmp_path, change, field, problem):
    path = tmp_path / "pack.toml"
    path.write_text(change((KG / "pack.toml").read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CountryPackError) as caught:
        read_pack(tmp_path, languages=LANGUAGES)
    assert (caught.value.path, caught.value.field) == (path, field)
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}: {field}: ")


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, "no such file"), (b'code = "kg"\nname = {', "not valid TOML"), (b"\xff\xfe", "not valid TOML")],
)
def test_a_missing_or_unreadable_pack_names_the_file(tmp_path, content, problem):
    if content is not None:
        (tmp_path / "pack.toml").write_bytes(content)
    with pytest.raises(CountryPackError, match=problem) as caught:
        read_pack(tmp_path, languages=LANGUAGES)
    assert caught.value.path == tmp_path / "pack.toml"


def _settings_in_a_fresh_process(**env) -> str:
    environment = {key: value for key, value in os.environ.items() if key not in {"TIME_ZONE", "COUNTRY_PACK_DIR"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="1", **env)
    code = "from django.conf import settings; print(settings.TIME_ZONE, settings.TRAINEE_DEFAULT_LANGUAGE)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_time_zone_and_trainee_language_come_from_the_pack_unless_time_zone_is_set():
    assert _settings_in_a_fresh_process() == "Asia/Dushanbe tg"
    assert _settings_in_a_fresh_process(COUNTRY_PACK_DIR="tests/data/country_packs/kg") == "Asia/Bishkek ru"
    assert _settings_in_a_fresh_process(COUNTRY_PACK_DIR=str(KG), TIME_ZONE="UTC") == "UTC ru"


def test_the_tajik_map_draws_four_regions_marks_dushanbe_and_lists_the_duty_stations_abroad():
    """The shapes that reports/charts.py hard-coded before, now read from countries/tj."""
    codes = ["dushanbe", "sughd", "khatlon", "gbao", "drs", "abroad-ru", "added-in-the-admin"]
    regions = [SimpleNamespace(pk=number, code=code) for number, code in enumerate(codes)]
    figures = {region.pk: f"cell {region.code}" for region in regions}
    drawn = country_map(regions, figures)
    assert drawn.view_box == "0 0 400 280"
    assert [(shape.region.code, shape.label_x, shape.label_y, shape.total) for shape in drawn.shapes] == [
        ("sughd", 120, 58, "cell sughd"),
        ("khatlon", 95, 205, "cell khatlon"),
        ("gbao", 262, 178, "cell gbao"),
        ("drs", 178, 116, "cell drs"),
    ]
    assert drawn.shapes[0].path == "M40,50 L60,22 L140,10 L232,38 L252,70 L200,95 L120,100 L70,82 Z"
    [dushanbe] = drawn.markers
    assert (dushanbe.region.code, dushanbe.label_x, dushanbe.label_y, dushanbe.caption_x, dushanbe.caption_y) == (
        "dushanbe",
        112,
        124,
        92,
        150,
    )
    assert [item.region.code for item in drawn.unmapped] == ["abroad-ru", "added-in-the-admin"]
