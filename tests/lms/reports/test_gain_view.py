"""The learning-gain page: its numbers come from the results, and only organisers see it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import ParticipantFactory
from tests.lms.events.event_builders import attempt, enrol, make_event, make_test

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page):
    event = make_event(home_page)
    pre = make_test(event, "pre_test", slug="pre-test")
    post = make_test(event, "post_test", slug="post-test")
    scores = [
        ("rt", "Kartini", "40", "70"),  # gain 30, g = 30/60 = 0.5
        ("rt", "Kartini", "80", "90"),  # gain 10, g = 10/20 = 0.5
        ("pkk", "Pasar Baru", "60", "50"),  # gain -10, g = -10/40 = -0.25
        ("pkk", "Pasar Baru", "50", None),  # pre-test only
    ]
    for institution, kelurahan, pre_score, post_score in scores:
        user = ParticipantFactory(institution_type=institution, kelurahan=kelurahan)
        enrol(event, user)
        attempt(pre, user, percent=Decimal(pre_score))
        if post_score:
            attempt(post, user, percent=Decimal(post_score))
    return event


def page_of(client, event) -> str:
    return client.get(
        reverse("lms_event_admin:learning_gain", args=[event.pk])
    ).content.decode()


def test_the_event_and_each_group(client, organiser, in_english, event):
    client.force_login(organiser)
    page = page_of(client, event)

    # Paired: 3. Means: pre (40+80+60)/3 = 60, post (70+90+50)/3 = 70, gain 10,
    # g (0.5+0.5-0.25)/3 = 0.25.
    assert '<th scope="row">Took both tests</th><td>3</td>' in page
    for value in ("60.00", "70.00", "10.00", "0.25", "2 / 0 / 1"):
        assert value in page
    # By kelurahan: Kartini gains 20 on average; Pasar Baru -10, one pre-test only.
    assert "Kartini" in page and "20.00" in page and "-10.00" in page
    assert page.count('role="img"') == 3  # scores, by institution, by kelurahan


def test_an_event_without_scores_says_not_enough_data(
    client, organiser, in_english, home_page
):
    client.force_login(organiser)
    empty = make_event(home_page, slug="kosong", title="Kosong")

    page = page_of(client, empty)

    assert "not enough data" in page
    assert "Not enough data for a chart" in page


@pytest.mark.parametrize("who", ["participant", "speaker"])
def test_others_are_refused(client, event, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("lms_event_admin:learning_gain", args=[event.pk]))

    assert response.status_code in (302, 403)
    assert b"Took both tests" not in response.content
