"""The home page finds a deep page in two queries, exactly where Wagtail's walk would."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import HomePage
from home.routing import may_skip_levels
from tests.factories import ModulePageFactory, QuizPageFactory

pytestmark = pytest.mark.django_db


def routed(home, url):
    components = [part for part in url.split("/") if part]
    with CaptureQueriesContext(connection) as queries:
        result = home.route(RequestFactory().get(url), components)
    return result, len(queries)


def test_no_page_type_that_holds_pages_routes_its_own_way():
    """The jump skips the ``route`` of the pages above the target: only right
    while none of them has its own. A new page type that does turns it off."""
    assert may_skip_levels(HomePage)


def test_a_deep_page_costs_what_a_shallow_one_does(learning):
    home = HomePage.objects.get()
    deep_quiz = QuizPageFactory(parent=learning.module, slug="kuis-dalam")
    shallow, shallow_queries = routed(home, learning.module.url)
    deep, deep_queries = routed(home, deep_quiz.url)
    assert shallow.page.specific == learning.module
    assert deep.page.specific == deep_quiz
    assert deep_queries == shallow_queries == 2


def test_a_quiz_sub_route_reaches_the_quiz(learning):
    home = HomePage.objects.get()
    quiz = QuizPageFactory(parent=learning.module, slug="kuis-rute")
    result, _queries = routed(home, quiz.url + "mulai/")
    assert result.page.specific == quiz


def test_an_unknown_path_and_a_draft_are_not_found(learning, client):
    draft = ModulePageFactory(parent=learning.module.get_parent(), slug="draf")
    Page.objects.filter(pk=draft.pk).update(live=False)
    assert client.get(learning.module.url + "tidak-ada/").status_code == 404
    assert client.get("/tidak/ada/sama/sekali/").status_code == 404
    assert client.get(draft.url or "/modul/draf/").status_code == 404
    assert client.get(learning.module.url).status_code == 200
