"""web.ratelimit: django-ratelimit counters per client address, the address as allauth sees it."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from tests.test_settings import production_env, run
from web import ratelimit

NOW = 1_700_000_010.0


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counters live in the default cache: start (and end) with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """A wall clock the test moves by hand, so every hit falls in a known window."""
    now = SimpleNamespace(value=NOW)
    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: now.value))
    return now


def request_from(address: str = "203.0.113.7", **meta):
    return RequestFactory().get("/", REMOTE_ADDR=address, **meta)


def test_allow_counts_hits_and_refuses_once_over_the_rate(clock):
    request = request_from()

    allowed = [ratelimit.allow(request, group="demo", rate="3/m") for _ in range(4)]

    assert allowed == [True, True, True, False]


def test_used_up_counts_nothing_and_turns_true_after_the_rates_hits(clock):
    request = request_from()

    before = [ratelimit.used_up(request, group="demo", rate="2/m") for _ in range(5)]
    ratelimit.allow(request, group="demo", rate="2/m")
    after_one = ratelimit.used_up(request, group="demo", rate="2/m")
    ratelimit.allow(request, group="demo", rate="2/m")
    after_two = ratelimit.used_up(request, group="demo", rate="2/m")

    assert before == [False] * 5
    assert after_one is False
    assert after_two is True


def test_each_client_address_and_each_group_has_its_own_counter(clock):
    ratelimit.allow(request_from("203.0.113.7"), group="demo", rate="1/m")

    assert ratelimit.allow(request_from("203.0.113.7"), group="demo", rate="1/m") is False
    assert ratelimit.allow(request_from("198.51.100.9"), group="demo", rate="1/m") is True
    assert ratelimit.allow(request_from("203.0.113.7"), group="other", rate="1/m") is True


def test_the_count_starts_again_in_the_next_window(clock):
    request = request_from()
    ratelimit.allow(request, group="demo", rate="1/m")
    refused = ratelimit.allow(request, group="demo", rate="1/m")

    clock.value += 61

    assert refused is False
    assert ratelimit.allow(request, group="demo", rate="1/m") is True


def test_behind_a_trusted_proxy_the_forwarded_client_is_counted(clock, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    ratelimit.allow(first, group="demo", rate="1/m")

    assert ratelimit.client_address("demo", first) == "203.0.113.7"
    assert ratelimit.allow(first, group="demo", rate="1/m") is False
    assert ratelimit.allow(second, group="demo", rate="1/m") is True


def test_without_a_trusted_proxy_a_forged_forwarded_for_is_ignored(clock, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    ratelimit.allow(request_from("203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.1"), group="demo", rate="1/m")

    forged = request_from("203.0.113.7", HTTP_X_FORWARDED_FOR="192.0.2.2")

    assert ratelimit.client_address("demo", forged) == "203.0.113.7"
    assert ratelimit.allow(forged, group="demo", rate="1/m") is False


def test_a_request_without_an_address_is_counted_not_refused_with_an_error(clock):
    request = request_from("")

    assert ratelimit.client_address("demo", request) == "unknown"
    assert ratelimit.allow(request, group="demo", rate="1/m") is True
    assert ratelimit.allow(request, group="demo", rate="1/m") is False


@pytest.mark.parametrize(
    ("environment", "hops"),
    [({"TRUSTED_PROXY_COUNT": "1"}, 1), ({"TRUSTED_PROXY_COUNT": "0", "BEHIND_TLS_PROXY": "1"}, 0)],
    ids=["proxy-without-tls-setting", "tls-proxy-trusted-for-no-hop"],
)
def test_trusted_proxy_count_is_its_own_setting_not_tied_to_the_tls_one(environment, hops):
    env = production_env(SECRET_KEY="x" * 60, ALLOWED_HOSTS="frontline.example.org")
    env.pop("BEHIND_TLS_PROXY", None)
    env.pop("TRUSTED_PROXY_COUNT", None)
    env.update(environment)
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.RATELIMIT_USE_CACHE)"
    )

    result = run(["-c", code], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{hops} default"
