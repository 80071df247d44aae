"""Fixtures that drive Debian's Chromium through Playwright against a live server.

Playwright's own browser download is not available on our machines, so the
tests launch the ``chromium`` found on PATH. Without one they skip with a
reason, unless ``REQUIRE_BROWSER=1`` (set where a browser must exist, such as
``make test``), which turns the missing browser into a failure.
"""

import os
import shutil
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import sync_playwright

BROWSER_DIR = Path(__file__).resolve().parent
SCREENSHOT_DIR = BROWSER_DIR / "screenshots"
DOCS_IMG = BROWSER_DIR.parents[1] / "docs" / "img"

# Headless Chromium as root, without the background services that try to
# reach Google (this machine has no network) or slow every launch down.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "id-ID",
}
LAPTOP = {
    "viewport": {"width": 1280, "height": 800},
    "locale": "id-ID",
}


def pytest_collection_modifyitems(items):
    """Marks the tests in this folder `browser`, so `-m "not browser"` skips them.

    Hooks in a conftest see every collected item, not only this folder's.
    """
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def chromium_path():
    """The Chromium binary on PATH; skips, or fails under REQUIRE_BROWSER=1.

    Autouse so that it runs before the test database is created: without a
    browser there is no point spending seconds on migrations.
    """
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(
                "REQUIRE_BROWSER=1 but no chromium on PATH; "
                "install Debian's chromium package"
            )
        pytest.skip(
            "no Chromium on PATH (install Debian's chromium, or run `make test`, "
            "which installs it as root)"
        )
    return path


@pytest.fixture(scope="package")
def browser(chromium_path, django_db_setup):
    """One headless Chromium for all the browser tests; starting one takes a second.

    Package scope, not session: while Playwright's sync API is running it keeps
    an asyncio event loop marked as running in the main thread, and any later
    test calling ``asyncio.run`` or ``async_to_sync`` would fail. Closing the
    browser after this folder's tests ends that for the rest of the run.
    """
    # Django keeps connections in an asgiref Local which, while an event loop
    # runs in the thread, switches to separate storage and opens new connection
    # objects. Those lack what django_db_setup stored on the originals, notably
    # the migration data that serialized rollback restores, so every test after
    # the first would start with an empty database. Keep using the originals.
    test_connections = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        for alias, connection in test_connections.items():
            connections[alias] = connection
        # Django also sees Playwright's event loop and refuses ORM calls from
        # this thread (SynchronousOnlyOperation), yet nothing runs concurrently:
        # each Playwright call blocks until the browser has finished, and tests
        # need the ORM to create and check data.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page_in_new_context(browser, options):
    """A page in a fresh context: no cookies or storage shared between tests.

    Whatever the Content-Security-Policy blocked on the way (Chromium says so
    on the console) fails the test, as does an admin widget that could not be
    started without its inline script (lms/core/admin_scripts.py): either is a
    broken page.
    """
    context = browser.new_context(**options)
    blocked = []
    page = context.new_page()

    def note_what_broke(message):
        if "Content Security Policy" in message.text or message.text.startswith(
            "admin_set_up:"
        ):
            blocked.append(f"{page.url}: {message.text}")

    page.on("console", note_what_broke)
    try:
        yield page
    finally:
        context.close()
    if blocked:
        pytest.fail("Blocked or not started:\n" + "\n".join(blocked))


@pytest.fixture
def phone_page(browser):
    """A page on a small Android phone in Indonesian, the participants' device."""
    yield from _page_in_new_context(browser, PHONE)


@pytest.fixture
def laptop_page(browser):
    """A page on a laptop in Indonesian, where organisers use the Wagtail admin."""
    yield from _page_in_new_context(browser, LAPTOP)


@pytest.fixture
def demo_site(live_server, django_db_serialized_rollback):
    """The URL of a live server holding the demo data (`seed_demo`).

    The live server needs a transactional database, which is flushed after
    each test, and that would also wipe what migrations created (the Wagtail
    root page, the default Locale, the role groups). Serialized rollback puts
    that data back before each test; the seeder then adds the home page,
    organisations and demo accounts on top.
    """
    call_command("seed_demo", stdout=StringIO())
    return live_server.url


@pytest.fixture
def screenshot(request):
    """Saves a full-page PNG as screenshots/<test name>-<label>.png.

    The files are for people: look at them after a run to see what the test
    saw (the folder is git-ignored). Returns the path of the file.
    """
    SCREENSHOT_DIR.mkdir(exist_ok=True)

    def save(page, label):
        path = SCREENSHOT_DIR / f"{request.node.name}-{label}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save


def save_doc_image(page, name):
    """The visible part of ``page`` as a documentation picture, ``docs/img/<name>.png``.

    Only with ``UPDATE_DOC_IMAGES=1``: a normal test run must not rewrite
    committed files. Otherwise the picture goes to screenshots/ for a look.
    """
    folder = DOCS_IMG if os.environ.get("UPDATE_DOC_IMAGES") == "1" else SCREENSHOT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{name}.png", full_page=False, animations="disabled")


# What axe-core reports that keeps someone from using a page (a missing label,
# a region the keyboard cannot reach). "moderate" and "minor" are advice.
BLOCKING_IMPACTS = ("serious", "critical")


def assert_accessible(page, *, also=()):
    """Runs axe-core on ``page`` as it is now; fails listing every serious or
    critical violation with its rule, its help text and the elements at fault.

    ``also`` names rules that fail whatever their impact, for a test that
    guards one fix axe rates minor (``empty-table-header``).
    """
    violations = Axe().run(page).response["violations"]
    blocking = [
        v for v in violations if v["impact"] in BLOCKING_IMPACTS or v["id"] in also
    ]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {', '.join(node['target'])}" for node in v["nodes"])
        for v in blocking
    )
    if blocking:
        pytest.fail(f"axe-core on {page.url}:\n{report}", pytrace=False)


def log_in_to_admin(page, site, username, password):
    """Logs ``username`` into the Wagtail admin through its login form."""
    page.goto(f"{site}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form:has(input[name=username]) [type=submit]").click()
    page.wait_for_url(f"{site}/admin/")
