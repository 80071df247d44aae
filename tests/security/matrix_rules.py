"""The authorisation matrix: what each role may do with every URL of ours.

How to read it: each ``Case`` names a URL (its namespaced URL name), fills the
path parameters from the world (``tests/security/matrix_world.py``; unnamed
parameters come from ``DEFAULT_PARAMS``) and says, for each of the seven roles,
whether a GET is allowed, sent to log in, or forbidden (403/404, or Wagtail's
"permission denied" redirect to the admin home). Wagtail's own URLs are grouped
by ``WAGTAIL_GROUPS``; patterns no request can reach go to ``SKIPPED`` with the
reason. A new URL that is in none of them fails the matrix until classified.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.security.url_walk import ALLOW, DENY, LOGIN, POST_ONLY

ROLES = (
    "anonymous",
    "participant",  # enrolled, owns the attempts and the certificate asked for
    "other_participant",  # enrolled in the same event, owns none of them
    "speaker",  # KPUD's: owns the module, lesson and practice quiz asked for
    "other_speaker",  # Bawaslu's
    "organiser",
    "superuser",
)
PARTICIPANTS = ("participant", "other_participant")
SPEAKERS = ("speaker", "other_speaker")


def roles(default: str, **outcomes: str) -> dict[str, str]:
    """Every role gets ``default`` except the ones named."""
    unknown = set(outcomes) - set(ROLES)
    assert not unknown, f"unknown roles {unknown}"
    return {role: outcomes.get(role, default) for role in ROLES}


PUBLIC = roles(ALLOW)
LOGGED_IN = roles(ALLOW, anonymous=LOGIN)
OWNER_ONLY = roles(DENY, anonymous=LOGIN, participant=ALLOW)
ENROLLED_ONLY = roles(DENY, anonymous=LOGIN, participant=ALLOW, other_participant=ALLOW)
# The admin keeps out anyone without admin access by sending them to log in.
_OUT_OF_ADMIN = dict.fromkeys(("anonymous", *PARTICIPANTS), LOGIN)
STAFF = roles(ALLOW, **_OUT_OF_ADMIN)
ORGANISERS = roles(ALLOW, **_OUT_OF_ADMIN, speaker=DENY, other_speaker=DENY)
SUPERUSER_ONLY = roles(DENY, **_OUT_OF_ADMIN, superuser=ALLOW)
NOBODY_IN_ADMIN = roles(DENY, **_OUT_OF_ADMIN)
# Writing where the KPUD speaker writes: their organisation's content.
KPUD_CONTENT_EDITORS = roles(ALLOW, **_OUT_OF_ADMIN, other_speaker=DENY)
POST_ONLY_FOR_ALL = roles(POST_ONLY)


def _own_organisation(w):
    return w.module.organisation_id


DEFAULT_PARAMS: dict[str, Callable] = {
    "event_id": lambda w: w.event.pk,
    "quiz_id": lambda w: w.practice_quiz.pk,  # KPUD's
    "attempt_id": lambda w: w.own_attempt.pk,
    "certificate_id": lambda w: w.certificate.pk,
    "job_id": lambda w: w.print_job.pk,
    "pact_id": lambda w: w.pact.pk,
    "lesson_id": lambda w: w.lesson.pk,
    "token": lambda w: w.check_in_token,
    "kind": lambda w: "pdf",
    "code": lambda w: w.certificate.verification_code,
    "slug": lambda w: "pemilu",
    "uidb64": lambda w: "MQ",
}


@dataclass(frozen=True)
class Case:
    """One request in the walk: ``name``'s URL with ``params``, or ``url`` itself."""

    name: str
    expect: dict[str, str]
    params: dict[str, Callable] = field(default_factory=dict)
    url: Callable | None = None
    label: str = ""


def _case(name, expect, label="", url=None, **params):
    return Case(name, expect, params, url, label)


def _viewset(namespace, pk, expectations):
    """A viewset's URLs, each action with its own line of expectations."""
    return [
        _case(f"{namespace}:{action}", expect, pk=pk)
        for action, expect in expectations.items()
    ]


def _others_attempt(w):
    return w.others_attempt.pk


