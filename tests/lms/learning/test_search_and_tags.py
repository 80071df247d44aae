"""Participants find modules and lessons by topic (tag) and by search."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(learning):
    lesson = learning.lessons[0]
    lesson.title = "Hari pemungutan suara"
    lesson.tags.add("tps")
    lesson.save_revision().publish()
    learning.module.tags.add("tps", "pemilu 2024")
    learning.module.save_revision().publish()
    return learning


def test_tags_show_on_pages_and_link_to_the_topic_page(client, tagged):
    html = client.get(tagged.lessons[0].url).content.decode()
    assert 'href="/topik/tps/"' in html
    html = client.get(tagged.module.url).content.decode()
    assert 'href="/topik/pemilu-2024/"' in html


def test_topic_page_lists_modules_and_lessons_with_their_module(client, tagged):
    html = client.get("/topik/tps/").content.decode()
    assert tagged.module.title in html
    assert "Hari pemungutan suara" in html
    assert f'href="{tagged.module.url}"' in html
    assert tagged.bawaslu_module.title not in html


def test_topic_page_hides_drafts(client, tagged):
    tagged.lessons[0].unpublish()
    assert "Hari pemungutan suara" not in client.get("/topik/tps/").content.decode()


def test_unknown_topic_is_not_found(client, tagged):
    assert client.get("/topik/tidak-ada/").status_code == 404


def test_search_finds_lessons_by_title_and_body(client, tagged):
    html = client.get("/cari/", {"q": "pemungutan"}).content.decode()
    assert "Hari pemungutan suara" in html
    html = client.get("/cari/", {"q": "Isi materi"}).content.decode()
    assert tagged.lessons[1].title in html


def test_search_finds_modules_by_summary(client, tagged):
    html = client.get("/cari/", {"q": "tahapan"}).content.decode()
    assert tagged.module.title in html


def test_search_never_shows_drafts(client, tagged):
    tagged.lessons[0].unpublish()
    html = client.get("/cari/", {"q": "pemungutan"}).content.decode()
    assert "Hari pemungutan suara" not in html


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_search_shows_the_form_without_results(client, tagged, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    assert response.context["page_obj"] is None


def test_nothing_found_says_so(client, tagged):
    html = client.get("/cari/", {"q": "zzzzqqq"}).content.decode()
    assert "zzzzqqq" in html
    assert 'class="result-list"' not in html


def test_an_overlong_query_gets_a_clear_error(client, tagged):
    response = client.get("/cari/", {"q": "a" * 201})
    assert response.status_code == 200
    assert response.context["form"].errors["q"]
    assert response.context["page_obj"] is None


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "%00",
        "'; DROP TABLE",
    ],
)
def test_hostile_queries_are_echoed_inert(client, tagged, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html


def test_search_results_paginate(client, tagged):
    response = client.get("/cari/", {"q": "materi", "halaman": "999"})
    assert response.status_code == 200  # past the end: the last page, not an error


@pytest.mark.parametrize("query", ['"', "(", "*", "AND OR NOT", "-", "pemungutan)"])
def test_search_syntax_characters_are_just_text(client, tagged, query):
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200


def test_punctuation_around_words_still_finds_them(client, tagged):
    html = client.get("/cari/", {"q": '"pemungutan"!'}).content.decode()
    assert "Hari pemungutan suara" in html
