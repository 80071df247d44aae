"""Pacts in the admin (versions on save, no deleting) and the event's pact report."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from lms.accounts.models import User
from lms.events.models import Pact, PactAcceptance, PactVersion
from lms.events.pacts import accept_pact, record_paper_signature
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.events.listing_reading import body, csv_rows, xlsx_rows
from tests.lms.events.pact_setup import enrol_many, event_requiring

ADD = "wagtailsnippets_lms_pact:add"
EDIT = "wagtailsnippets_lms_pact:edit"
INSPECT = "wagtailsnippets_lms_pact:inspect"
DELETE = "wagtailsnippets_lms_pact:delete"
LIST = "wagtailsnippets_lms_pact:list"


@pytest.fixture
def pact(db):
    return PactFactory(title="Pakta Integritas")


@pytest.fixture
def siti(db):
    return ParticipantFactory(full_name="Siti Nurhaliza", username="siti")


@pytest.fixture
def event(home_page, pact, siti):
    return event_requiring(home_page, pact, participants=[siti])


@pytest.fixture
def admin_client(client, organiser):
    client.force_login(organiser)
    return client


def pact_form(title="Pakta Integritas", body="<p>Saya menjaga netralitas.</p>"):
    return nested_form_data({"title": title, "kind": "pact", "body": rich_text(body)})


def accept(event, user, pact):
    return accept_pact(
        event=event,
        user=user,
        pact=pact,
        version_id=pact.versions.order_by("-number").first().pk,
        typed_name=user.full_name,
        agreed=True,
    )


def assert_denied(response, target_url):
    """Wagtail's "permission denied": back to the admin home (or its login)."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url != target_url and "/admin/" in response.url


# Versions through the admin's own views --------------------------------------


@pytest.mark.django_db
def test_creating_a_pact_in_the_admin_records_version_one(admin_client, organiser):
    response = admin_client.post(reverse(ADD), pact_form())
    assert response.status_code == 302
    version = PactVersion.objects.get()
    assert (version.number, version.title, version.created_by) == (
        1,
        "Pakta Integritas",
        organiser,
    )
    assert "Saya menjaga netralitas." in version.body


@pytest.mark.django_db
def test_editing_makes_a_version_only_when_the_words_change(admin_client, organiser):
    admin_client.post(reverse(ADD), pact_form())
    pact = Pact.objects.get()
    admin_client.post(reverse(EDIT, args=[pact.pk]), pact_form())
    assert pact.versions.count() == 1
    response = admin_client.post(
        reverse(EDIT, args=[pact.pk]),
        pact_form(body="<p>Saya tidak menerima suap.</p>"),
        follow=True,
    )
    assert [v.number for v in pact.versions.all()] == [2, 1]
    told = [str(m) for m in response.context["messages"]]
    assert any("Pakta Integritas" in m and "2" in m for m in told)
    admin_client.post(
        reverse(EDIT, args=[pact.pk]),
        pact_form(title="Pakta 2024", body="<p>Saya tidak menerima suap.</p>"),
    )
    assert pact.versions.first().title == "Pakta 2024"
    assert pact.versions.first().created_by == organiser


@pytest.mark.django_db
def test_accepted_words_survive_an_edit_in_the_admin(admin_client, event, pact, siti):
    acceptance = accept(event, siti, pact)
    admin_client.post(reverse(EDIT, args=[pact.pk]), pact_form(body="<p>Baru.</p>"))
    acceptance.refresh_from_db()
    assert acceptance.version.number == 1
    assert "netralitas" in acceptance.version.body


@pytest.mark.django_db
def test_the_inspect_view_lists_versions_with_date_and_author(admin_client, organiser):
    admin_client.post(reverse(ADD), pact_form())
    pact = Pact.objects.get()
    admin_client.post(reverse(EDIT, args=[pact.pk]), pact_form(body="<p>Kedua.</p>"))
    html = admin_client.get(reverse(INSPECT, args=[pact.pk])).content.decode()
    assert html.count(organiser.full_name) >= 2
    assert "Kedua." in html and "Saya menjaga netralitas." in html
    assert pact.versions.get(number=1).created_at.strftime("%Y") in html


@pytest.mark.django_db
def test_script_in_a_version_is_inert_in_the_admin(admin_client, pact):
    PactVersion.objects.create(
        pact=pact, number=2, title="x", body='<p>ok</p><script>alert("v")</script>'
    )
    html = admin_client.get(reverse(INSPECT, args=[pact.pk])).content.decode()
    assert '<script>alert("v")' not in html


# Nobody deletes a pact ---------------------------------------------------------


