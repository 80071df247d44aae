"""The read-only Wagtail API v2 at /api/v2/ lists published modules and lessons."""

import pytest

pytestmark = pytest.mark.django_db


def test_lists_published_lessons_with_body_and_tags(client, learning):
    learning.lessons[0].tags.add("tps")
    learning.lessons[0].save_revision().publish()
    learning.lessons[2].unpublish()
    data = client.get(
        "/api/v2/pages/",
        {"type": "lms.LessonPage", "fields": "body,tags,estimated_minutes"},
    ).json()
    titles = [item["title"] for item in data["items"]]
    assert titles == [learning.lessons[0].title, learning.lessons[1].title]
    first = data["items"][0]
    assert first["tags"] == ["tps"]
    assert first["body"][0]["type"] == "heading"
    assert first["estimated_minutes"] == 8


def test_module_detail_names_organisation_and_speakers(client, learning):
    from tests.factories import SpeakerProfileFactory

    speaker = SpeakerProfileFactory(name="Ahmad", organisation=learning.kpu)
    learning.module.speakers.add(speaker)
    learning.module.save_revision().publish()
    data = client.get(f"/api/v2/pages/{learning.module.pk}/").json()
    assert data["organisation_name"] == "KPU Kota Jakarta Pusat"
    assert data["speaker_names"] == ["Ahmad"]
    assert data["duration_jp"] == 2


def test_is_read_only(client, learning):
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.delete(f"/api/v2/pages/{learning.module.pk}/").status_code == 405


def test_drafts_are_not_found(client, learning):
    learning.lessons[0].unpublish()
    assert client.get(f"/api/v2/pages/{learning.lessons[0].pk}/").status_code == 404