SITE_CASES = [
    _case("wagtail_serve", PUBLIC, "home page", url=lambda w: "/"),
    _case("wagtail_serve", PUBLIC, "module", url=lambda w: w.module.url),
    _case("wagtail_serve", PUBLIC, "lesson", url=lambda w: w.lesson.url),
    _case("wagtail_serve", PUBLIC, "practice quiz", url=lambda w: w.practice_quiz.url),
    _case("wagtail_serve", PUBLIC, "event", url=lambda w: w.event.url),
    _case("wagtail_serve", PUBLIC, "event pre-test", url=lambda w: w.pre_test.url),
    _case("wagtail_serve", PUBLIC, "event post-test", url=lambda w: w.post_test.url),
    _case("logout", POST_ONLY_FOR_ALL),
    _case("password_change", LOGGED_IN),
    _case("password_change_done", LOGGED_IN),
    _case("password_reset", PUBLIC),
    _case("password_reset_confirm", PUBLIC, "a bad link says so"),
    _case("wagtailapi:pages:listing", PUBLIC),
    _case("wagtailapi:pages:detail", PUBLIC, pk=lambda w: w.module.pk),
    _case(
        "wagtailapi:pages:find", PUBLIC, url=lambda w: "/api/v2/pages/find/?html_path=/"
    ),
    _case("search", PUBLIC),
    _case("tag", PUBLIC),
    _case("quizzes:my_quizzes", LOGGED_IN),
    _case("quizzes:start", POST_ONLY_FOR_ALL),
    _case("quizzes:attempt", OWNER_ONLY),
    _case(
        "quizzes:attempt",
        roles(DENY, anonymous=LOGIN, other_participant=ALLOW),
        "another participant's attempt",
        attempt_id=_others_attempt,
    ),
    _case("quizzes:autosave", POST_ONLY_FOR_ALL),
    _case("quizzes:submit", POST_ONLY_FOR_ALL),
    _case("quizzes:result", OWNER_ONLY),
    _case(
        "quizzes:result",
        OWNER_ONLY,
        "a graded attempt",
        attempt_id=lambda w: w.own_graded_attempt.pk,
    ),
    _case("dashboard", LOGGED_IN),
    _case("join_event", PUBLIC, "self-registration is open to visitors"),
    # The page explains itself to anyone logged in; only a POST checks in.
    _case("event_check_in", LOGGED_IN),
    _case("event_pact", ENROLLED_ONLY),
    _case("certificate_verify", PUBLIC),
    _case("lesson_completion", POST_ONLY_FOR_ALL),
    _case("certificate_download", OWNER_ONLY),
    _case(
        "certificate_download",
        roles(DENY, anonymous=LOGIN, other_participant=ALLOW),
        "another participant's certificate",
        certificate_id=lambda w: w.others_certificate.pk,
    ),
]

EVENT_ADMIN_CASES = [
    _case(f"lms_event_admin:{name}", ORGANISERS)
    for name in (
        "events",
        "events_rows",
        "event",
        "poster",
        "participants_upload",
        "participants_template",
        "participants_preview",
        "participants_result",
        "participants_slips",
        "attendance",
        "attendance_rows",
        "check_in_screen",
        "check_in_screen_state",
        "attendance_sheet",
        "pacts",
        "pacts_rows",
        "pacts_csv",
        "pact_paper",
        "certificates",
        "certificates_rows",
        "certificate_revoke",
        "certificate_reissue",
        "certificate_admin_download",
        "printing",
        "print_job",
        "print_job_state",
        "print_job_download",
        "results",
        "results_rows",
        "learning_gain",
        "evaluation",
        "summary_pdf",
    )
]

# Issuing is a button: a GET is refused before anyone is asked who they are;
# the POST pass in the test checks who may press it.
EVENT_ADMIN_CASES += [
    _case(f"lms_event_admin:{name}", roles(POST_ONLY, **_OUT_OF_ADMIN))
    for name in ("certificates_issue_all", "certificates_issue")
]

QUIZ_ADMIN_CASES = [
    _case(f"{name}", KPUD_CONTENT_EDITORS)
    for name in (
        "quizzes_qbank:upload",
        "quizzes_qbank:preview",
        "quizzes_qbank:result",
        "quizzes_qbank:export_gift",
        "quizzes_qbank:export_moodle_xml",
        "lms_reports:quiz_items",
        "lms_reports:quiz_results",
        "lms_reports:quiz_results_rows",
    )
]

_CHOOSER = {
    "choose": STAFF,
    "choose_results": STAFF,
    "chosen": STAFF,
    "chosen_multiple": STAFF,
    "create": ORGANISERS,
}
_SNIPPET = {
    "list": ORGANISERS,
    "list_results": ORGANISERS,
    "add": ORGANISERS,
    "edit": ORGANISERS,
    "delete": SUPERUSER_ONLY,
    "usage": ORGANISERS,
    "history": ORGANISERS,
    "history_results": ORGANISERS,
    "copy": ORGANISERS,
}

