"""What only the server knows, asked of the browser tests' site from outside the browser.

Run as ``python -m tests.e2e.oracle answers ATTEMPT_ID`` with the site's environment: prints
the correct answer values of an attempt's drawn questions as JSON (the test then chooses them
with the keyboard, as a well-prepared trainee would).
"""

import json
import sys

import django


def answers(attempt_id: int) -> dict[str, list[str]]:
    from assessments.grading import correct_values, iter_questions
    from assessments.models import Attempt

    attempt = Attempt.objects.get(pk=attempt_id)
    return {question["id"]: correct_values(question) for question in iter_questions(attempt.questions)}


def main(argv: list[str]) -> None:
    django.setup()
    command, argument = argv
    if command != "answers":
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(answers(int(argument))))


if __name__ == "__main__":
    main(sys.argv[1:])
