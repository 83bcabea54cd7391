"""Finding #9: sign-up answered the same for a known and a new address, but about seven times
faster for a known one, because no password was hashed. Timing is not measured here: the
tests count the password hashes each path computes."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Tr41ning-for-the-frontline"


class CountingHasher(MD5PasswordHasher):
    """The test settings' fast hasher, counting how many passwords it hashes."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.hashed = 0
    return CountingHasher


def _sign_up(client, agency, region, email, password2=PASSWORD):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": password2,
        "full_name": "Nodira Yusupova",
        "agency": agency.pk,
        "region": region.pk,
        "preferred_language": "en",
    }
    return client.post(reverse("account_signup"), data)


def _hashes_for(client, agency, region, email, **kwargs) -> int:
    before = CountingHasher.hashed
    _sign_up(client, agency, region, email, **kwargs)
    return CountingHasher.hashed - before


def test_signup_with_a_known_address_hashes_the_password_like_a_new_one(client, agency, region):
    UserFactory(email="known@example.org", agency=agency, region=region)
    CountingHasher.hashed = 0

    known = _hashes_for(client, agency, region, "known@example.org")
    new = _hashes_for(client, agency, region, "new@example.org")

    assert User.objects.filter(email="known@example.org").count() == 1  # still no second account
    assert User.objects.filter(email="new@example.org").exists()
    assert new == 1
    assert known == new
    assert [message.to for message in mail.outbox] == [["known@example.org"], ["new@example.org"]]


def test_a_refused_signup_hashes_nothing_whether_the_address_is_known_or_not(client, agency, region):
    """Hashing only on valid submissions keeps the invalid ones alike too."""
    UserFactory(email="known@example.org", agency=agency, region=region)
    CountingHasher.hashed = 0

    known = _hashes_for(client, agency, region, "known@example.org", password2="something else")
    new = _hashes_for(client, agency, region, "new@example.org", password2="something else")

    assert known == new == 0
    assert not User.objects.filter(email="new@example.org").exists()
