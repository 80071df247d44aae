"""List the Wagtail admin strings that still show in English under LANGUAGE_CODE "id".

For every installed ``wagtail*`` app, and the other apps whose strings the
admin shows (``ADMIN_APPS``), read the English source catalogue
(``<app>/locale/en/LC_MESSAGES/<domain>.po``: every msgid, msgctxt and plural
form) and drop each entry that some Indonesian catalogue already translates:
Wagtail's own ``id_ID`` catalogues, Django's, every other installed app's and
our ``lms/locale``. What is left is written to stdout as a .pot template (with
the source references, which tell which screen a string belongs to).
Strings that only Wagtail's fuzzy or empty entries cover count as untranslated,
as they do at run time (fuzzy entries are not compiled).

Usage, from the project root::

    DJANGO_SETTINGS_MODULE=lms.settings.dev \
        .venv/bin/python lms/locale_wagtail/extract_candidates.py [--domain djangojs] \
        > /tmp/wagtail-id.pot

Our own catalogue (this folder) is deliberately not consulted, so the template
lists everything it should translate; see README.md for the merge step.
"""

import argparse
import ast
import gettext
import os
import sys
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

HERE = Path(__file__).resolve().parent
LANGUAGE = "id"  # gettext expands this to id_ID too, as Django does
# Not Wagtail's, but on its screens: taggit labels every tag field
# ("A comma-separated list of tags.") and ships no Indonesian catalogue.
ADMIN_APPS = ("taggit",)


def parse_po(path):
    """Yield one dict per entry of a .po file: msgctxt, msgid, msgid_plural, refs, flags."""
    entry = {"refs": [], "flags": []}
    key = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if line.startswith('"') and key:
            entry[key] += ast.literal_eval(line)
        elif not line:
            if entry.get("msgid"):  # skip the header (empty msgid)
                yield entry
            entry, key = {"refs": [], "flags": []}, None
        elif line.startswith("#:"):
            entry["refs"].append(line[2:].strip())
        elif line.startswith("#,"):
            entry["flags"] += [
                f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"
            ]
        elif line.startswith(("msgctxt", "msgid", "msgstr")):
            key, value = line.split(" ", 1)
            if key.startswith("msgstr"):
                key = None  # the English msgstrs are empty or copies: ignore them
            else:
                entry[key] = ast.literal_eval(value)


def translated_keys(domain):
    """Catalogue keys that some Indonesian .mo reachable by Django already translates.

    The "django" domain merges Django's own catalogue and every installed app's;
    Wagtail's JavaScriptCatalog (djangojs) only reads wagtail.admin's. Both add LOCALE_PATHS.
    """
    if domain == "django":
        localedirs = [Path(django.__file__).parent / "conf" / "locale"]
        localedirs += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    else:
        localedirs = [Path(apps.get_app_config("wagtailadmin").path) / "locale"]
    localedirs += [Path(p) for p in settings.LOCALE_PATHS if Path(p).resolve() != HERE]
    keys = set()
    for localedir in localedirs:
        trans = gettext.translation(domain, localedir, [LANGUAGE], fallback=True)
        keys.update(k for k, v in getattr(trans, "_catalog", {}).items() if k and v)
    return keys


def po_quote(text):
    """A string as a .po string literal."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def po_string(keyword, text):
    """A .po keyword line, split after newlines like xgettext does."""
    parts = text.splitlines(keepends=True)
    if len(parts) <= 1:
        return f"{keyword} {po_quote(text)}"
    return "\n".join([f'{keyword} ""', *map(po_quote, parts)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--domain", choices=["django", "djangojs"], default="django")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE.parent.parent))  # the project root, for the settings
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    django.setup()
    done = translated_keys(args.domain)
    seen = set()
    out = sys.stdout.write
    out('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    for app in apps.get_app_configs():
        source = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{args.domain}.po"
        shown_in_admin = app.name.startswith("wagtail") or app.name in ADMIN_APPS
        if not shown_in_admin or not source.exists():
            continue
        for entry in parse_po(source):
            ctxt, msgid, plural = (
                entry.get("msgctxt"),
                entry["msgid"],
                entry.get("msgid_plural"),
            )
            key = msgid if ctxt is None else f"{ctxt}\x04{msgid}"
            if key in seen or key in done or (key, 0) in done:
                continue
            seen.add(key)
            lines = [f"#. source: {app.name}", *(f"#: {r}" for r in entry["refs"])]
            if entry["flags"]:
                lines.append("#, " + ", ".join(entry["flags"]))
            if ctxt is not None:
                lines.append(po_string("msgctxt", ctxt))
            lines.append(po_string("msgid", msgid))
            if plural is None:
                lines.append('msgstr ""')
            else:
                lines += [po_string("msgid_plural", plural), 'msgstr[0] ""']
            out("\n".join(lines) + "\n\n")
    sys.stderr.write(f"{len(seen)} untranslated {args.domain} strings\n")


if __name__ == "__main__":
    main()
