"""Server CPU per request on the quiz path, for one participant at a time.

The hall figures (many phones at once) are noisy; these are the stable ones
beside them: the CPU milliseconds this process spends on one request of each
kind, called the way gunicorn calls Django (``get_wsgi_application()`` with
a plain WSGI environ, no test client and its instrumentation), with
production's settings (its middleware with whitenoise, its database cache,
its session engine and template loaders, its password hasher, ``DEBUG``
off). The database server's own CPU is not counted. Medians after warm-up.

On PostgreSQL, as in production::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench make bench BENCH=request_cpu

The quiz is a 20-question post-test of the demo event (no certificate, so
submit is the engine's own work); every measured participant is enrolled
and makes one attempt, as in a hall.
"""

import importlib
import io
import os
import re
import statistics
import time

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.test.utils import override_settings
from django.utils.text import slugify

from bench.harness import benchmark
from lms.accounts.models import User
from lms.events.enrolment import enrol
from lms.events.models import Enrolment
from quizzes.models import Attempt, QuizPage
from tests.factories import question_blocks

PARTICIPANTS = 25  # one cycle (start … result) each; the first few are warm-up
WARMUP = 5
AUTOSAVES = 10  # per participant, one answer each
CSRF_TOKEN = "b" * 32
DEMO_PHONE, DEMO_PASSWORD = "0812-3456-7801", "demo12345"

# Test-run settings that stay: the throwaway database, plain static storage
# (whitenoise's manifest needs collectstatic), where files go. Production's
# task backend is used: a task is a row in the request's transaction.
KEPT = {
    "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASES", "EMAIL_BACKEND",
    "INSTALLED_APPS", "LMS_ENVIRONMENT", "LOGGING", "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT", "SECRET_KEY", "SITE_URL", "STORAGES",
    "WAGTAILADMIN_BASE_URL",
}  # fmt: skip


def calibration_ms() -> float:
    """A fixed pure-Python loop: divides every figure's noise out across runs."""
    samples = []
    for _ in range(5):
        start = time.process_time()
        total = 0
        for i in range(1_000_000):
            total += i * i % 7
        samples.append((time.process_time() - start) * 1000)
    return round(statistics.median(samples), 1)


def production_settings() -> dict:
    """Every setting in which ``lms.settings.production`` differs from this run's."""
    env = {
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_HTTPS": "0",  # as `make serve` on a laptop: no HTTPS redirect
    }
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        production = importlib.import_module("lms.settings.production")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name)
            else:
                os.environ[name] = value
    return {
        name: getattr(production, name)
        for name in dir(production)
        if name.isupper()
        and name not in KEPT
        and getattr(production, name) != getattr(settings, name, object())
    }


class WsgiClient:
    """Requests straight into the WSGI application, with one participant's cookies."""

    def __init__(self, app):
        self.app = app
        self.cookies = {"csrftoken": CSRF_TOKEN}

    def request(self, method: str, path: str, body: bytes = b"", content_type=""):
        """(CPU ms, response): the CPU spent from the call until the body is read."""
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "HTTP_X_CSRFTOKEN": CSRF_TOKEN,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": io.StringIO(),
            "wsgi.url_scheme": "http",
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        start = time.process_time()
        response = self.app(environ, lambda status, headers, exc_info=None: None)
        b"".join(response)
        response.close()
        elapsed = (time.process_time() - start) * 1000
        for name, morsel in response.cookies.items():
            self.cookies[name] = morsel.value
        return elapsed, response


