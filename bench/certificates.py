"""Certificate figures: issuing one, downloading one, and printing a hall's worth.

Bulk printing merges the stored, issued PDFs (lms.certificates.printing);
the naive baseline next to it renders each certificate separately with
WeasyPrint and concatenates the results, as most projects do. Both print the
same 300 certificates of the demo event in the same run. Peak memory is
measured in a forked child, so the figure is that of a process doing the
printing (Django, WeasyPrint and the data loaded), not a share of this one.
"""

import functools
import io
import os
import statistics
import tempfile
import time
import tracemalloc

from django.core.files.base import ContentFile
from django.db.models import Max
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.functional import empty
from pypdf import PdfReader, PdfWriter

from bench.harness import benchmark, median_ms
from lms.accounts.models import User
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate, private_storage
from lms.certificates.printing import write_print_files
from lms.certificates.rendering import render_certificate_pdf
from lms.certificates.saving import template_for
from lms.demo.events import demo_event
from lms.events.enrolment import enrol
from lms.events.models import Enrolment

BULK = 300
LARGE = 1000

# Realistic names: long ones that shrink, diacritics and apostrophes.
NAMES = [
    "Siti Aminah",
    "R.A. Siti Nur'aini Kusumawardhani, S.Sos.",
    "Nguyễn Thị Minh Khai",
    "Bambang Sutrisno",
    "Hj. Dewi Kartika Sari, S.E., M.Si.",
    "Yohanes Ferdinandus Manurung",
    "Agus",
    "Ni Luh Putu Ayu Ratnasari",
]
KELURAHAN = ["Pasar Baru", "Gunung Sahari Utara", "Mangga Dua Selatan", "Kartini"]


_scratch = tempfile.TemporaryDirectory(prefix="bench-certificates-")


def _use_scratch_storage() -> None:
    """Stores the run's 1,300 PDFs in a folder removed at exit, not the test media."""
    override_settings(PRIVATE_MEDIA_ROOT=_scratch.name).enable()
    private_storage._wrapped = empty  # set up again, from the overridden setting


@functools.cache
def _organiser() -> User:
    return User.objects.get(username="penyelenggara")


def _new_participants(count: int, *, start: int) -> list[User]:
    event = demo_event()
    users = []
    for number in range(start, start + count):
        user = User.objects.create_user(
            username=f"bench{number:04d}",
            full_name=f"{NAMES[number % len(NAMES)]} {number}",
            phone=f"+62819{number:07d}",
            position=f"Ketua RT {number % 20 + 1:03d}",
            institution_type="RT",
            kecamatan="sawah_besar",
            kelurahan=KELURAHAN[number % len(KELURAHAN)],
        )
        enrol(event=event, user=user, source=Enrolment.Source.IMPORT)
        users.append(user)
    return users


def _issue(user: User) -> Certificate:
    return issue_certificate(
        user=user,
        event=demo_event(),
        method=Certificate.Method.MANUAL,
        by=_organiser(),
        reason="Benchmark",
    )


@functools.cache
def _issued() -> tuple[list[Certificate], list[float]]:
    """BULK certificates issued through the real service, and the issue timings."""
    _use_scratch_storage()
    users = _new_participants(BULK, start=1)
    timings = []
    certificates = []
    for user in users:
        started = time.perf_counter()
        certificates.append(_issue(user))
        timings.append((time.perf_counter() - started) * 1000)
    return certificates, timings


@benchmark("certificate_issue", unit="ms", target=60)
def certificate_issue() -> float:
    """One certificate issued: numbering, snapshot, render, hash, store (median).

    Skips the first few issues of the run as warm-up (fonts, templates).
    """
    _certificates, timings = _issued()
    return round(statistics.median(timings[3:]), 1)


@benchmark("certificate_download", unit="ms", target=10)
def certificate_download() -> float:
    """A participant downloads their issued certificate through the view."""
    certificate = _issued()[0][0]
    client = Client()
    client.force_login(certificate.user)
    url = reverse("certificate_download", args=[certificate.pk])

    def download():
        response = client.get(url)
        b"".join(response.streaming_content)
        response.close()

    return median_ms(download, repeat=50)


def _print(certificates, *, with_zip: bool = True) -> None:
    with tempfile.TemporaryFile() as pdf, tempfile.TemporaryFile() as archive:
        write_print_files(
            certificates=certificates,
            pdf_out=pdf,
            zip_out=archive if with_zip else None,
        )


