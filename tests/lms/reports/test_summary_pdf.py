"""The event summary PDF as organisers download it: rendered by the real WeasyPrint,
read back as text (tests/pdfs.py), in Bahasa Indonesia whatever the admin's language.

Expected words are looked up in the catalogue (``in_indonesian``) rather than
written out, so the tests hold before and after their translations are compiled.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from tests.factories import ParticipantFactory
from tests.lms.events.evaluation_builders import make_evaluation
from tests.lms.events.event_builders import enrol, make_event
from tests.lms.reports.summary_builders import SPEAKERS, crowded_event, summary_event
from tests.pdfs import pdf_pages_text

pytestmark = pytest.mark.django_db


def in_indonesian(text: str, context: str | None = None) -> str:
    with translation.override("id"):
        return pgettext(context, text) if context else gettext(text)


def summary_url(event) -> str:
    return reverse("lms_event_admin:summary_pdf", args=[event.pk])


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def pages_of(client, event) -> list[str]:
    response = client.get(summary_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # pypdf keeps a line's words apart with single spaces or line breaks.
    return [" ".join(page.split()) for page in pdf_pages_text(response.content)]


def page_with(pages: list[str], heading: str) -> str:
    return next(page for page in pages if heading in page)


def test_the_figures_worked_out_by_hand_are_printed(organiser_client, home_page):
    event = summary_event(home_page)

    pages = pages_of(organiser_client, event)

    first = pages[0]
    assert "Peningkatan Kapasitas Uji" in first
    assert all(speaker in first for speaker in SPEAKERS)
    # Attendance: 5 enrolled, 3 checked in, 2 complete; RT 2 / 2 / 2.
    assert f"5 {in_indonesian('enrolled', 'event hub count')}" in first
    assert f"3 {in_indonesian('checked in', 'event hub count')}" in first
    assert f"2 {in_indonesian('complete', 'event hub count')}" in first
    assert "RT 2 2 2" in first and "Pasar Baru 2 1 0" in first
    # Results: pre-test mean 57.5 and median 55; post-test 2 of 3 passed.
    assert "57,50" in first and "55,00" in first and "66,67%" in first
    # Learning gain, on its own page: 3 paired, g = 0.25, 2 up, 1 down.
    gain = page_with(pages, in_indonesian("Learning gain"))
    assert "0,25" in gain and "2 / 0 / 1" in gain
    assert in_indonesian("Scores before and after") in gain  # the chart's title
    # The annex: Budi's valid certificate is the re-issued one.
    annex = page_with(pages, in_indonesian("Annex: participants' results"))
    assert re.search(r"Budi RT Kartini 80 90 10 \S+ 003/SERT", annex)


def test_the_evaluation_is_printed(organiser_client, home_page):
    pages = pages_of(organiser_client, summary_event(home_page))

    evaluation = page_with(pages, in_indonesian("How participants rated the event"))
    with translation.override("id"):
        responses = ngettext(
            "%(counter)s response from %(enrolled)s enrolled participants.",
            "%(counter)s responses from %(enrolled)s enrolled participants.",
            3,
        ) % {"counter": 3, "enrolled": 5}
    assert responses in evaluation
    # Materi bermanfaat: n 3, mean 3.7, 66.7 % agree; Ahmad: n 2, 4.0, 100 %.
    assert "Materi bermanfaat 3 3,7 66,7%" in evaluation
    assert re.search(r"KPU Kota Jakarta Pusat\) 2 4,0 100,0%", evaluation)
    assert "Waktunya kurang panjang." in evaluation
    # Typed as entities, printed as the characters, not run as markup.
    assert "<script>alert(1)</script>" in evaluation.replace(" ", "")


def test_comments_beyond_the_first_ten_are_counted(organiser_client, home_page):
    text = " ".join(pages_of(organiser_client, crowded_event(home_page, 12)))

    assert "Komentar peserta 09." in text and "Komentar peserta 10." not in text
    with translation.override("id"):
        more = ngettext(
            "And %(counter)s more comment on the evaluation page.",
            "And %(counter)s more comments on the evaluation page.",
            2,
        ) % {"counter": 2}
    assert more in text


def test_an_evaluation_nobody_answered_says_so(organiser_client, home_page):
    event = make_event(home_page)
    enrol(event, ParticipantFactory())
    make_evaluation(event)

    text = " ".join(pages_of(organiser_client, event))

    nobody = "No participant has answered the evaluation yet (%(enrolled)s enrolled)."
    assert in_indonesian(nobody) % {"enrolled": 1} in text
    assert in_indonesian("How participants rated the event") not in text


def test_the_footer_numbers_the_pages(organiser_client, home_page):
    pages = pages_of(organiser_client, summary_event(home_page))

    with translation.override("id"):
        for number, page in enumerate(pages, start=1):
            expected = gettext("Page %(number)s of %(total)s") % {
                "number": number,
                "total": len(pages),
            }
            assert expected in page


def test_an_event_with_nobody_still_prints(organiser_client, home_page):
    pages = pages_of(organiser_client, make_event(home_page, title="Kegiatan Kosong"))

    text = " ".join(pages)
    assert "Kegiatan Kosong" in text
    assert in_indonesian("not enough data") in text
    assert in_indonesian("Not enough data for a chart") in text
    assert in_indonesian("Nobody is enrolled in this event.") in text
    assert in_indonesian("This event has no evaluation form.") in text


def test_names_are_printed_as_text_not_markup(organiser_client, home_page):
    event = make_event(home_page)
    enrol(event, ParticipantFactory(full_name="<script>alert(1)</script><b>Ani"))

    text = " ".join(pages_of(organiser_client, event))

    # Printed whole, as typed (a narrow column may wrap it onto two lines).
    assert "<script>alert(1)</script><b>Ani" in text.replace(" ", "")


def test_the_annex_repeats_its_header_and_keeps_rows_whole(organiser_client, home_page):
    """Long names wrap onto several lines; each row stays on one page."""
    event = make_event(home_page)
    for number in range(40):
        enrol(
            event,
            ParticipantFactory(
                full_name=f"Awal{number:02d} Siti Nurhaliza Rahmawati Kusumawardhani "
                f"Purnamasari Akhir{number:02d}"
            ),
        )

    pages = pages_of(organiser_client, event)

    annex_start = pages.index(
        page_with(pages, in_indonesian("Annex: participants' results"))
    )
    annex = pages[annex_start:]
    assert len(annex) > 1
    header = in_indonesian("Certificate number")
    assert all(header in page for page in annex)
    for number in range(40):
        start = next(page for page in annex if f"Awal{number:02d}" in page)
        assert f"Akhir{number:02d}" in start


def test_queries_do_not_grow_with_participants(organiser_client, home_page):
    small = crowded_event(home_page, 2, slug="kecil")
    large = crowded_event(home_page, 12, slug="besar")
    organiser_client.get(summary_url(small))  # sessions, content types, site

    counts = []
    for event in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert organiser_client.get(summary_url(event)).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


@pytest.mark.parametrize("who", ["participant", "speaker"])
def test_others_are_refused(client, home_page, request, who):
    event = summary_event(home_page)
    client.force_login(request.getfixturevalue(who))

    response = client.get(summary_url(event))

    assert response.status_code in (302, 403)
    assert response["Content-Type"] != "application/pdf"


def test_anonymous_visitors_are_sent_to_log_in(client, home_page):
    response = client.get(summary_url(make_event(home_page)))

    assert response.status_code == 302


def test_the_hub_and_both_report_pages_link_to_it(organiser_client, home_page):
    event = make_event(home_page)
    link = f'href="{summary_url(event)}"'

    for name in ("event", "results", "learning_gain"):
        page = organiser_client.get(reverse(f"lms_event_admin:{name}", args=[event.pk]))
        assert link in page.content.decode(), name
