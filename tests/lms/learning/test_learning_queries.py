"""Module, lesson, tag and search pages cost the same number of queries
however many lessons, tags or speakers they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import LessonPageFactory, ModulePageFactory, SpeakerProfileFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    """Queries of a repeat visit (a first visit to a lesson also records it)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(learning, extra):
    """Adds ``extra`` lessons, tags and speakers to the module (and modules to the shelf)."""
    module = learning.module
    for n in range(extra):
        lesson = LessonPageFactory(parent=module, slug=f"tambahan-{n}")
        lesson.tags.add("pemilu", f"topik-{n}")
        lesson.save_revision().publish()
        module.tags.add(f"modul-topik-{n}")
        module.speakers.add(SpeakerProfileFactory(organisation=learning.kpu))
        ModulePageFactory(parent=learning.kpu_shelf, slug=f"modul-{n}").tags.add(
            "pemilu"
        )
    module.tags.add("pemilu")
    module.save_revision().publish()


@pytest.fixture(params=["anonymous", "participant"])
def visitor(request, client, learning):
    if request.param == "participant":
        client.force_login(request.getfixturevalue("participant"))
        # Some progress, so the progress queries run.
        client.post(f"/materi/{learning.lessons[0].pk}/selesai/")
    return client


def test_page_queries_do_not_grow_with_content(visitor, learning):
    learning.lessons[0].tags.add("pemilu")
    learning.lessons[0].save_revision().publish()
    urls = [
        "/modul/",
        learning.kpu_shelf.url,
        learning.module.url,
        learning.lessons[1].url,
        "/topik/pemilu/",
        "/cari/?q=materi",
        "/api/v2/pages/?type=lms.LessonPage&fields=body,tags",
        "/api/v2/pages/?type=lms.ModulePage&fields=speaker_names,tags,organisation_name",
    ]
    before = {url: count_queries(visitor, url) for url in urls}
    grow(learning, extra=6)
    after = {url: count_queries(visitor, url) for url in urls}
    assert after == before


def test_page_query_budgets(visitor, learning):
    """Absolute ceilings, so a slow page cannot creep in unnoticed."""
    # Most of each budget is Wagtail's routing (two queries per URL segment)
    # and, logged in, the session, the user and their permissions.
    learning.lessons[0].tags.add("pemilu")
    learning.lessons[0].save_revision().publish()
    budgets = {
        "/modul/": 21,
        learning.module.url: 26,
        learning.lessons[1].url: 26,
        "/topik/pemilu/": 14,
        "/cari/?q=materi": 13,
        "/api/v2/pages/?type=lms.LessonPage&fields=body,tags": 11,
    }
    for url, budget in budgets.items():
        assert count_queries(visitor, url) <= budget, url
