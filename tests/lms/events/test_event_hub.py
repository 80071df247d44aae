"""The organiser's events in the admin: the list, each event's hub, the poster."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    PactFactory,
    ParticipantFactory,
    SpeakerFactory,
)
from tests.lms.events.event_builders import (
    accept,
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    """The tests read the English source text; the Indonesian catalogue comes later."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def event(home_page):
    return make_event(
        home_page,
        title="Peningkatan Kapasitas Sawah Besar",
        registration_code="K7M2QX",
        require_check_in=True,
        require_post_test=True,
    )


@pytest.fixture
def post_test(event):
    return make_test(event, "post_test", slug="post-test")


@pytest.fixture
def people(event, post_test):
    """Three participants: one complete, one not checked in, one who failed."""
    done = ParticipantFactory(full_name="Ani Lengkap")
    absent = ParticipantFactory(full_name="Budi Absen")
    failed = ParticipantFactory(full_name="Citra Gagal")
    enrol(event, done, absent, failed)
    check_in(event, done)
    check_in(event, failed)
    attempt(post_test, done, percent=85)
    attempt(post_test, absent, percent=70)
    attempt(post_test, failed, percent=40)
    return done, absent, failed


@pytest.fixture
def as_organiser(client, organiser):
    client.force_login(organiser)
    return client