@pytest.mark.django_db
def test_even_a_superuser_cannot_delete_a_pact(client, event, pact, siti):
    accept(event, siti, pact)
    client.force_login(
        User.objects.create_superuser(username="root", full_name="Root", password="x")
    )
    url = reverse(DELETE, args=[pact.pk])
    assert_denied(client.get(url), url)
    assert_denied(client.post(url), url)
    client.post(
        reverse("wagtail_bulk_action", args=["lms", "pact", "delete"])
        + f"?id={pact.pk}"
    )
    assert Pact.objects.filter(pk=pact.pk).exists()
    assert PactAcceptance.objects.count() == 1
    listing = client.get(reverse(LIST)).content.decode()
    assert url not in listing


# Who may use the pact admin ------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_are_denied(request, client, event, pact, role):
    client.force_login(request.getfixturevalue(role))
    for url in [
        reverse(LIST),
        reverse(ADD),
        reverse(EDIT, args=[pact.pk]),
        reverse("lms_event_admin:pacts", args=[event.pk]),
        reverse("lms_event_admin:pacts_csv", args=[event.pk]),
        reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk]),
    ]:
        assert_denied(client.get(url), url)
    paper = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    siti = event.enrolments.get().user
    assert_denied(client.post(paper, {"participant": siti.pk, "note": "x"}), paper)
    client.post(reverse(ADD), pact_form(title="Pakta palsu"))
    assert not PactAcceptance.objects.exists()
    assert not Pact.objects.filter(title="Pakta palsu").exists()


# The report ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_shows_who_has_and_has_not_accepted(
    admin_client, home_page, pact, siti, organiser
):
    pledge = PactFactory(title="Ikrar Netralitas ASN", kind="pledge")
    budi = ParticipantFactory(full_name="Budi Santoso")
    event = event_requiring(home_page, pact, pledge, participants=[siti, budi])
    accept_pact(
        event=event,
        user=siti,
        pact=pact,
        version_id=pact.versions.get().pk,
        typed_name="SITI nurhaliza",
        agreed=True,
    )
    record_paper_signature(
        event=event, user=budi, pact=pledge, note="Map kuning", by=organiser
    )
    response = admin_client.get(reverse("lms_event_admin:pacts", args=[event.pk]))
    assert response.status_code == 200
    standings = {s.pact: s for s in response.context["standings"]}
    assert standings[pact].not_accepted == [budi]
    html = response.content.decode()
    for text in [
        "Ikrar Netralitas ASN",
        "SITI nurhaliza",
        "Map kuning",
        organiser.full_name,
    ]:
        assert text in html
    paper_link = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    assert f"{paper_link}?peserta={budi.pk}" in html


@pytest.mark.django_db
def test_an_event_without_pacts_says_where_to_choose_them(admin_client, home_page):
    event = event_requiring(home_page)
    response = admin_client.get(reverse("lms_event_admin:pacts", args=[event.pk]))
    assert response.status_code == 200 and response.context["standings"] == []
    assert (
        reverse("wagtailadmin_pages:edit", args=[event.pk]) in response.content.decode()
    )


@pytest.mark.django_db
def test_an_unknown_event_is_404(admin_client):
    assert (
        admin_client.get(reverse("lms_event_admin:pacts", args=[999999])).status_code
        == 404
    )


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?export=csv", "?export=xlsx"])
def test_the_report_costs_the_same_for_5_or_40_participants(
    admin_client, home_page, pact, query, django_assert_max_num_queries
):
    pledge = PactFactory(kind="pledge")
    event = event_requiring(home_page, pact, pledge)
    url = reverse("lms_event_admin:pacts", args=[event.pk]) + query

    def add(count):
        users = enrol_many(event, count)
        for user in users[::2]:
            accept(event, user, pact)

    add(5)
    admin_client.get(url)  # warm Wagtail's per-request caches
    with CaptureQueriesContext(connection) as five:
        response = admin_client.get(url)
        assert response.status_code == 200 and body(response)
    add(35)
    with django_assert_max_num_queries(len(five)):
        response = admin_client.get(url)
        assert response.status_code == 200 and body(response)


# The CSV -------------------------------------------------------------------------


SPREADSHEET_HEADINGS = [
    "Pact or pledge",
    "Participant",
    "Username",
    "Status",
    "Accepted at",
    "How",
    "Version",
    "Name typed",
    "Note",
    "Recorded by",
]


