"""Bulk printing: the merged PDF and the ZIP, the print job, and the admin pages."""

import io
import subprocess
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from lms.certificates.concatenate import PdfConcatenator
from lms.certificates.models import PrintJob
from lms.certificates.printing import (
    certificates_for_print,
    run_print_job,
    start_print_job,
    write_print_files,
)
from lms.certificates.rendering import default_template, render_certificate_pdf
from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.lms.certificates.stubs import make_certificate
from tests.pdfs import decode_qr_codes, pdf_pages_text

# (name, kelurahan, sequence): the three orders all differ.
PEOPLE = [
    ("Citra Lestari", "Kartini", 1),
    ("Agus Salim", "Pasar Baru", 2),
    ("Budi Santoso", "Karang Anyar", 3),
    ("Ahmad Yani", "Kartini", 4),
]


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def events(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index), EventPageFactory(parent=index)


@pytest.fixture
def event(events):
    return events[0]


@pytest.fixture
def certificates(events):
    event, other_event = events
    issued = [
        make_certificate(event=event, name=name, kelurahan=kelurahan, sequence=seq)
        for name, kelurahan, seq in PEOPLE
    ]
    revoked = make_certificate(event=event, name="Dicabut Saja", sequence=5)
    revoked.revoked_at = timezone.now()
    revoked.save()
    make_certificate(event=other_event, name="Acara Lain", sequence=1)
    return issued


