"""Bulk printing: one print-ready PDF of an event's valid certificates, and a ZIP.

The files are built from the stored, issued PDFs (promise 7, docs/architecture.md), never by
rendering again: copying pages is many times faster than laying them out, and
what the organiser prints is byte for byte what participants download and what
the verification page vouches for. Pages are written out as they are copied
(:mod:`lms.certificates.concatenate`) to temporary files, then moved into
the private storage, so memory stays flat however large the event.
"""

import io
import logging
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from typing import BinaryIO

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from lms.certificates.concatenate import PdfConcatenator
from lms.certificates.models import Certificate, PrintJob, private_storage

logger = logging.getLogger(__name__)

# How often a running job writes its progress: often enough for a smooth bar,
# rarely enough that the writes cost nothing next to the copying.
PROGRESS_EVERY = 10

Progress = Callable[[int, int], None]


def certificates_for_print(*, event, order: str) -> list[Certificate]:
    """An event's valid certificates in the organiser's chosen order.

    Only those whose PDF is stored: one still being prepared has nothing to
    print yet (it is a moment's wait, or a retry, away). Sorted on what was printed (the snapshot), so the pile matches the names on
    the paper even if an account was renamed since.
    """
    certificates = list(
        Certificate.objects.valid()
        .rendered()
        .filter(event=event)
        .only("pk", "number", "series", "sequence", "version", "snapshot", "pdf")
    )

    def name(certificate):
        return certificate.snapshot.get("name", "").casefold()

    if order == PrintJob.Order.NAME:
        key = lambda c: (name(c), c.sequence)  # noqa: E731
    elif order == PrintJob.Order.KELURAHAN:
        key = lambda c: (c.snapshot.get("kelurahan", "").casefold(), name(c))  # noqa: E731
    elif order == PrintJob.Order.NUMBER:
        key = lambda c: (c.series, c.sequence, c.version)  # noqa: E731
    else:
        raise ValueError(f"Unknown print order: {order!r}")
    return sorted(certificates, key=key)


def zip_member_name(position: int, certificate: Certificate) -> str:
    """``001-siti-aminah-007-sert-pk-ix-2023.pdf``: sorts in print order, safe everywhere."""
    name = slugify(certificate.snapshot.get("name", ""))[:60] or "sertifikat"
    return f"{position:04d}-{name}-{slugify(certificate.number)[:60]}.pdf"


def write_print_files(
    *,
    certificates: Iterable[Certificate],
    pdf_out: BinaryIO,
    zip_out: BinaryIO | None = None,
    progress: Progress | None = None,
    every: int = PROGRESS_EVERY,
) -> int:
    """Writes the merged PDF (and the ZIP) of ``certificates``; returns how many.

    ``progress(done, total)`` is called every ``every`` certificates and at the end.
    """
    certificates = list(certificates)
    total = len(certificates)
    concatenator = PdfConcatenator(pdf_out)
    archive = (
        zipfile.ZipFile(zip_out, "w", compression=zipfile.ZIP_STORED)
        if zip_out is not None
        else None
    )
    try:
        for done, certificate in enumerate(certificates, start=1):
            with private_storage.open(certificate.pdf.name, "rb") as stored:
                data = stored.read()
            concatenator.add(io.BytesIO(data))
            if archive is not None:
                # PDFs are compressed already; storing them is faster and as small.
                archive.writestr(zip_member_name(done, certificate), data)
            if progress and (done % every == 0 or done == total):
                progress(done, total)
        concatenator.close()
    finally:
        if archive is not None:
            archive.close()
    return total


@transaction.atomic
def start_print_job(*, event, order: str, by) -> PrintJob:
    """Records a print request and queues it; the worker does the printing.

    Counted now so the page can say "0 of 300" at once.
    """
    if order not in PrintJob.Order.values:
        raise ValueError(f"Unknown print order: {order!r}")
    job = PrintJob.objects.create(
        event=event,
        order=order,
        created_by=by,
        total=Certificate.objects.valid().rendered().filter(event=event).count(),
    )
    from lms.certificates.tasks import print_certificates_task

    # Queued once the row is committed, so a database worker always finds it.
    transaction.on_commit(lambda: print_certificates_task.enqueue(job.pk))
    return job


def run_print_job(*, job_id: int) -> PrintJob:
    """Prints one job into the private storage, recording progress and the outcome.

    A failure is recorded on the job for the organiser to see, then raised again
    so the task worker logs it too.
    """
    job = PrintJob.objects.select_related("event").get(pk=job_id)
    certificates = certificates_for_print(event=job.event, order=job.order)
    PrintJob.objects.filter(pk=job.pk).update(
        status=PrintJob.Status.RUNNING, total=len(certificates), done=0
    )

    def record(done: int, total: int) -> None:
        PrintJob.objects.filter(pk=job.pk).update(done=done)

    stem = f"sertifikat-{slugify(job.event.title)[:50]}-{job.pk}"
    try:
        with (
            tempfile.TemporaryFile() as pdf_file,
            tempfile.TemporaryFile() as zip_file,
        ):
            write_print_files(
                certificates=certificates,
                pdf_out=pdf_file,
                zip_out=zip_file,
                progress=record,
            )
            job.refresh_from_db()
            pdf_file.seek(0)
            zip_file.seek(0)
            job.pdf.save(f"{stem}.pdf", File(pdf_file), save=False)
            job.zip.save(f"{stem}.zip", File(zip_file), save=False)
        job.status = PrintJob.Status.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["pdf", "zip", "status", "finished_at"])
    except Exception as error:
        logger.exception("Print job %s failed", job.pk)
        PrintJob.objects.filter(pk=job.pk).update(
            status=PrintJob.Status.FAILED,
            error=str(error)[:2000],
            finished_at=timezone.now(),
        )
        raise
    return job
