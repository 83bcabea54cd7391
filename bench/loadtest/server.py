"""The gunicorn server under test, its production-like environment, and the HTTP client that signs
the trainees in and warms every page up before the measured run."""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.loadtest.common import OUT, PASSWORD, ROOT, VENV_BIN


def server_environment(port: int, static_root: Path) -> dict[str, str]:
    """Production settings for the loopback: what README's production section sets."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "ROOT_URLCONF"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
            "SITE_URL": f"https://127.0.0.1:{port}",
            "BEHIND_TLS_PROXY": "1",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(OUT / "media"),
            "PRIVATE_MEDIA_ROOT": str(OUT / "private-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def configure(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ.pop("DJANGO_DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env: dict[str, str], port: int, workers: int, worker_class: str, threads: int):
        self.port = port
        self.log = (OUT / "gunicorn.log").open("w")
        command = [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
            "--timeout",
            "60",
            # Longer than a trainee's think time: a browser's idle connection is not closed under
            # it just as it sends a form (gunicorn's default is 2 s; a proxy in front does the same).
            "--keep-alive",
            "10",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {OUT / 'gunicorn.log'}")
            try:
                status, _headers, _body = request(self.port, "GET", "/bench/bare/")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("gunicorn did not answer in time")

    def pids(self) -> list[int]:
        import psutil

        parent = psutil.Process(self.process.pid)
        return [parent.pid, *(child.pid for child in parent.children(recursive=True))]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def request(port, method, path, *, body=None, cookies=None, headers=None, source=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=source)
    all_headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{port}"}
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    all_headers.update(headers or {})
    try:
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def take_cookies(headers, cookies: dict) -> None:
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]


def login(port: int, user, number: int) -> tuple[dict, float]:
    """The login form as a browser submits it, from the trainee's own loopback address."""
    source = (f"127.0.{1 + number // 250}.{2 + number % 250}", 0)
    path = f"/{user.preferred_language}/accounts/login/"
    cookies: dict[str, str] = {}
    started = time.perf_counter()
    status, headers, body = request(port, "GET", path, source=source)
    take_cookies(headers, cookies)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token:
        raise RuntimeError(f"login page for {user.email}: status {status}")
    origin = f"https://127.0.0.1:{port}"
    status, headers, _body = request(
        port,
        "POST",
        path,
        source=source,
        cookies=cookies,
        body=urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "login": user.email, "password": PASSWORD}),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path},
    )
    take_cookies(headers, cookies)
    if status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"login of {user.email}: status {status}, {headers.get('Location')}")
    return {k: cookies[k] for k in ("sessionid", "csrftoken") if k in cookies}, time.perf_counter() - started


def warm_up(port: int, plan: dict) -> None:
    """Every page kind a few times per worker: imports, templates and caches are loaded before timing."""
    trainee = plan["trainees"][0]
    pages = plan["pages"]
    for _ in range(4):
        for urls in pages.values():
            for url in [
                urls["catalogue"],
                urls["my_learning"],
                urls["certificates"],
                *urls["courses"],
                *urls["lessons"],
            ]:
                request(port, "GET", url, cookies=trainee["cookies"])
        request(port, "GET", plan["bare"])