def stored_bytes(certificate) -> bytes:
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def first_lines(pdf: bytes) -> list[str]:
    """The name printed on each page (the stub prints it after the title)."""
    return [text.splitlines()[1] for text in pdf_pages_text(pdf)]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("name", ["Agus Salim", "Ahmad Yani", "Budi Santoso", "Citra Lestari"]),
        ("kelurahan", ["Budi Santoso", "Ahmad Yani", "Citra Lestari", "Agus Salim"]),
        ("number", ["Citra Lestari", "Agus Salim", "Budi Santoso", "Ahmad Yani"]),
    ],
)
def test_print_job_end_to_end_in_the_chosen_order(
    event, certificates, organiser, order, expected, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = start_print_job(event=event, order=order, by=organiser)
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE
    assert (job.done, job.total) == (4, 4)
    assert job.finished_at is not None

    with job.pdf.open("rb") as pdf_file:
        pdf = pdf_file.read()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 4
    assert first_lines(pdf) == expected

    by_name = {c.snapshot["name"]: c for c in certificates}
    with job.zip.open("rb") as zip_file, zipfile.ZipFile(zip_file) as archive:
        members = archive.namelist()
        assert len(members) == 4
        for member, name in zip(members, expected, strict=True):
            assert archive.read(member) == stored_bytes(by_name[name])


def test_revoked_and_other_events_certificates_are_left_out(event, certificates):
    printed = certificates_for_print(event=event, order="name")
    assert {c.snapshot["name"] for c in printed} == {name for name, *_ in PEOPLE}


def test_unknown_order_is_refused_and_changes_nothing(event, organiser):
    with pytest.raises(ValueError):
        start_print_job(event=event, order="random", by=organiser)
    assert not PrintJob.objects.exists()


def test_progress_is_reported_every_few_certificates(event):
    pdf = stored_bytes(make_certificate(event=event, name="Peserta 00", sequence=1))
    for seq in range(2, 26):  # the same bytes, to keep rendering out of the test
        make_certificate(event=event, name=f"Peserta {seq:02d}", sequence=seq, pdf=pdf)
    calls = []
    write_print_files(
        certificates=certificates_for_print(event=event, order="number"),
        pdf_out=io.BytesIO(),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls == [(10, 25), (20, 25), (25, 25)]


def test_a_failure_is_recorded_on_the_job(event, certificates, monkeypatch):
    job = PrintJob.objects.create(event=event, order="name")
    certificates[0].pdf.storage.delete(certificates[0].pdf.name)
    with pytest.raises(FileNotFoundError):
        run_print_job(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == PrintJob.Status.FAILED
    assert job.error
    assert not job.pdf


# The admin pages


def url(name, event, *args):
    return reverse(f"lms_event_admin:{name}", args=[event.pk, *args])


def test_organiser_starts_a_job_and_downloads_the_files(
    client, organiser, event, certificates, english, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    page = client.get(url("printing", event))
    assert "This event has 4 valid certificates." in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("printing", event), {"order": "kelurahan"})
    job = PrintJob.objects.get()
    assert response.status_code == 302
    assert response.url == url("print_job", event, job.pk)
    assert job.created_by == organiser

    state = client.get(url("print_job_state", event, job.pk)).json()
    assert state["status"] == "done"
    assert (state["done"], state["total"]) == (4, 4)
    assert state["pdf_url"] == url("print_job_download", event, job.pk, "pdf")

    page = client.get(url("print_job", event, job.pk))
    assert "Download the PDF for printing" in page.text

    pdf = client.get(state["pdf_url"])
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    assert len(PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages) == 4
    archive = client.get(state["zip_url"])
    assert archive["Content-Type"] == "application/zip"


def test_bad_order_gets_a_clear_error(client, organiser, event, certificates, english):
    client.force_login(organiser)
    response = client.post(url("printing", event), {"order": "<script>"})
    assert response.status_code == 200
    assert "Choose one of the orders shown." in response.text
    assert not PrintJob.objects.exists()


@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_are_refused(client, request, event, role):
    job = PrintJob.objects.create(event=event, order="name")
    client.force_login(request.getfixturevalue(role))
    for response in (
        client.get(url("printing", event)),
        client.post(url("printing", event), {"order": "name"}),
        client.get(url("print_job_state", event, job.pk)),
        client.get(url("print_job_download", event, job.pk, "pdf")),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_home"))
    assert PrintJob.objects.count() == 1


def test_another_events_job_is_a_404(client, organiser, events, certificates):
    event, other_event = events
    job = PrintJob.objects.create(event=other_event, order="name")
    run_print_job(job_id=job.pk)
    client.force_login(organiser)
    for name, args in [
        ("print_job", [job.pk]),
        ("print_job_state", [job.pk]),
        ("print_job_download", [job.pk, "pdf"]),
    ]:
        assert client.get(url(name, event, *args)).status_code == 404


def test_unfinished_jobs_and_unknown_kinds_have_no_download(client, organiser, event):
    job = PrintJob.objects.create(event=event, order="name")
    client.force_login(organiser)
    assert (
        client.get(url("print_job_download", event, job.pk, "pdf")).status_code == 404
    )
    assert (
        client.get(url("print_job_download", event, job.pk, "exe")).status_code == 404
    )


def test_merged_pages_are_the_issued_pages(db):
    """Real certificates (fonts, logos, QR code) survive the merge unchanged."""
    template = default_template()
    urls = [f"http://testserver/v/kode{n}/" for n in range(3)]
    originals = [
        render_certificate_pdf(
            snapshot={
                "name": name,
                "institution": "Ketua RT 005 · RT",
                "kelurahan": "Kartini",
                "event_title": "Peningkatan Kapasitas Lembaga Kemasyarakatan",
                "event_dates": "Rabu, 27 September 2023",
                "venue": "Aula Kantor Kecamatan Sawah Besar",
                "hours_jp": 4,
                "score": "87",
                "number": f"00{n}/SERT/KEG1/IX/2023",
                "issue_date": "27 September 2023",
                "verification_url": url,
            },
            template=template,
        )
        for n, (name, url) in enumerate(
            zip(
                ["Nguyễn Thị Minh Khai", "R.A. Siti Nur'aini", "Agus"],
                urls,
                strict=True,
            )
        )
    ]
    out = io.BytesIO()
    merger = PdfConcatenator(out)
    for original in originals:
        merger.add(io.BytesIO(original))
    merger.close()
    merged = out.getvalue()

    reader = PdfReader(io.BytesIO(merged), strict=True)
    assert len(reader.pages) == 3
    assert pdf_pages_text(merged) == [pdf_pages_text(pdf)[0] for pdf in originals]
    assert decode_qr_codes(merged) == urls
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all("/FontFile2" in _descriptor(font) for font in fonts.values())
    assert _pixels(merged, page=2) == _pixels(originals[1], page=1)


def _descriptor(font) -> dict:
    font = font.get_object()
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"]


def _pixels(pdf: bytes, *, page: int) -> bytes:
    """One page as a greyscale bitmap, the way a printer driver would see it."""
    done = subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    assert not done.stderr, done.stderr  # poppler complains of any damage
    return done.stdout
