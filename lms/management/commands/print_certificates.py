import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.certificates.models import PrintJob
from lms.certificates.printing import certificates_for_print, write_print_files
from lms.events.models import EventPage


class Command(BaseCommand):
    """Bulk printing from the shell, for an organiser with server access or a script.

    Does what the admin's print job does (:mod:`lms.certificates.printing`)
    but writes to the files given, showing progress as it goes. Files appear
    only when complete: each is written beside its target and then renamed, so
    a failure halfway never leaves a truncated PDF that looks finished.
    """

    help = (
        "Write one print-ready PDF (and optionally a ZIP) of an event's certificates."
    )

    def add_arguments(self, parser):
        parser.add_argument("--event", required=True, help="The event page's slug.")
        parser.add_argument("--output", required=True, help="The PDF file to write.")
        parser.add_argument("--zip", help="Also write a ZIP of the separate PDFs.")
        parser.add_argument(
            "--order",
            choices=PrintJob.Order.values,
            default=PrintJob.Order.NAME,
            help="Sort by participant name (default), kelurahan then name, or number.",
        )

    def handle(self, *args, **options):
        event = self._event(options["event"])
        certificates = certificates_for_print(event=event, order=options["order"])
        if not certificates:
            raise CommandError(f"Event {event.slug!r} has no valid certificates.")
        outputs = [Path(options["output"])]
        if options["zip"]:
            outputs.append(Path(options["zip"]))
        for output in outputs:
            if not output.parent.is_dir():
                raise CommandError(f"Folder {output.parent} does not exist.")

        temporaries = [self._temporary_beside(output) for output in outputs]
        try:
            handles = [open(temporary, "wb") for temporary in temporaries]  # noqa: SIM115
            try:
                write_print_files(
                    certificates=certificates,
                    pdf_out=handles[0],
                    zip_out=handles[1] if len(handles) > 1 else None,
                    progress=self._show_progress,
                )
            finally:
                for handle in handles:
                    handle.close()
            for temporary, output in zip(temporaries, outputs, strict=True):
                os.replace(temporary, output)
        finally:
            for temporary in temporaries:
                temporary.unlink(missing_ok=True)
        self.stdout.write("")
        for output in outputs:
            self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))

    def _event(self, slug: str) -> EventPage:
        events = list(EventPage.objects.filter(slug=slug)[:2])
        if not events:
            raise CommandError(f"No event with slug {slug!r}.")
        if len(events) > 1:
            raise CommandError(
                f"More than one event has slug {slug!r}; rename one in the admin."
            )
        return events[0]

    def _temporary_beside(self, output: Path) -> Path:
        handle, name = tempfile.mkstemp(
            prefix=f".{output.name}.", suffix=".part", dir=output.parent
        )
        os.close(handle)
        return Path(name)

    def _show_progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stdout.write(f"\r[{bar}] {done}/{total}", ending="")
        self.stdout.flush()
