"""The seed course texts, read from the TOML files in ``demo/content``.

Layout (written for editors, who need not read any Python):

* ``catalogue.toml``: ``courses``, the course folders in catalogue order;
* ``<course-slug>/course.toml``: title, summary, learning outcomes, minutes, validity and the
  agency codes the course is required for;
* ``<course-slug>/lessons/NN-<lesson-slug>.toml``: one lesson, its ``body`` an array of blocks
  (``[[body]]`` with ``type`` and the block's fields; a paragraph's HTML is its ``value``);
* ``<course-slug>/assessment.toml``: the question pool (``[[questions]]``, scenarios holding
  their own ``[[questions.questions]]``); attempts shuffle a question's answers unless it says
  ``keep_order = true``.

Long texts are TOML multi-line strings whose lines end in a backslash, which TOML joins
without the line break or the next line's indentation. Every StreamField value is checked
through the page's own blocks (``to_python`` then ``clean``) as it is read, so a mistake
fails with the file and the field, not later in a template. Block ids are derived from the
course, lesson and position (uuid5), identical on every installation and in every language,
so translations and grading stay attached to the same blocks.
"""

import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from wagtail import blocks

from assessments.models import AssessmentPage
from courses.models import CoursePage, LessonPage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SEED_NAMESPACE = uuid.UUID("6f1c2a64-8d0b-4f7e-9a51-3c2d7e9b1f40")
# Every attempt at a seed assessment shows this many questions: one scenario and the rest
# drawn from the standalone questions.
QUESTIONS_PER_ATTEMPT = 10
# The score (%) that passes a seed assessment.
PASS_MARK = 80


class SeedContentError(Exception):
    """A seed content file that cannot be read or does not fit the page's blocks."""


@dataclass(frozen=True)
class SeedLesson:
    slug: str
    title: str
    intro: str
    estimated_minutes: int
    body: list  # raw StreamField data, with stable block ids


@dataclass(frozen=True)
class SeedAssessment:
    title: str
    intro: str
    questions: list  # raw StreamField data, with stable block ids


@dataclass(frozen=True)
class SeedCourse:
    slug: str
    title: str
    summary: str
    learning_outcomes: list  # raw StreamField data, with stable block ids
    estimated_minutes: int
    validity_months: int
    required_for: tuple[str, ...]
    lessons: tuple[SeedLesson, ...]
    assessment: SeedAssessment


def load_courses(directory: Path = CONTENT_DIR) -> list[SeedCourse]:
    """The seed courses in catalogue order, every StreamField value validated."""
    catalogue = _read(directory / "catalogue.toml")
    return [load_course(directory / slug) for slug in _required(catalogue, "courses", directory / "catalogue.toml")]


def seed_slugs(directory: Path = CONTENT_DIR) -> dict[str, list[str]]:
    """Each seed course's slug with its lessons' slugs, in order, from the file names alone."""
    catalogue = _read(directory / "catalogue.toml")
    return {
        slug: [_lesson_slug(path) for path in sorted((directory / slug / "lessons").glob("*.toml"))]
        for slug in _required(catalogue, "courses", directory / "catalogue.toml")
    }


def load_course(folder: Path) -> SeedCourse:
    slug = folder.name
    path = folder / "course.toml"
    data = _read(path)
    outcomes = [
        {"type": "outcome", "id": seed_id(slug, "outcome", n), "value": text}
        for n, text in enumerate(_required(data, "learning_outcomes", path))
    ]
    _validate(CoursePage, "learning_outcomes", outcomes, path)
    lesson_paths = sorted((folder / "lessons").glob("*.toml"))
    if not lesson_paths:
        raise SeedContentError(f"{folder / 'lessons'}: no lesson files (NN-<slug>.toml)")
    return SeedCourse(
        slug=slug,
        title=_required(data, "title", path),
        summary=_required(data, "summary", path),
        learning_outcomes=outcomes,
        estimated_minutes=_required(data, "estimated_minutes", path),
        validity_months=_required(data, "validity_months", path),
        required_for=tuple(data.get("required_for", ())),
        lessons=tuple(_load_lesson(slug, lesson_path) for lesson_path in lesson_paths),
        assessment=_load_assessment(slug, folder / "assessment.toml"),
    )


def seed_id(*parts) -> str:
    return str(uuid.uuid5(SEED_NAMESPACE, "/".join(str(part) for part in parts)))


def with_block_ids(stream: list[dict], *path) -> list[dict]:
    """A raw lesson body with stable ids on every block and list item.

    wagtail-localize translates list items only when they carry ids, and stable ids keep the
    translation files valid across installations.
    """
    blocks = []
    for index, block in enumerate(stream):
        value = block["value"]
        if isinstance(value, dict):
            value = {
                key: [
                    {"type": "item", "id": seed_id(*path, index, key, n), "value": item} for n, item in enumerate(items)
                ]
                if isinstance(items, list)
                else items
                for key, items in value.items()
            }
        blocks.append({"type": block["type"], "id": seed_id(*path, index), "value": value})
    return blocks


def assessment_stream(slug: str, items: list[dict], *, per_attempt: int) -> list[dict]:
    """Every attempt gets one scenario and fills the rest from the standalone questions."""
    scenarios = [(i, item) for i, item in enumerate(items) if item["type"] == "scenario"]
    standalone = [(i, item) for i, item in enumerate(items) if item["type"] != "scenario"]
    stream = []
    if scenarios:
        stream.append(
            {
                "type": "pool",
                "id": seed_id(slug, "pool", "scenarios"),
                "value": {
                    "title": "Scenarios",
                    "draw": 1,
                    "questions": [_question_block(item, slug, i) for i, item in scenarios],
                },
            }
        )
    stream.append(
        {
            "type": "pool",
            "id": seed_id(slug, "pool", "questions"),
            "value": {
                "title": "Questions",
                "draw": min(per_attempt - len(stream), len(standalone)),
                "questions": [_question_block(item, slug, i) for i, item in standalone],
            },
        }
    )
    return stream


