"""URL converters shared by the apps' URLconfs (registered by config/urls.py).

``<id:…>`` is Django's ``<int:…>`` for database ids: it matches only numbers a BIGINT primary key
can hold (1 to 2**63 - 1). A larger number in a URL is simply not found (404). With ``<int:…>``
it reached the database lookup, where SQLite cannot even bind it (OverflowError: a 500) on lookups
Django does not guard, such as a Wagtail page subclass's primary key.
"""

from django.urls import register_converter

MAX_DATABASE_ID = 2**63 - 1


def is_database_id(number: int) -> bool:
    """Whether a BIGINT primary key could hold this number (ids start at 1)."""
    return 0 < number <= MAX_DATABASE_ID


class DatabaseIdConverter:
    regex = "[0-9]{1,19}"  # 2**63 - 1 has 19 digits; longer numbers never match

    def to_python(self, value: str) -> int:
        number = int(value)
        if not is_database_id(number):
            raise ValueError(f"{value} is not a database id")  # the URL does not match: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(DatabaseIdConverter, "id")
