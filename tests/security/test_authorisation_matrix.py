"""The authorisation matrix (promise 10, docs/architecture.md): every URL the
resolver knows, asked by every role, answered as ``tests/security/matrix_rules.py``
says; and the state-changing URLs, posted to by the roles that may not use
them, change nothing.
"""

import json
import re

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.storage import FileSystemStorage
from django.test import Client
from django.urls import reverse

from lms.certificates.models import private_storage
from tests.quizzes.test_attempt_flow import right_response
from tests.security.matrix_rules import (
    CASES,
    DEFAULT_PARAMS,
    ROLES,
    SKIPPED,
    WAGTAIL_GROUPS,
)
from tests.security.matrix_world import build_world
from tests.security.url_walk import all_patterns, outcome, placeholder_url

PATTERNS = all_patterns()
CASE_NAMES = {case.name for case in CASES}


def wagtail_group(pattern):
    return next((g for g in WAGTAIL_GROUPS if pattern.route.startswith(g.prefix)), None)


@pytest.fixture
def world(db, tmp_path, monkeypatch):
    monkeypatch.setattr(private_storage, "_wrapped", FileSystemStorage(tmp_path))
    return build_world()


def client_as(world, role) -> Client:
    """A client that returns server errors as responses, so the matrix reports them."""
    client = Client(raise_request_exception=False)
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def case_url(case, world) -> str:
    if case.url is not None:
        return case.url(world)
    route = next(p.route for p in PATTERNS if p.name == case.name)
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    params = {**DEFAULT_PARAMS, **case.params}
    return reverse(case.name, kwargs={name: params[name](world) for name in names})


def test_every_url_pattern_is_classified():
    """A new URL fails here until it gets a line in the table (or a skip reason)."""
    unclassified = [
        f"{p.key}  ({p.route}, view in {p.module})"
        for p in PATTERNS
        if p.key not in CASE_NAMES
        and p.key not in SKIPPED
        and (p.is_ours or wagtail_group(p) is None)
    ]
    assert not unclassified, (
        "URL patterns missing from tests/security/matrix_rules.py:\n  "
        + "\n  ".join(unclassified)
    )


def test_the_table_names_only_urls_that_exist():
    known = {p.key for p in PATTERNS}
    stale = sorted((CASE_NAMES | set(SKIPPED)) - known)
    assert not stale, f"the table names URLs the resolver does not know: {stale}"


@pytest.mark.parametrize("role", ROLES)
def test_each_url_answers_each_role_as_the_table_says(world, role):
    client = client_as(world, role)
    requests = [(case_url(c, world), c.label, c.expect[role]) for c in CASES]
    for pattern in PATTERNS:
        group = wagtail_group(pattern)
        if pattern.key in CASE_NAMES or pattern.key in SKIPPED or group is None:
            continue
        url = placeholder_url(pattern)
        if role in group.expect and url is not None:
            requests.append((url, group.why, group.expect[role]))

    wrong = []
    for url, label, expected in requests:
        got = outcome(client.get(url))
        if got != expected:
            wrong.append(
                f"{url}  [{label}]  role={role}  expected={expected}  got={got}"
            )
    assert not wrong, f"{len(wrong)} of {len(requests)} answers differ:\n" + "\n".join(
        wrong
    )


def snapshot() -> dict:
    """Every row of our apps' tables, to see that a refused request wrote nothing."""
    rows = {}
    for app in ("lms", "quizzes", "home"):
        for model in apps.get_app_config(app).get_models():
            rows[model._meta.label] = serializers.serialize(
                "json", model._default_manager.order_by("pk")
            )
    return rows


def _autosave(w):
    """A valid answer to the participant's first question."""
    question = w.own_attempt.paper[0]
    answer = {"question": question["key"], "response": right_response(question)}
    return json.dumps({"answers": [{**answer, "revision": 1}]})


# (URL name, params, form data or JSON body, the roles that must change nothing)
POSTS = [
    ("quizzes:start", {"quiz_id": lambda w: w.post_test.pk}, None,
     ("anonymous", "speaker", "other_speaker")),
    ("quizzes:autosave", {}, _autosave,
     ("anonymous", "other_participant", "speaker", "organiser", "superuser")),
    ("quizzes:submit", {}, None,
     ("anonymous", "other_participant", "speaker", "organiser", "superuser")),
    ("quizzes:attempt", {}, lambda w: {"submit": "1", "confirmed": "1"},
     ("anonymous", "other_participant", "speaker", "organiser", "superuser")),
    ("event_check_in", {}, None, ("anonymous", "speaker", "other_speaker")),
    ("event_pact", {}, lambda w: {
        "version": w.pact.versions.latest().number, "agreed": "on", "typed_name": "x",
    }, ("anonymous", "speaker", "other_speaker")),
    ("lesson_completion", {}, None, ("anonymous",)),
    ("lms_event_admin:certificate_revoke", {}, lambda w: {
        "public_reason": "name_misspelt", "note": "Salah nama",
    },
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("lms_event_admin:certificate_reissue", {}, lambda w: {"reason": "Salah nama"},
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("lms_event_admin:certificates_issue_all", {}, lambda w: {"reason": "Susulan"},
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("lms_event_admin:certificates_issue", {}, lambda w: {
        "participant": w.users["other_participant"].pk, "reason": "Susulan",
    }, ("anonymous", "participant", "speaker", "other_speaker")),
    ("lms_event_admin:printing", {}, lambda w: {"order": "name"},
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("lms_event_admin:participants_slips", {}, lambda w: {"confirm": "1"},
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("wagtailsnippets_lms_pact:edit", {"pk": lambda w: w.pact.pk}, lambda w: {
        "title": "Diubah", "kind": "pact", "body": "<p>Diubah</p>",
    }, ("anonymous", "participant", "speaker", "other_speaker")),
    ("wagtailusers_users:edit", {"pk": lambda w: w.users["participant"].pk},
     lambda w: {"full_name": "Diubah", "username": "peserta"},
     ("anonymous", "other_participant", "speaker", "other_speaker")),
    ("wagtailadmin_pages:unpublish", {"page_id": lambda w: w.module.pk}, None,
     ("anonymous", "participant", "speaker", "other_speaker")),
    ("wagtailadmin_pages:delete", {"page_id": lambda w: w.lesson.pk}, None,
     ("anonymous", "participant", "speaker", "other_speaker")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "params", "data", "forbidden"), POSTS, ids=[p[0] for p in POSTS]
)
def test_a_refused_post_changes_nothing(world, name, params, data, forbidden):
    route = next(p.route for p in PATTERNS if p.name == name)
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    params = {**DEFAULT_PARAMS, **params}
    url = reverse(name, kwargs={n: params[n](world) for n in names})
    body = data(world) if data else {}
    changed = []
    for role in forbidden:
        client = client_as(world, role)
        before = snapshot()
        if isinstance(body, str):
            response = client.post(url, body, content_type="application/json")
        else:
            response = client.post(url, body)
        if snapshot() != before:
            changed.append(f"{url}  role={role}  got={outcome(response)}: rows changed")
    assert not changed, "\n".join(changed)