def _lesson_slug(path: Path) -> str:
    number, _dash, slug = path.stem.partition("-")
    if not (number.isdigit() and slug):
        raise SeedContentError(f"{path}: a lesson file is named NN-<slug>.toml")
    return slug


def _load_lesson(course_slug: str, path: Path) -> SeedLesson:
    slug = _lesson_slug(path)
    data = _read(path)
    raw_blocks = []
    for index, block in enumerate(_required(data, "body", path)):
        if not isinstance(block, dict) or "type" not in block:
            raise SeedContentError(f"{path}: body[{index}]: every [[body]] block needs a 'type'")
        fields = {key: value for key, value in block.items() if key != "type"}
        # A block with fields (a struct) lists them; a single value (a paragraph's HTML) is "value".
        value = fields["value"] if set(fields) == {"value"} else fields
        raw_blocks.append({"type": block["type"], "value": value})
    body = with_block_ids(raw_blocks, course_slug, slug)
    _validate(LessonPage, "body", body, path)
    return SeedLesson(
        slug=slug,
        title=_required(data, "title", path),
        intro=_required(data, "intro", path),
        estimated_minutes=_required(data, "estimated_minutes", path),
        body=body,
    )


def _load_assessment(course_slug: str, path: Path) -> SeedAssessment:
    data = _read(path)
    try:
        questions = assessment_stream(
            course_slug, _required(data, "questions", path), per_attempt=QUESTIONS_PER_ATTEMPT
        )
    except (KeyError, TypeError) as error:
        raise SeedContentError(f"{path}: questions: a question lacks the field {error}") from error
    _validate(AssessmentPage, "questions", questions, path)
    return SeedAssessment(
        title=_required(data, "title", path), intro=_required(data, "intro", path), questions=questions
    )


def _question_block(item: dict, *path) -> dict:
    """One question of a seed assessment in Wagtail's raw StreamField form."""
    kind = item["type"]
    if kind == "true_false":
        value = {"statement": item["statement"], "is_true": item["is_true"], "explanation": item["explanation"]}
    elif kind == "scenario":
        value = {
            "case": item["case"],
            "questions": [_question_block(sub, *path, i) for i, sub in enumerate(item["questions"])],
        }
    else:
        value = {
            "question": item["question"],
            "choices": [
                {
                    "type": "item",
                    "id": seed_id(*path, "choice", i),
                    "value": dict(text=c["text"], is_correct=c["is_correct"]),
                }
                for i, c in enumerate(item["choices"])
            ],
            "explanation": item["explanation"],
            # Answers such as "None of the above" keep their place: ``keep_order = true``.
            "keep_order": bool(item.get("keep_order", False)),
        }
        if kind == "multiple_choice":
            value["scoring"] = "partial" if item.get("partial_credit") else "all_or_nothing"
    return {"type": kind, "id": seed_id(*path), "value": value}


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError as error:
        raise SeedContentError(f"{path}: file not found") from error
    except tomllib.TOMLDecodeError as error:
        raise SeedContentError(f"{path}: not valid TOML: {error}") from error


def _required(data: dict, key: str, path: Path):
    if key not in data:
        raise SeedContentError(f"{path}: the field '{key}' is missing")
    return data[key]


def _validate(model, field_name: str, raw: list, path: Path) -> None:
    """Check a raw StreamField value through the page field's own blocks, as the editor would."""
    stream_block = model._meta.get_field(field_name).stream_block
    _check_types(stream_block, raw, f"{path}: {field_name}")
    try:
        stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        problems = "; ".join(_messages(_error_data(error), field_name, raw)) or f"{field_name}: {error}"
        raise SeedContentError(f"{path}: {problems}") from error
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise SeedContentError(
            f"{path}: {field_name}: a value is not in the form its block expects ({error!r})"
        ) from error


def _check_types(block, value, where: str) -> None:
    """Unknown block types and field names, which Wagtail would silently drop."""
    if isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value):
            if child.get("type") not in block.child_blocks:
                known = ", ".join(block.child_blocks)
                raise SeedContentError(f"{where}[{index}]: unknown block type {child.get('type')!r} (one of {known})")
            _check_types(block.child_blocks[child["type"]], child.get("value"), f"{where}[{index}] ({child['type']})")
    elif isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        for key in value:
            if key not in block.child_blocks:
                known = ", ".join(block.child_blocks)
                raise SeedContentError(f"{where}: unknown field {key!r} (one of {known})")
            _check_types(block.child_blocks[key], value[key], f"{where}.{key}")
    elif isinstance(block, blocks.ListBlock) and isinstance(value, list):
        for index, item in enumerate(value):
            item_value = item.get("value") if isinstance(item, dict) and "type" in item else item
            _check_types(block.child_block, item_value, f"{where}[{index}]")


def _error_data(error: ValidationError) -> dict:
    if hasattr(error, "as_json_data"):
        return error.as_json_data()
    return {"messages": list(error.messages)}


def _messages(data: dict, where: str, raw) -> list[str]:
    messages = [f"{where}: {message}" for message in data.get("messages", ())]
    for key, sub in data.get("blockErrors", {}).items():
        label = f"{where}.{key}"
        if isinstance(raw, list) and isinstance(key, int) and key < len(raw) and isinstance(raw[key], dict):
            label = f"{where}[{key}] ({raw[key].get('type')})"
            child = raw[key].get("value")
        elif isinstance(raw, dict):
            child = raw.get(key)
        else:
            child = None
        messages += _messages(sub, label, child)
    return messages
