"""Settings as each environment sees them, checked in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
STRONG_KEY = "k9Jq2vN7xR4tW8zB3mC6yH1pL5sD0fG2aE7uI9oK4jM8nQ3rT6wV1xZ5bY0cF2hJ"


def run_manage(*args, **env):
    """Runs manage.py in a new process with only the environment given."""
    base_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "DJANGO_SECRET_KEY": STRONG_KEY,
    "DJANGO_ALLOWED_HOSTS": "sikap.example.go.id",
    "SITE_URL": "https://sikap.example.go.id",
}


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY is not set"),
        ({"DJANGO_ALLOWED_HOSTS": " , "}, "DJANGO_ALLOWED_HOSTS is not set"),
        ({"DJANGO_HTTPS": "maybe"}, "DJANGO_HTTPS must be one of"),
        (
            {"SITE_URL": "http://sikap.example.go.id"},
            "SITE_URL must start with https://",
        ),
        (
            {"SITE_URL": "", "DJANGO_ALLOWED_HOSTS": ".example.go.id"},
            "SITE_URL is not set",
        ),
    ],
)
def test_production_refuses_to_start_with_a_clear_message(changed, message):
    result = run_manage("check", **{**PRODUCTION, **changed})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("site_url", ["https://sikap.example.go.id", ""])
def test_production_with_its_secrets_passes_the_deployment_check(site_url):
    environment = {**PRODUCTION, "SITE_URL": site_url}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_site_url_production_uses_its_first_host_over_https():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SITE_URL, settings.CSRF_TRUSTED_ORIGINS)",
        **{
            **PRODUCTION,
            "SITE_URL": "",
            "DJANGO_ALLOWED_HOSTS": "sikap.example.go.id,www.x",
        },
    )
    assert result.returncode == 0, result.stderr
    assert (
        "https://sikap.example.go.id ['https://sikap.example.go.id']" in result.stdout
    )


def test_database_url_selects_the_database():
    result = run_manage(
        "shell",
        "-c",
        "from django.db import connection; print(connection.vendor, connection.settings_dict['NAME'])",
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
        DATABASE_URL="postgres://someone@db.example:5432/sikap",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql sikap" in result.stdout


def test_the_demo_runs_background_work_without_a_worker():
    """`make run` starts no task worker: without this, the demo's search found nothing."""
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="lms.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "django_tasks.backends.immediate.ImmediateBackend" in result.stdout.splitlines()
    )


PRINT_SITE_URL = (
    "from django.conf import settings; "
    "print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
)


@pytest.mark.parametrize(
    ("environment", "site_url"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8811"}, "http://127.0.0.1:8811"),
        (
            {"PORT": "8811", "SITE_URL": "http://192.168.1.20:8811/"},
            "http://192.168.1.20:8811",
        ),
    ],
)
def test_the_demo_prints_addresses_on_the_port_it_serves(environment, site_url):
    """QR codes and printed links (SITE_URL) lead to `PORT=8811 make run`'s server."""
    result = run_manage(
        "shell", "-c", PRINT_SITE_URL, DJANGO_SETTINGS_MODULE="lms.settings.dev",
        **environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{site_url} {site_url}" in result.stdout.splitlines()


@pytest.mark.parametrize("port", ["80a", "0", "70000", " "])
def test_the_demo_refuses_a_port_that_is_not_one(port):
    result = run_manage("check", DJANGO_SETTINGS_MODULE="lms.settings.dev", PORT=port)
    assert result.returncode != 0
    assert "PORT must be a number from 1 to 65535" in result.stderr


def test_make_run_tells_the_demo_its_port():
    """`make run PORT=8811` gives every command of the demo the port it serves on.

    The commands are replaced by one that prints SITE_URL as the demo's settings
    make it; the set-up prerequisites are taken as done (``-o``).
    """
    print_site_url = (
        f"{sys.executable} -c 'import django; django.setup(); {PRINT_SITE_URL}'"
    )
    result = subprocess.run(
        ["make", "--no-print-directory", "-o", "system-packages",
         "-o", ".venv/.requirements-installed", "run", "PORT=8811",
         f"MANAGE={print_site_url}"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/tmp"),
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = [line for line in result.stdout.splitlines() if line.startswith("http")]
    # migrate, seed_demo and runserver
    assert printed == ["http://127.0.0.1:8811 http://127.0.0.1:8811"] * 3


def test_jakarta_time_and_indonesian_first():
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _ in settings.LANGUAGES] == ["id", "en"]


def test_the_admin_asks_no_outside_server_for_avatars(client, organiser, home_page):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    organiser.email = "dewi@example.org"  # what Wagtail would hash for Gravatar
    organiser.save()
    client.force_login(organiser)
    assert "gravatar" not in client.get("/admin/").content.decode().lower()


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
