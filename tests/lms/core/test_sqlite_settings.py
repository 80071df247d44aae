"""SQLite gets the options that let it serve concurrent requests; PostgreSQL
keeps its own (see the DATABASES comments in lms/settings/base.py)."""

import json

import pytest

from tests.lms.core.test_settings import run_manage

SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


@pytest.mark.parametrize(
    ("database_url", "options"),
    [
        (None, SQLITE_OPTIONS),  # the demo's db.sqlite3
        ("sqlite:////tmp/sikap-elsewhere.sqlite3", SQLITE_OPTIONS),
        ("postgres://someone@db.example:5432/sikap", {"connect_timeout": 5}),
    ],
)
def test_each_database_gets_its_own_connection_options(database_url, options):
    result = run_manage(
        "shell",
        "-c",
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default']['OPTIONS']))",
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        **({"DATABASE_URL": database_url} if database_url else {}),
    )
    assert result.returncode == 0, result.stderr
    # The last line: the shell first says what it imported.
    assert json.loads(result.stdout.splitlines()[-1]) == options
