"""The certificate register on Wagtail's listing: filters, search, sorting, spreadsheets.

The issue, revoke and re-issue views behind the page have their own tests
(``test_certificate_admin.py``); these read the register as an organiser does
and check that what they download is what they saw.
"""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import datetime
import re
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from lms.certificates import issuing
from lms.certificates.models import Certificate
from lms.certificates.revoking import reissue_certificate, revoke_certificate
from lms.core.spreadsheets import neutralise_formula
from tests.factories import ParticipantFactory
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_render,
    post_test,
    qualify,
)
from tests.lms.certificates.test_certificate_admin import (  # noqa: F401 - fixture
    admin,
    issued,
    url,
)
from tests.lms.events.event_builders import enrol, make_event
from tests.lms.events.listing_reading import body, csv_rows, xlsx_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

HEADINGS = [
    "Certificate number",
    "Name",
    "Institution",
    "Kelurahan",
    "Issued",
    "Status",
]
# The spreadsheet adds why each revoked certificate was revoked.
SPREADSHEET_HEADINGS = [
    *HEADINGS,
    "Public reason for revoking",
    "Organisers' note on revoking",
]


def register_url(event, **query) -> str:
    return url("certificates", event) + ("?" + urlencode(query) if query else "")


def _issued_on(certificate, day: int) -> Certificate:
    """Moves the issue time to ``day`` September 2023, 10:00 in Jakarta."""
    moment = timezone.make_aware(datetime.datetime(2023, 9, day, 10, 0))
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=moment)
    return certificate


@pytest.fixture
def register(fake_render, event, post_test, organiser) -> dict[str, Certificate]:
    """One certificate in each state, issued on different days, in two kelurahan.

    Numbers follow the issue order: ani 001, budi 002, citra 003, dedi 004
    (replaced by 004-R2), eka 005 (being prepared).
    """

    def person(name, kelurahan="Kartini", **fields):
        return ParticipantFactory(full_name=name, kelurahan=kelurahan, **fields)

    ani = _issued_on(issued(event, post_test, person("Ani Lestari")), 5)
    budi = _issued_on(
        issued(event, post_test, person('=HYPERLINK("x")', "Pasar Baru")), 3
    )
    citra = _issued_on(issued(event, post_test, person("Citra Dewi")), 4)
    revoke_certificate(
        certificate=citra,
        by=organiser,
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
        note="Tidak hadir",
    )
    dedi = _issued_on(issued(event, post_test, person("Dedi Kurniawan")), 1)
    dedi_again = reissue_certificate(certificate=dedi, by=organiser, reason="Nama")
    _issued_on(dedi_again, 6)
    eka_user = person("Eka Saputra", "Pasar Baru", institution_type="pkk")
    qualify(event, post_test, eka_user)
    eka = issuing._take_number(
        user=eka_user,
        event=event,
        quiz=None,
        method=Certificate.Method.AUTOMATIC,
        by=None,
        reason="",
    )
    _issued_on(eka, 2)
    return {
        "ani": ani,
        "budi": budi,
        "citra": citra,
        "dedi": dedi,
        "dedi_again": dedi_again,
        "eka": eka,
    }


def screen(page: str) -> tuple[list[str], list[list[str]]]:
    """The register table's headings and rows as read: without the rows' menus
    and the notes under the values."""
    table = BeautifulSoup(page, "html.parser").select_one("#listing-results table")
    for extra in table.select("ul.actions, .w-help-text"):
        extra.decompose()

    def text(cell):
        return " ".join(cell.get_text(" ", strip=True).split())

    headings = [text(th) for th in table.select("thead th")]
    rows = [[text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    return headings, rows


def numbers_on(admin, event, **query) -> list[str]:
    response = admin.get(register_url(event, **query))
    assert response.status_code == 200
    return [row[0] for row in screen(response.content.decode())[1]]


def numbers(register, *names) -> list[str]:
    return [register[name].number for name in names]


def test_each_row_says_where_its_certificate_stands(admin, event, register):
    headings, rows = screen(admin.get(register_url(event)).content.decode())

    assert headings == HEADINGS
    by_number = {row[0]: row for row in rows}
    assert by_number[register["ani"].number][1:] == [
        "Ani Lestari",
        "RT",
        "Kartini",
        "5 Sep 2023 10:00",
        "Valid",
    ]
    assert by_number[register["citra"].number][5] == "Revoked"
    assert by_number[register["dedi"].number][5] == (
        f"Replaced by {register['dedi_again'].number}"
    )
    assert by_number[register["eka"].number][2:] == [
        "PKK",
        "Pasar Baru",
        "2 Sep 2023 10:00",
        "Being prepared",
    ]


def test_only_what_can_still_be_done_is_offered_on_a_row(admin, event, register):
    page = admin.get(register_url(event)).content.decode()

    def offered(name, action):
        return url(action, event, register[name].pk) in page

    assert offered("ani", "certificate_revoke") and offered(
        "ani", "certificate_reissue"
    )
    assert offered("citra", "certificate_admin_download")  # kept for the record
    assert not offered("citra", "certificate_revoke")
    assert not offered("dedi", "certificate_reissue")
    assert offered("eka", "certificate_revoke")
    assert not offered("eka", "certificate_admin_download")  # no PDF yet


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("valid", ["ani", "budi", "dedi_again"]),
        ("preparing", ["eka"]),
        ("revoked", ["citra"]),
        ("replaced", ["dedi"]),
    ],
)
def test_filters_by_status(admin, event, register, status, expected):
    assert numbers_on(admin, event, status=status) == numbers(register, *expected)