def hub_url(event, **query):
    url = reverse("lms_event_admin:event", args=[event.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def names_shown(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return [row["participant"].full_name for row in response.context["rows"]]


def test_the_hub_shows_each_participant_with_status_and_missing_steps(
    as_organiser, event, people
):
    response = as_organiser.get(hub_url(event))
    assert response.status_code == 200
    html = re.sub(r"\s+", " ", response.content.decode())
    assert "Ani Lengkap" in html and "Budi Absen" in html and "Citra Gagal" in html
    assert (
        response.context["enrolled_count"],
        response.context["checked_in_count"],
        response.context["complete_count"],
    ) == (3, 2, 1)
    assert "K7M2QX" in html
    assert "1 of 2 done; missing: <ul" in html
    assert "<li>Check in at the hall</li>" in html
    assert "<li>Pass the post-test (taken, not passed yet)</li>" in html
    assert "40% (not passed)" in html and "85% (passed)" in html


def test_the_hub_counts_read_as_counts_in_indonesian(as_organiser, event, people):
    """Not "2 waktu hadir": the model field's name is not the hub's word."""
    as_organiser.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = as_organiser.get(hub_url(event)).content.decode()
    counts = re.search(r'<ul class="event-hub__counts".*?</ul>', html, re.S).group()
    labels = [
        re.sub(r"\s+", " ", label).strip()
        for label in re.findall(r"</strong>(.*?)</li>", counts, re.S)
    ]
    assert labels == ["terdaftar", "sudah hadir", "selesai"]
    assert "(lulus)" in html and "(belum lulus)" in html


def test_the_hub_names_the_modules_and_texts_still_missing(
    as_organiser, home_page, learning
):
    pacts = [PactFactory(title="Pakta Integritas"), PactFactory(title="Ikrar ASN")]
    event = make_event(
        home_page, modules=[learning.module], pacts=pacts, require_modules=True
    )
    someone = ParticipantFactory()
    enrol(event, someone)
    accept(event, someone, pacts[0])
    html = as_organiser.get(hub_url(event)).content.decode()
    assert f"Finish the modules: {learning.module.title}" in html
    assert "Accept the pact and pledge texts: Ikrar ASN</li>" in html


def test_the_hub_filters_complete_and_incomplete(as_organiser, event, people):
    assert names_shown(as_organiser, hub_url(event, status="complete")) == [
        "Ani Lengkap"
    ]
    assert names_shown(as_organiser, hub_url(event, status="incomplete")) == [
        "Budi Absen",
        "Citra Gagal",
    ]
    everyone = ["Ani Lengkap", "Budi Absen", "Citra Gagal"]
    assert names_shown(as_organiser, hub_url(event)) == everyone
    assert names_shown(as_organiser, hub_url(event, status="<script>")) == everyone


def test_an_empty_event_says_so(as_organiser, event):
    html = as_organiser.get(hub_url(event)).content.decode()
    assert "Nobody is enrolled yet." in html


def test_names_are_escaped_in_the_hub(as_organiser, event):
    enrol(event, ParticipantFactory(full_name="<img src=x onerror=alert(1)>"))
    html = as_organiser.get(hub_url(event)).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html


@pytest.mark.parametrize("role", [ParticipantFactory, SpeakerFactory])
@pytest.mark.parametrize("view", ["events", "event", "poster"])
def test_participants_and_speakers_are_refused(client, event, people, role, view):
    client.force_login(role())
    args = [] if view == "events" else [event.pk]
    response = client.get(reverse(f"lms_event_admin:{view}", args=args))
    assert response.status_code in (302, 403)
    assert b"Ani Lengkap" not in response.content
    assert not response.get("Content-Type", "").startswith("application/pdf")


def test_anonymous_visitors_are_sent_to_log_in(client, event):
    response = client.get(hub_url(event))
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.parametrize("view", ["event", "poster"])
def test_an_unknown_event_is_not_found(as_organiser, view):
    response = as_organiser.get(reverse(f"lms_event_admin:{view}", args=[999_999]))
    assert response.status_code == 404


def test_the_poster_pdf(as_organiser, event):
    response = as_organiser.get(reverse("lms_event_admin:poster", args=[event.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    text = " ".join(pdf_text(response.content).split())
    assert "Peningkatan Kapasitas Sawah Besar" in text
    assert "K7M2QX" in text
    assert "http://testserver/kegiatan-saya/daftar/?kode=K7M2QX" in text
    assert "Scan the QR code" in text


def test_the_posters_link_opens_the_join_page_with_the_code(client, event):
    from lms.events.admin.poster import registration_url

    url = registration_url(event).removeprefix(settings.SITE_URL)
    html = client.get(url).content.decode()
    assert 'value="K7M2QX"' in html and "Peningkatan Kapasitas Sawah Besar" in html


def test_hub_queries_do_not_grow_with_the_participants(as_organiser, event, post_test):
    def participants(count):
        for n, user in enumerate(ParticipantFactory.create_batch(count)):
            enrol(event, user)
            check_in(event, user)
            attempt(post_test, user, percent=40 + n)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert as_organiser.get(hub_url(event)).status_code == 200
        return len(captured)

    participants(3)
    as_organiser.get(hub_url(event))  # warm the admin's caches
    few = queries()
    participants(30)
    assert queries() == few


def test_the_event_list(as_organiser, home_page, event, people):
    draft = make_event(home_page, title="Kegiatan Rancangan")
    draft.unpublish()
    response = as_organiser.get(reverse("lms_event_admin:events"))
    assert response.status_code == 200
    rows = {e.title: e for e in response.context["events"]}
    assert (rows[event.title].enrolled_count, rows[event.title].checked_in_count) == (
        3,
        2,
    )
    assert (rows[draft.title].enrolled_count, rows[draft.title].checked_in_count) == (
        0,
        0,
    )
    html = response.content.decode()
    assert hub_url(event) in html and "draft" in html


def test_the_admin_menu_and_the_event_page_lead_to_the_hub(client, as_organiser, event):
    events_url = reverse("lms_event_admin:events")
    assert events_url in as_organiser.get(reverse("wagtailadmin_home")).content.decode()
    edit = as_organiser.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert hub_url(event) in edit.content.decode()
    client.force_login(SpeakerFactory())
    assert events_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_hub_warns_that_a_draft_events_code_does_not_work(as_organiser, event):
    event.unpublish()
    html = as_organiser.get(hub_url(event)).content.decode()
    assert "its code and poster do not work until it is" in html
