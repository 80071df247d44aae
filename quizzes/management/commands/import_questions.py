"""``manage.py import_questions FILE --quiz SLUG_OR_ID``: a question bank into a quiz.

For organisers with a file on the server, and for scripted set-ups; the
admin upload does the same through the same functions.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.models import QuizPage
from quizzes.qbank import PARSERS, QbankError, parse_file
from quizzes.qbank.saving import import_questions, plan_import
from quizzes.qbank.text import html_to_text


class Command(BaseCommand):
    help = (
        "Import questions from a GIFT, Aiken or Moodle XML file into a quiz's pool, "
        "as a new unpublished revision. Nothing is imported if any question has "
        "an error, unless --skip-invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--quiz", required=True, help="The quiz page's slug or id.")
        parser.add_argument("--format", choices=sorted(PARSERS), dest="file_format",
                            help="Default: detected from the file.")  # fmt: skip
        parser.add_argument("--dry-run", action="store_true",
                            help="Check and list the questions; change nothing.")  # fmt: skip
        parser.add_argument("--skip-invalid", action="store_true",
                            help="Import the good questions and list the broken ones.")  # fmt: skip

    def handle(self, *args, file, quiz, file_format, dry_run, skip_invalid, **options):
        page = self._quiz(quiz)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            result = parse_file(
                data, file_format=file_format, skip_invalid=skip_invalid
            )
            if dry_run:
                plan = plan_import(result, skip_invalid=skip_invalid)
            else:
                plan = import_questions(
                    quiz=page, result=result, skip_invalid=skip_invalid
                )
        except QbankError as error:
            raise CommandError(str(error)) from None
        for question, kind, _data in plan.blocks:
            self.stdout.write(
                f"{question.source}: {kind}: {html_to_text(question.text)[:70]}"
            )
            for note in question.notes:
                self.stdout.write(f"    {note}")
        for skipped in plan.skipped:
            self.stdout.write(
                self.style.WARNING(f"Skipped {skipped.where}: {skipped.reason}")
            )
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(
            f"{verb} {len(plan.blocks)} question(s) into '{page.title}' (id {page.pk}); "
            f"{len(plan.skipped)} skipped."
            + ("" if dry_run else " Publish the new revision in the admin.")
        ))  # fmt: skip

    def _quiz(self, slug_or_id: str) -> QuizPage:
        pages = QuizPage.objects.filter(
            pk=int(slug_or_id) if slug_or_id.isdigit() else None
        ) or QuizPage.objects.filter(slug=slug_or_id)
        if not pages:
            raise CommandError(f"No quiz with slug or id '{slug_or_id}'.")
        if len(pages) > 1:
            raise CommandError(
                f"Several quizzes have the slug '{slug_or_id}'; give the id."
            )
        return pages[0]