def test_filters_by_kelurahan(admin, event, register):
    assert numbers_on(admin, event, kelurahan="Pasar Baru") == numbers(
        register, "budi", "eka"
    )


def test_searches_names_and_numbers(admin, event, register):
    assert numbers_on(admin, event, q="lestari") == numbers(register, "ani")
    assert numbers_on(admin, event, q=register["dedi"].number) == numbers(
        register, "dedi", "dedi_again"
    )
    assert numbers_on(admin, event, q="-R2") == numbers(register, "dedi_again")


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("number", ["ani", "budi", "citra", "dedi", "dedi_again", "eka"]),
        ("-number", ["eka", "dedi_again", "dedi", "citra", "budi", "ani"]),
        # "=" sorts before letters; Dedi's two versions keep their number order.
        ("name", ["budi", "ani", "citra", "dedi", "dedi_again", "eka"]),
        ("issued_at", ["dedi", "eka", "budi", "citra", "ani", "dedi_again"]),
        ("-issued_at", ["dedi_again", "ani", "citra", "budi", "eka", "dedi"]),
    ],
)
def test_sorts_by_number_name_and_issue_date(
    admin, event, register, ordering, expected
):
    assert numbers_on(admin, event, ordering=ordering) == numbers(register, *expected)


@pytest.mark.parametrize(
    "query",
    [
        {"ordering": "sha256"},
        {"status": "deleted"},
        {"kelurahan": "<script>alert(1)</script>"},
        {"p": "999"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_odd_queries_get_a_page_and_no_markup(admin, event, register, query):
    response = admin.get(register_url(event, **query))

    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def _issued_text(value) -> str:
    """A spreadsheet's issue time as the screen words it."""
    if isinstance(value, str):
        value = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M")
    return formats.date_format(value, "j M Y H:i")


def test_the_csv_has_the_screens_rows_and_columns(admin, event, register):
    query = {"ordering": "-issued_at", "kelurahan": "Kartini"}
    headings, rows = screen(admin.get(register_url(event, **query)).content.decode())
    response = admin.get(register_url(event, export="csv", **query))
    header, *lines = csv_rows(response)

    assert response["Content-Disposition"].endswith(f'sertifikat-{event.slug}.csv"')
    assert headings == HEADINGS and header == SPREADSHEET_HEADINGS
    issued_at = HEADINGS.index("Issued")
    for line in lines:
        line[issued_at] = _issued_text(line[issued_at])
    assert [line[: len(HEADINGS)] for line in lines] == rows and len(rows) == 4
    why_revoked = {line[0]: line[len(HEADINGS) :] for line in lines}
    assert why_revoked == {
        register["ani"].number: ["", ""],
        register["citra"].number: ["Issued in error", "Tidak hadir"],
        register["dedi"].number: ["Replaced by a new certificate", "Nama"],
        register["dedi_again"].number: ["", ""],
    }


def test_the_status_note_has_the_public_reason_and_the_private_note(
    admin, event, register
):
    page = BeautifulSoup(admin.get(register_url(event)).content, "html.parser")
    status_cells = [
        row.find_all("td")[HEADINGS.index("Status")]
        for row in page.select("#listing-results tbody tr")
    ]
    _headings, rows = screen(str(page))
    notes = {
        row[0]: " ".join(note.get_text(" ", strip=True).split())
        for row, cell in zip(rows, status_cells, strict=True)
        for note in cell.select(".w-help-text")
    }
    assert notes[register["citra"].number].endswith(": Issued in error (Tidak hadir)")
    assert notes[register["dedi"].number].endswith(
        ": Replaced by a new certificate (Nama)"
    )


def test_a_formula_looking_name_is_plain_text_in_the_csv(admin, event, register):
    response = admin.get(register_url(event, export="csv", q="HYPERLINK"))
    _header, budi = csv_rows(response)

    assert budi[1] == neutralise_formula('=HYPERLINK("x")') == '\'=HYPERLINK("x")'


def test_the_xlsx_has_the_screens_rows_and_columns(admin, event, register):
    query = {"status": "valid", "ordering": "name"}
    headings, rows = screen(admin.get(register_url(event, **query)).content.decode())
    response = admin.get(register_url(event, export="xlsx", **query))
    header, *lines = [list(row) for row in xlsx_rows(response)]

    assert headings == HEADINGS and header == SPREADSHEET_HEADINGS
    issued_at = HEADINGS.index("Issued")
    assert lines[0][issued_at] == datetime.datetime(2023, 9, 3, 10, 0)  # Jakarta time
    for line in lines:
        line[issued_at] = _issued_text(line[issued_at])
    assert [line[: len(HEADINGS)] for line in lines] == rows and len(rows) == 3


def _page_queries(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
        assert response.status_code == 200
        body(response)
    return len(queries)


def _add(event, post_test, organiser, *, valid=0, revoked=0, replaced=0, pending=0):
    """Certificates in each state; a replaced one brings its new version along."""
    for _ in range(valid):
        issued(event, post_test)
    for _ in range(revoked):
        certificate = issued(event, post_test)
        revoke_certificate(
            certificate=certificate, by=organiser, public_reason="issued_in_error"
        )
    for _ in range(replaced):
        certificate = issued(event, post_test)
        reissue_certificate(certificate=certificate, by=organiser, reason="y")
    for _ in range(pending):
        user = ParticipantFactory()
        qualify(event, post_test, user)
        issuing._take_number(
            user=user, event=event, quiz=None, method="automatic", by=None, reason=""
        )


@pytest.mark.parametrize(
    "query", [{}, {"ordering": "name", "status": "revoked"}, {"export": "csv"}]
)
def test_queries_do_not_grow_with_the_certificates(
    admin, fake_render, event, post_test, organiser, query
):
    address = register_url(event, **query)
    rows = url("certificates_rows", event) + "?" + urlencode(query)
    enrol(event, ParticipantFactory())  # someone the forms offer, at both sizes
    _add(event, post_test, organiser, revoked=1, pending=1)
    admin.get(address)  # warms what the first request caches
    few = (_page_queries(admin, address), _page_queries(admin, rows))
    _add(event, post_test, organiser, valid=4, revoked=2, replaced=2)
    assert Certificate.objects.filter(event=event).count() == 12

    assert (_page_queries(admin, address), _page_queries(admin, rows)) == few


@pytest.mark.parametrize("role", ["participant", "speaker"])
@pytest.mark.parametrize("query", [{}, {"export": "csv"}, {"export": "xlsx"}])
def test_participants_and_speakers_get_no_register(
    client, request, event, register, role, query
):
    client.force_login(request.getfixturevalue(role))
    for address in (
        register_url(event, **query),
        url("certificates_rows", event) + "?" + urlencode(query),
    ):
        response = client.get(address)
        assert response.status_code == 302, address
        assert b"Lestari" not in response.content


def test_another_events_register_is_empty(admin, home_page, event, register):
    other = make_event(home_page)
    page = admin.get(register_url(other)).content.decode()
    assert "No certificate has been issued for this event yet." in page
    assert register["ani"].number not in page


def test_a_failed_issue_keeps_the_register_and_its_links(admin, event, register):
    response = admin.post(url("certificates_issue_all", event), {"reason": "x" * 301})
    page = response.content.decode()

    assert response.status_code == 400
    assert "Ensure this value has at most 300 characters" in page
    assert screen(page)[1] == screen(admin.get(register_url(event)).content.decode())[1]
    register_address = register_url(event)
    assert f'href="{register_address}?export=csv"' in page
    assert url("certificates_issue_all", event) + "?export" not in page


def _link(page: str, ending: str) -> str:
    """The one address on ``page`` (a form's action or a menu item) ending in ``ending``."""
    (address,) = set(re.findall(rf'(?:href|action)="([^"?]*{ending})"', page))
    return address


def test_issuing_revoking_and_reissuing_from_the_page(
    admin, fake_render, event, post_test, organiser
):
    ani = issued(event, post_test, ParticipantFactory(full_name="Ani Lestari"))
    fajar = ParticipantFactory(full_name="Fajar Nugroho")
    qualify(event, post_test, fajar)
    gita = ParticipantFactory(full_name="Gita Permata")
    enrol(event, gita)  # enrolled, not complete
    page = admin.get(register_url(event)).content.decode()

    done = admin.post(_link(page, "/terbitkan-semua/"), {"reason": ""}, follow=True)
    assert "1 certificate issued." in done.content.decode()
    page = admin.post(
        _link(page, "/terbitkan/"),
        {"participant": gita.pk, "reason": "Tes di kertas"},
        follow=True,
    ).content.decode()
    assert "issued to Gita Permata" in page
    fajars = Certificate.objects.get(user=fajar)
    revoked = admin.post(
        _link(page, f"/{ani.pk}/cabut/"),
        {"public_reason": "issued_in_error", "note": "Tidak hadir"},
        follow=True,
    )
    reissued = admin.post(
        _link(page, f"/{fajars.pk}/terbitkan-ulang/"), {"reason": "Nama"}, follow=True
    )

    assert revoked.status_code == reissued.status_code == 200
    rows = [(row[1], row[5]) for row in screen(reissued.content.decode())[1]]
    new = Certificate.objects.get(replaces=fajars)
    assert rows == [  # in number order: Ani 001, Fajar 002 and 002-R2, Gita 003
        ("Ani Lestari", "Revoked"),
        ("Fajar Nugroho", f"Replaced by {new.number}"),
        ("Fajar Nugroho", "Valid"),
        ("Gita Permata", "Valid"),
    ]