@functools.cache
def _bulk_ms_per_certificate() -> float:
    certificates = _issued()[0]
    samples = []
    for _ in range(3):
        started = time.perf_counter()
        _print(certificates)
        samples.append((time.perf_counter() - started) * 1000 / len(certificates))
    return round(statistics.median(samples), 2)


@functools.cache
def _naive_ms_per_certificate() -> float:
    """One WeasyPrint render per certificate, the pages concatenated into one PDF."""
    certificates = _issued()[0]
    template = template_for(demo_event())
    started = time.perf_counter()
    writer = PdfWriter()
    for certificate in certificates:
        pdf = render_certificate_pdf(snapshot=certificate.snapshot, template=template)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
    with tempfile.TemporaryFile() as out:
        writer.write(out)
    return round((time.perf_counter() - started) * 1000 / len(certificates), 2)


@benchmark("certificate_bulk_300_per_cert", unit="ms", target=20)
def certificate_bulk_300_per_cert() -> float:
    """Bulk printing 300 issued certificates (one PDF and the ZIP), per certificate."""
    return _bulk_ms_per_certificate()


@benchmark("certificate_naive_300_per_cert", unit="ms", target=300)
def certificate_naive_300_per_cert() -> float:
    """The baseline: a separate render per certificate, concatenated (reference)."""
    return _naive_ms_per_certificate()


@benchmark("certificate_bulk_speedup", unit="x", target=3, better="higher")
def certificate_bulk_speedup() -> float:
    """How many times faster per certificate bulk printing is than the baseline."""
    return round(_naive_ms_per_certificate() / _bulk_ms_per_certificate(), 1)


def _peak_mb_in_child(certificates) -> float:
    """Peak resident memory (MB) of a forked process that prints ``certificates``.

    The child starts with this process's memory (Django, WeasyPrint, the data),
    so the figure is the whole printing process, not only what printing adds.
    """
    pid = os.fork()
    if pid == 0:  # the child: print, then leave without running any cleanup
        try:
            _print(certificates)
        finally:
            os._exit(0)
    _pid, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("The printing child failed.")
    return round(usage.ru_maxrss / 1024, 1)  # Linux reports KiB


@benchmark("certificate_bulk_300_peak_mb", unit="MB", target=600)
def certificate_bulk_300_peak_mb() -> float:
    return _peak_mb_in_child(_issued()[0])


@benchmark("certificate_bulk_1000_peak_mb", unit="MB", target=600)
def certificate_bulk_1000_peak_mb() -> float:
    """1,000 certificates in one PDF (and the ZIP).

    Issuing 1,000 through WeasyPrint would take minutes, so the 700 beyond the
    300 issued ones are certificate rows whose stored files are copies of
    issued files, each in its own file like a real issue.
    """
    return _peak_mb_in_child(_thousand())


@functools.cache
def _thousand() -> list[Certificate]:
    issued = _issued()[0]
    return issued + _copies(issued, LARGE - len(issued))


def _copies(issued: list[Certificate], count: int) -> list[Certificate]:
    users = _new_participants(count, start=BULK + 1)
    sequence = Certificate.objects.aggregate(Max("sequence"))["sequence__max"]
    copies = []
    for index, user in enumerate(users):
        source = issued[index % len(issued)]
        sequence += 1
        with source.pdf.open("rb") as stored:
            data = stored.read()
        copy = Certificate(
            series=source.series,
            sequence=sequence,
            number=f"{source.number}-salinan-{index}",
            event=source.event,
            user=user,
            template=source.template,
            snapshot={**source.snapshot, "name": user.full_name},
            sha256=source.sha256,
            verification_code=f"bench-copy-{index}",
            method=source.method,
            rendered_at=source.rendered_at,
        )
        copy.pdf.save(f"bench-copy-{index}.pdf", ContentFile(data), save=False)
        copy.save()
        copies.append(copy)
    return copies


@benchmark("certificate_bulk_1000_heap_mb", unit="MB", target=600)
def certificate_bulk_1000_heap_mb() -> float:
    """The Python heap's peak while printing the 1,000 (tracemalloc), for the docs."""
    certificates = _thousand()
    tracemalloc.start()
    try:
        _print(certificates)
        return round(tracemalloc.get_traced_memory()[1] / 1024 / 1024, 1)
    finally:
        tracemalloc.stop()
