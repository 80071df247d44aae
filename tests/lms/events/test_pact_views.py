"""The participant's pact page: read, tick, type the name, accept; and everything else refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.events.models import PactAcceptance
from lms.events.pacts import record_pact_version
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.events.pact_setup import event_requiring


@pytest.fixture
def pact(db):
    return PactFactory(
        title="Pakta Integritas", body="<p>Saya tidak menerima gratifikasi.</p>"
    )


@pytest.fixture
def siti(db):
    return ParticipantFactory(full_name="Siti Nurhaliza")


@pytest.fixture
def event(home_page, pact, siti):
    return event_requiring(home_page, pact, participants=[siti])


@pytest.fixture
def page(client, event, pact, siti):
    client.force_login(siti)
    return reverse("event_pact", args=[event.pk, pact.pk])


def form_data(pact, **overrides):
    data = {
        "version": pact.versions.order_by("-number").first().pk,
        "agreed": "on",
        "typed_name": "Siti Nurhaliza",
    }
    return {
        key: value for key, value in {**data, **overrides}.items() if value is not None
    }


def edit(pact, **fields):
    for name, value in fields.items():
        setattr(pact, name, value)
    pact.save()
    return record_pact_version(pact=pact, by=None)


@pytest.mark.django_db
def test_the_page_needs_a_login(client, event, pact):
    response = client.get(reverse("event_pact", args=[event.pk, pact.pk]))
    assert response.status_code == 302 and "/akun/masuk/" in response.url


@pytest.mark.django_db
def test_the_page_shows_the_latest_text_a_box_and_a_name_field(client, page, pact):
    edit(pact, body="<p>Versi kedua: saya menjaga netralitas.</p>")
    html = client.get(page).content.decode()
    assert "Versi kedua: saya menjaga netralitas." in html
    assert "tidak menerima gratifikasi" not in html
    assert 'type="checkbox" name="agreed"' in html
    assert 'name="typed_name"' in html
    assert f'value="{pact.versions.get(number=2).pk}"' in html


@pytest.mark.django_db
def test_accepting_records_the_version_and_then_shows_when(client, page, pact, siti):
    response = client.post(page, form_data(pact, typed_name="siti  nurhaliza"))
    assert response.status_code == 302 and response.url == page
    acceptance = PactAcceptance.objects.get()
    assert (acceptance.user, acceptance.version.number) == (siti, 1)
    assert acceptance.typed_name == "siti nurhaliza"

    response = client.get(page)
    assert response.context["acceptance"] == acceptance
    html = response.content.decode()
    assert timezone.localtime(acceptance.accepted_at).strftime("%H.%M") in html
    assert "tidak menerima gratifikasi" in html
    assert 'name="typed_name"' not in html  # no second form


@pytest.mark.django_db
def test_after_an_edit_the_page_still_shows_the_words_accepted(client, page, pact):
    client.post(page, form_data(pact))
    edit(pact, body="<p>Teks baru sesudahnya.</p>")
    html = client.get(page).content.decode()
    assert "tidak menerima gratifikasi" in html
    assert "Teks baru sesudahnya" not in html


@pytest.mark.django_db
def test_a_wrong_name_is_refused_with_a_clear_message(client, page, pact):
    response = client.post(page, form_data(pact, typed_name="Siti Aminah"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["typed_name"]
    assert "Nurhaliza" not in errors["typed_name"][0]
    assert 'class="error-summary"' in response.content.decode()
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_an_unticked_box_and_an_empty_name_are_both_shown(client, page, pact):
    response = client.post(page, form_data(pact, agreed=None, typed_name=""))
    assert set(response.context["form"].errors) == {"agreed", "typed_name"}
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"version": None},
        {"version": "abc"},
        {"version": "1 OR 1=1"},
        {"typed_name": "Siti Nurhaliza" * 1000},
    ],
    ids=["no-version", "text-version", "injected-version", "huge-name"],
)
def test_malformed_input_changes_nothing(client, page, pact, overrides):
    response = client.post(page, form_data(pact, **overrides))
    assert response.status_code == 200 and response.context["form"].errors
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_a_text_changed_while_reading_shows_the_new_text(client, page, pact):
    old = form_data(pact)
    new = edit(pact, body="<p>Versi kedua yang baru.</p>")
    response = client.post(page, old)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Versi kedua yang baru." in html
    assert response.context["text_changed"]
    assert f'value="{new.pk}"' in html
    assert 'value="Siti Nurhaliza"' in html  # the typed name is kept
    assert not PactAcceptance.objects.exists()

    client.post(page, form_data(pact))
    assert PactAcceptance.objects.get().version == new


@pytest.mark.django_db
def test_a_double_submit_makes_one_acceptance(client, page, pact):
    first = client.post(page, form_data(pact))
    second = client.post(page, form_data(pact))
    assert first.status_code == second.status_code == 302
    assert PactAcceptance.objects.count() == 1


@pytest.mark.django_db
def test_another_events_pact_a_pact_not_required_and_not_enrolled_are_404(
    client, home_page, event, pact, siti
):
    other_pact = PactFactory()
    other_event = event_requiring(home_page, other_pact)
    client.force_login(siti)
    for event_id, pact_id in [
        (event.pk, other_pact.pk),  # a pact this event does not ask for
        (other_event.pk, other_pact.pk),  # an event she is not enrolled in
        (other_event.pk, pact.pk),
        (999999, pact.pk),
    ]:
        url = reverse("event_pact", args=[event_id, pact_id])
        assert client.get(url).status_code == 404
        assert client.post(url, form_data(pact)).status_code == 404
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_someone_else_cannot_use_a_participants_page(client, page, pact):
    client.force_login(ParticipantFactory(full_name="Siti Nurhaliza"))
    assert client.post(page, form_data(pact)).status_code == 404
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_script_in_the_pact_comes_out_inert(client, page, pact):
    edit(
        pact,
        title='<script>alert("judul")</script>Pakta',
        body='<p onmouseover="alert(1)">Janji</p><script>alert("isi")</script>'
        '<a href="javascript:alert(2)">tautan</a>',
    )
    html = client.get(page).content.decode()
    assert "Janji" in html
    assert '<script>alert("' not in html
    assert "onmouseover" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html  # the title is shown as text