ADMIN_VIEWSET_CASES = [
    *_viewset("wagtailsnippets_lms_organisation", _own_organisation, _SNIPPET),
    *_viewset("wagtailsnippetchoosers_lms_organisation", _own_organisation, _CHOOSER),
    *_viewset(
        "wagtailsnippets_lms_speaker",
        lambda w: w.speaker_profile.pk,
        {
            **_SNIPPET,
            "delete": ORGANISERS,
        },
    ),
    *_viewset(
        "wagtailsnippetchoosers_lms_speaker", lambda w: w.speaker_profile.pk, _CHOOSER
    ),
    *_viewset(
        "wagtailsnippets_lms_pact",
        lambda w: w.pact.pk,
        {
            **_SNIPPET,
            "inspect": ORGANISERS,
            # Accepted pacts are never deleted (promise 6, docs/architecture.md).
            "delete": NOBODY_IN_ADMIN,
        },
    ),
    *_viewset("wagtailsnippetchoosers_lms_pact", lambda w: w.pact.pk, _CHOOSER),
    *_viewset(
        "wagtailsnippets_quizzes_certificatetemplate",
        lambda w: w.template.pk,
        {
            **_SNIPPET,
            "preview": ORGANISERS,
            "preview_new": roles(
                POST_ONLY, **_OUT_OF_ADMIN, speaker=DENY, other_speaker=DENY
            ),
        },
    ),
    *_viewset(
        "wagtailsnippetchoosers_lms_certificatetemplate",
        lambda w: w.template.pk,
        _CHOOSER,
    ),
    *_viewset(
        "lms_records_attempts",
        lambda w: w.own_graded_attempt.pk,
        {
            "index": ORGANISERS,
            "index_results": ORGANISERS,
            "inspect": ORGANISERS,
        },
    ),
    *_viewset(
        "lms_records_enrolments",
        lambda w: w.enrolment_id,
        {
            "index": ORGANISERS,
            "index_results": ORGANISERS,
            "inspect": ORGANISERS,
        },
    ),
    *_viewset(
        "lms_records_check_ins",
        lambda w: w.check_in_id,
        {
            "index": ORGANISERS,
            "index_results": ORGANISERS,
            "inspect": ORGANISERS,
        },
    ),
    *_viewset(
        "lms_records_certificates",
        lambda w: w.certificate.pk,
        {
            "index": ORGANISERS,
            "index_results": ORGANISERS,
            "inspect": ORGANISERS,
        },
    ),
    *_viewset(
        "wagtailusers_users",
        lambda w: w.users["participant"].pk,
        {
            **{
                action: e
                for action, e in _SNIPPET.items()
                if not action.startswith("list")
            },
            "index": ORGANISERS,
            "index_results": ORGANISERS,
            "copy": ORGANISERS,
        },
    ),
]

# Wagtail's own screens that carry our role table (page permissions per
# organisation's shelf, what organisers may configure), asked explicitly.
WAGTAIL_SCREENS_WITH_OUR_RULES = [
    _case("wagtailadmin_home", STAFF),
    _case("wagtailadmin_pages:edit", KPUD_CONTENT_EDITORS, "KPUD's module", page_id=lambda w: w.module.pk),
    _case(
        "wagtailadmin_pages:add_subpage",
        KPUD_CONTENT_EDITORS,
        "KPUD's module",
        parent_page_id=lambda w: w.module.pk,
    ),
    _case("wagtailadmin_pages:edit", KPUD_CONTENT_EDITORS, "KPUD's lesson", page_id=lambda w: w.lesson.pk),
    _case("wagtailadmin_pages:edit", ORGANISERS, "the event", page_id=lambda w: w.event.pk),
    _case("wagtailadmin_pages:edit", ORGANISERS, "the event's post-test", page_id=lambda w: w.post_test.pk),
    # Speakers never publish (their pages go to the organisers' approval).
    _case("wagtailadmin_pages:unpublish", ORGANISERS, "KPUD's module", page_id=lambda w: w.module.pk),
    _case("wagtailusers_groups:index", SUPERUSER_ONLY),
    _case("wagtailsites:index", SUPERUSER_ONLY),
    _case("wagtailadmin_workflows:index", SUPERUSER_ONLY),
    _case("wagtailadmin_collections:index", SUPERUSER_ONLY),
]  # fmt: skip

CASES = [
    *SITE_CASES,
    *EVENT_ADMIN_CASES,
    *QUIZ_ADMIN_CASES,
    *ADMIN_VIEWSET_CASES,
    *WAGTAIL_SCREENS_WITH_OUR_RULES,
]


@dataclass(frozen=True)
class WagtailGroup:
    """Wagtail's and Django's own URLs under ``prefix``: only the listed roles are
    asked, each with placeholder parameters, since the checks asked about run
    before any lookup. What staff may do inside is Wagtail's permission system,
    tested by Wagtail, and asked above where our role table decides it."""

    prefix: str
    expect: dict[str, str]
    why: str


_PUBLIC_AUTH = dict.fromkeys(("anonymous", "participant"), ALLOW)
WAGTAIL_GROUPS = [
    WagtailGroup("admin/login/", _PUBLIC_AUTH, "the admin's login form"),
    WagtailGroup("admin/password_reset/", _PUBLIC_AUTH, "the admin's password reset"),
    WagtailGroup("admin/jsi18n/", _PUBLIC_AUTH, "translations for the admin's scripts"),
    WagtailGroup("admin/sprite/", _PUBLIC_AUTH, "the admin's icons"),
    WagtailGroup("admin/", _OUT_OF_ADMIN, "everything else in Wagtail's admin"),
    WagtailGroup("akun/", _PUBLIC_AUTH, "Django's login and password pages"),
    WagtailGroup("bahasa/", _PUBLIC_AUTH, "choosing the language"),
    WagtailGroup("_util/login/", _PUBLIC_AUTH, "Wagtail's page-privacy login"),
]

SKIPPED = {
    "admin/^.*/$": "Wagtail's catch-all 404 inside the admin; no view behind it",
    "wagtaildocs_serve": "serves a Wagtail document; this world has none to serve",
    "wagtaildocs_authenticate_with_password": "a document's password form; no restriction exists",
    "wagtailcore_authenticate_with_password": "a page's password form; no page has one",
}