def _log_in_session(user) -> str:
    """A session for ``user`` in production's session engine (as a login makes)."""
    engine = importlib.import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _post_test(questions: int) -> QuizPage:
    """A published post-test of the demo event with ``questions`` questions."""
    from lms.demo.events import demo_event

    blocks = (question_blocks() * (questions // 6 + 1))[:questions]
    quiz = QuizPage(
        title=f"Post-test tolok ukur {questions}",
        slug=slugify(f"post-test tolok ukur {questions}"),
        kind=QuizPage.Kind.POST_TEST,
        max_attempts=1,
        time_limit_minutes=30,
        questions=blocks,
    )
    demo_event().add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def _participants(count: int) -> list[User]:
    from lms.demo.events import demo_event

    event = demo_event()
    users = []
    for n in range(count):
        user = User.objects.create(
            username=f"bench-cpu-{n}",
            full_name=f"Peserta Tolok Ukur {n}",
            phone=f"+6281399{n:06d}",
        )
        enrol(event=event, user=user, source=Enrolment.Source.IMPORT)
        users.append(user)
    return users


def _answer(question: dict):
    """A response of the right shape for ``question``, as the page would send it."""
    kind = question["type"]
    if kind == "single_choice":
        return question["options"][0]["key"]
    if kind == "multiple_choice":
        return [question["options"][0]["key"]]
    if kind == "true_false":
        return True
    if kind == "matching":
        return dict(question["pairs"])
    return "5"


def measure_quiz_path() -> dict[str, float]:
    """Each participant: quiz page, start, attempt page, autosave, submit, result."""
    import json

    app = get_wsgi_application()
    quiz = _post_test(20)
    samples: dict[str, list[float]] = {}
    for n, user in enumerate(_participants(PARTICIPANTS)):
        client = WsgiClient(app)
        client.cookies[settings.SESSION_COOKIE_NAME] = _log_in_session(user)
        cpu = {}
        cpu["quiz_page"], response = client.request("GET", quiz.url)
        assert response.status_code == 200, response.status_code
        # Wherever the page's start button posts, as a phone would.
        start_url = re.search(
            rb'<form method="post" action="([^"]+)"', response.content
        )
        cpu["start"], response = client.request("POST", start_url[1].decode())
        assert response.status_code == 302, response.status_code
        attempt = Attempt.objects.get(quiz=quiz, user=user)
        base = f"/kuis/percobaan/{attempt.pk}/"
        cpu["attempt_page"], response = client.request("GET", base)
        assert response.status_code == 200, response.status_code
        autosaves = []
        for revision, question in enumerate(attempt.paper[:AUTOSAVES], start=1):
            body = json.dumps(
                {
                    "answers": [
                        {
                            "question": question["key"],
                            "response": _answer(question),
                            "revision": revision,
                        }
                    ]
                }
            ).encode()
            took, response = client.request(
                "POST", base + "simpan/", body, "application/json"
            )
            assert response.status_code == 200, response.content
            autosaves.append(took)
        cpu["autosave"] = statistics.median(autosaves)
        cpu["submit"], response = client.request("POST", base + "kirim/")
        assert response.status_code == 302, response.status_code
        cpu["result"], response = client.request("GET", base + "hasil/")
        assert response.status_code == 200, response.status_code
        if n >= WARMUP:
            for name, took in cpu.items():
                samples.setdefault(name, []).append(took)
    return {name: round(statistics.median(s), 1) for name, s in samples.items()}


def measure_login() -> float:
    """A login POST with the phone number and the configured password hasher."""
    app = get_wsgi_application()
    body = (
        f"username={DEMO_PHONE}&password={DEMO_PASSWORD}"
        f"&csrfmiddlewaretoken={CSRF_TOKEN}"
    ).encode()
    samples = []
    for n in range(13):
        took, response = WsgiClient(app).request(
            "POST", "/akun/masuk/", body, "application/x-www-form-urlencoded"
        )
        assert response.status_code == 302, response.status_code
        if n >= 3:
            samples.append(took)
    return round(statistics.median(samples), 1)


_results: dict[str, float] = {}


def _measure_all() -> dict[str, float]:
    """Measures every figure once, under production settings, and remembers them."""
    if not _results:
        with override_settings(**production_settings()):
            call_command("createcachetable", verbosity=0)
            _results["calibration"] = calibration_ms()
            _results.update(measure_quiz_path())
            _results["login"] = measure_login()
        print(
            f"request_cpu: calibration loop {_results['calibration']} ms CPU; "
            f"load average {os.getloadavg()[0]:.2f}; "
            f"database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
        )
    return _results


def _register(name: str, target: float) -> None:
    benchmark(f"cpu_ms_{name}", unit="ms", target=target)(lambda: _measure_all()[name])


_TARGETS = {
    "start": 25, "quiz_page": 15, "attempt_page": 20, "autosave": 5,
    "submit": 15, "result": 15, "login": 60,
    # Not a target: the fixed loop's time, to compare runs on a busy machine.
    "calibration": 1000,
}  # fmt: skip
for _name, _target in _TARGETS.items():
    _register(_name, _target)