@pytest.mark.django_db
@pytest.mark.usefixtures("in_english")
def test_the_csv_has_a_row_per_participant_and_pact(admin_client, event, pact, siti):
    budi = ParticipantFactory(full_name='=HYPERLINK("http://x")', username="budi")
    event.enrolments.create(user=budi, source="import")
    accepted_at = accept(event, siti, pact).accepted_at
    # The old address still works: it leads to the report's own CSV download.
    response = admin_client.get(
        reverse("lms_event_admin:pacts_csv", args=[event.pk]), follow=True
    )
    assert response.redirect_chain == [
        (reverse("lms_event_admin:pacts", args=[event.pk]) + "?export=csv", 302)
    ]
    assert response["Content-Disposition"].endswith(f'pakta-{event.slug}.csv"')
    heading, *rows = csv_rows(response)

    assert heading == SPREADSHEET_HEADINGS
    jakarta_time = timezone.localtime(accepted_at).strftime("%Y-%m-%d %H:%M")
    assert sorted(rows) == [
        # A name that looks like a formula: a spreadsheet shows it, never runs it.
        ["Pakta Integritas", '\'=HYPERLINK("http://x")', "budi", "Not yet"] + [""] * 6,
        ["Pakta Integritas", "Siti Nurhaliza", "siti", "Accepted", jakarta_time]
        + ["Accepted online", "1", "Siti Nurhaliza", "", ""],
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("in_english")
def test_the_xlsx_has_the_csvs_columns_with_real_times(admin_client, event, pact, siti):
    accepted_at = accept(event, siti, pact).accepted_at
    url = reverse("lms_event_admin:pacts", args=[event.pk])
    heading, row = xlsx_rows(admin_client.get(f"{url}?export=xlsx"))

    assert list(heading) == SPREADSHEET_HEADINGS
    jakarta_time = timezone.make_naive(accepted_at).replace(microsecond=0)
    assert row[:5] == (
        "Pakta Integritas",
        "Siti Nurhaliza",
        "siti",
        "Accepted",
        jakarta_time,
    )


# Paper signatures ------------------------------------------------------------------


@pytest.mark.django_db
def test_recording_a_paper_signature(admin_client, event, pact, siti, organiser):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    form = admin_client.get(f"{url}?peserta={siti.pk}").content.decode()
    assert f'value="{siti.pk}" selected' in form
    response = admin_client.post(url, {"participant": siti.pk, "note": " Map kuning "})
    assert response.status_code == 302
    assert response.url == reverse("lms_event_admin:pacts", args=[event.pk])
    acceptance = PactAcceptance.objects.get()
    assert (acceptance.method, acceptance.note, acceptance.recorded_by) == (
        "paper",
        "Map kuning",
        organiser,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("note", ["", "   "])
def test_a_paper_signature_without_a_note_is_refused(
    admin_client, event, pact, siti, note
):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    response = admin_client.post(url, {"participant": siti.pk, "note": note})
    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_paper_is_refused_for_outsiders_and_those_who_accepted(
    admin_client, home_page, event, pact, siti
):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    outsider = ParticipantFactory()
    event_requiring(home_page, pact, participants=[outsider])  # another event's
    for participant in [outsider.pk, "abc", "", 999999]:
        response = admin_client.post(url, {"participant": participant, "note": "x"})
        assert "participant" in response.context["form"].errors
    accept(event, siti, pact)
    response = admin_client.post(url, {"participant": siti.pk, "note": "kertas"})
    assert "participant" in response.context["form"].errors
    assert list(PactAcceptance.objects.values_list("method", flat=True)) == ["online"]


@pytest.mark.django_db
def test_a_double_click_records_one_paper_signature(admin_client, event, pact, siti):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    admin_client.post(url, {"participant": siti.pk, "note": "Map kuning"})
    second = admin_client.post(url, {"participant": siti.pk, "note": "Map kuning"})
    assert second.status_code == 200 and second.context["form"].errors
    assert PactAcceptance.objects.count() == 1


@pytest.mark.django_db
def test_paper_for_a_pact_the_event_does_not_ask_for_is_404(admin_client, event, siti):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, PactFactory().pk])
    assert admin_client.get(url).status_code == 404
    assert (
        admin_client.post(url, {"participant": siti.pk, "note": "x"}).status_code == 404
    )
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_a_huge_or_scripted_note_is_handled(admin_client, event, pact, siti):
    url = reverse("lms_event_admin:pact_paper", args=[event.pk, pact.pk])
    response = admin_client.post(url, {"participant": siti.pk, "note": "x" * 5000})
    assert "note" in response.context["form"].errors
    admin_client.post(
        url, {"participant": siti.pk, "note": "<script>alert(1)</script>"}
    )
    html = admin_client.get(
        reverse("lms_event_admin:pacts", args=[event.pk])
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
