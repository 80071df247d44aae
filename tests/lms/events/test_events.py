"""Event pages: where they live, what they show, joining with the code, and
that an event's tests are for its enrolled participants only."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage
from lms.accounts.models import User
from lms.events.models import (
    CheckIn,
    Enrolment,
    EvaluationPage,
    EventIndexPage,
    EventPage,
)
from quizzes.models import Attempt, QuizPage
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
    OrganisationFactory,
    ParticipantFactory,
    QuizPageFactory,
)


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, registration_code="K7M2QX")


class EventPageTests(WagtailPageTestCase):
    def setUp(self):
        self.home = HomePageFactory()
        self.index = EventIndexPageFactory(parent=self.home)
        self.admin = User.objects.create_superuser(
            username="admin", full_name="Admin Uji", password="x"
        )
        self.client.force_login(self.admin)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, {QuizPage, EvaluationPage})

    def test_renders(self):
        event = EventPageFactory(parent=self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(event)

    def test_admin_creates_an_event_with_an_agenda(self):
        organiser = OrganisationFactory()
        self.assertCanCreate(
            self.index,
            EventPage,
            nested_form_data(
                {
                    "title": "Peningkatan Kapasitas Lembaga Kemasyarakatan",
                    "slug": "pk-sawah-besar",
                    "starts_at": "2026-12-02 08:00",
                    "ends_at": "2026-12-02 12:00",
                    "venue": "Aula Kantor Kecamatan Sawah Besar",
                    "kecamatan": "sawah_besar",
                    "kelurahan": "Pasar Baru",
                    "organiser": organiser.pk,
                    "opened_by": "Camat Sawah Besar",
                    "summary": rich_text("<p>Tahapan pemilu dan JAKI.</p>"),
                    "agenda": streamfield(
                        [
                            (
                                "session",
                                {
                                    "starts": "09:00",
                                    "ends": "10:00",
                                    "topic": "Tahapan Pemilu 2024",
                                    "speaker": "KPU",
                                },
                            )
                        ]
                    ),  # fmt: skip
                    "hours_jp": 4,
                    "registration_code": "SAWAH1",
                    "require_check_in": "on",
                    "require_post_test": "on",
                }
            ),
        )
        event = EventPage.objects.get(slug="pk-sawah-besar")
        assert event.agenda[0].value["topic"] == "Tahapan Pemilu 2024"

    def test_a_kelurahan_outside_the_kecamatan_is_refused(self):
        event = EventPageFactory.build(kecamatan="gambir", kelurahan="Pasar Baru")
        with pytest.raises(Exception, match="kelurahan"):
            event.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["K7M2QX", "k7m2qx", " K7M 2QX "])
def test_a_participant_joins_with_the_code_as_typed(client, participant, event, typed):
    client.force_login(participant)
    response = client.post("/kegiatan-saya/daftar/", {"code": typed})
    assert response.status_code == 302 and response.url == event.url
    assert Enrolment.objects.get().user == participant


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_clear_message(client, participant, event):
    client.force_login(participant)
    response = client.post("/kegiatan-saya/daftar/", {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_joining_twice_keeps_one_enrolment(client, participant, event):
    client.force_login(participant)
    client.post("/kegiatan-saya/daftar/", {"code": "K7M2QX"})
    client.post("/kegiatan-saya/daftar/", {"code": "K7M2QX"})
    assert Enrolment.objects.count() == 1


@pytest.mark.django_db
def test_the_poster_link_fills_in_the_code(client, participant, event):
    client.force_login(participant)
    html = client.get("/kegiatan-saya/daftar/?kode=K7M2QX").content.decode()
    assert 'value="K7M2QX"' in html


@pytest.mark.django_db
def test_anonymous_visitors_get_the_registration_form(client, event):
    response = client.get("/kegiatan-saya/daftar/?kode=K7M2QX")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="full_name"' in html and 'name="phone"' in html
    assert "/akun/masuk/?next=" in html  # or log in and come back


@pytest.mark.django_db
def test_the_event_page_sends_visitors_to_the_join_page(client, event):
    html = client.get(event.url).content.decode()
    assert 'href="/kegiatan-saya/daftar/"' in html


@pytest.mark.django_db
def test_the_event_page_shows_the_participants_own_steps(client, participant, event):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    QuizPageFactory(parent=event, kind="post_test", slug="post-test")
    client.force_login(participant)
    assert "Check in at the hall" not in client.get(event.url).content.decode()
    client.post("/kegiatan-saya/daftar/", {"code": "K7M2QX"})
    html = client.get(event.url).content.decode()
    assert "0 of 2 requirements met" in html
    assert "Check in at the hall" in html and "Pass the post-test" in html
    CheckIn.objects.create(event=event, user=participant, method="qr")
    assert "1 of 2 requirements met" in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_only_enrolled_participants_take_the_events_tests(client, participant, event):
    post_test = QuizPageFactory(parent=event, kind="post_test", slug="post-test")
    client.force_login(participant)
    client.post(post_test.url + "mulai/")
    assert not Attempt.objects.exists()
    client.post("/kegiatan-saya/daftar/", {"code": "K7M2QX"})
    client.post(post_test.url + "mulai/")
    assert Attempt.objects.count() == 1


@pytest.mark.django_db
def test_the_event_page_shows_the_tests_to_enrolled_participants(
    client, participant, event
):
    post_test = QuizPageFactory(parent=event, kind="post_test", slug="post-test")
    client.force_login(participant)
    assert post_test.url not in client.get(event.url).content.decode()
    client.post("/kegiatan-saya/daftar/", {"code": "K7M2QX"})
    assert post_test.url in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_event_pages_cost_the_same_for_3_or_30_participants(client, participant, event):
    QuizPageFactory(parent=event, kind="post_test", slug="post-test")
    Enrolment.objects.create(event=event, user=participant, source="code")
    client.force_login(participant)

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    urls = [event.url, event.get_parent().url]

    def others(count):
        for user in ParticipantFactory.create_batch(count):
            Enrolment.objects.create(event=event, user=user, source="code")
            CheckIn.objects.create(event=event, user=user, method="qr")

    others(3)
    before = [queries(url) for url in urls]
    others(27)
    assert [queries(url) for url in urls] == before
