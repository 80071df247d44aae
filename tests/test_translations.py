"""The Indonesian catalogue is complete, current and compiled.

Participants read Bahasa Indonesia by default; an English string left in the
source without a translation would reach them as English.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "lms" / "locale" / "id" / "LC_MESSAGES" / "django.po"
# Our own strings, and the supplement for what Wagtail's id_ID leaves English.
ALL_CATALOGUES = [
    CATALOGUE,
    *sorted((ROOT / "lms" / "locale_wagtail" / "id" / "LC_MESSAGES").glob("*.po")),
]
SOURCES = ["lms", "home", "quizzes", "manage.py"]

# CI sets REQUIRE_GETTEXT=1: there a missing gettext is a failure, not a skip.
needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None and os.environ.get("REQUIRE_GETTEXT") != "1",
    reason="GNU gettext is not installed (make test installs it as root)",
)


def msgids(po_file: Path) -> set[str]:
    """The msgids of a .po file (joined across continuation lines)."""
    ids, current, in_msgid = set(), [], False
    for line in po_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            current, in_msgid = [line[6:]], True
        elif in_msgid and line.startswith('"'):
            current.append(line)
        elif in_msgid:
            ids.add("".join(part.strip('"') for part in current))
            in_msgid = False
    return ids - {""}


@needs_gettext
@pytest.mark.parametrize(
    "catalogue",
    ALL_CATALOGUES,
    ids=lambda path: path.parent.parent.parent.name + "/" + path.name,
)
def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalogue)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@needs_gettext
def test_catalogue_holds_every_string_in_the_source(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "id", "--no-obsolete",
         "--extension", "html,txt,py", "--ignore", "lms/locale_wagtail/*"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "lms.settings.test", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    fresh = msgids(tmp_path / "lms" / "locale" / "id" / "LC_MESSAGES" / "django.po")
    missing = fresh - msgids(CATALOGUE)
    assert not missing, f"run `make messages` and translate: {sorted(missing)}"


@needs_gettext
@pytest.mark.parametrize(
    "catalogue",
    ALL_CATALOGUES,
    ids=lambda path: path.parent.parent.parent.name + "/" + path.name,
)
def test_committed_mo_file_is_compiled_from_the_po_file(tmp_path, catalogue):
    compiled = tmp_path / "compiled.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(catalogue)], check=True)
    assert compiled.read_bytes() == catalogue.with_suffix(".mo").read_bytes()
