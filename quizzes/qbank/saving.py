"""Saving imported questions into a quiz page: the one step that writes.

Parsing and mapping are pure and run first for every question, so a file
with a problem is refused before anything is written (promise 9 in
docs/architecture.md: imports are all-or-nothing). Only then are embedded pictures stored
as Wagtail images and the questions appended to the quiz's pool as a new
revision, which the usual moderation then publishes.
"""

from dataclasses import dataclass, field
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model

from quizzes.blocks import QuestionsBlock
from quizzes.qbank.errors import QbankError
from quizzes.qbank.mapping import to_block_data
from quizzes.qbank.model import ImportedQuestion, ParseResult, Skipped
from quizzes.qbank.unsupported import nothing_to_import

# Pictures inside a question file are small flags, maps and ballots.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
_questions_block = QuestionsBlock()


@dataclass
class ImportPlan:
    """What an import would add: each question with its block, and what it leaves out."""

    blocks: list[tuple[ImportedQuestion, str, dict]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def plan_import(result: ParseResult, *, skip_invalid: bool = False) -> ImportPlan:
    """Map every parsed question to a block, without writing anything.

    A question the editor's rules refuse raises QbankError, unless
    ``skip_invalid``: then it joins the parser's skipped list with its reason.
    """
    plan = ImportPlan(skipped=list(result.skipped))
    for question in result.questions:
        try:
            kind, data = to_block_data(question)
        except QbankError as error:
            if not skip_invalid:
                raise
            plan.skipped.append(Skipped(error.where, error.message, "invalid"))
            continue
        plan.blocks.append((question, kind, data))
    if not plan.blocks:
        raise nothing_to_import(plan.skipped)
    return plan


def _check_image(question: ImportedQuestion, name: str, content: bytes) -> None:
    if len(content) > MAX_IMAGE_BYTES:
        raise QbankError(
            _("The picture '%(name)s' is larger than 2 MB.") % {"name": name},
            source=question.source,
        )
    try:
        PillowImage.open(BytesIO(content)).verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise QbankError(
            _("The picture '%(name)s' is not a readable image.") % {"name": name},
            source=question.source,
        ) from None


def _store_images(question: ImportedQuestion, user) -> dict[str, int]:
    """Each embedded picture of ``question`` as a Wagtail image, by file name."""
    image_model, ids = get_image_model(), {}
    for embedded in question.files:
        _check_image(question, embedded.name, embedded.content)
        image = image_model(
            title=embedded.name[:255],
            file=ImageFile(BytesIO(embedded.content), name=embedded.name),
            uploaded_by_user=user,
        )
        image.save()
        ids[embedded.name] = image.pk
    return ids


@transaction.atomic
def import_questions(*, quiz, result: ParseResult, user=None,
                     skip_invalid: bool = False) -> ImportPlan:  # fmt: skip
    """Append the file's questions to ``quiz``'s pool as a new, unpublished revision.

    Why a revision: the speaker's quiz goes through the same moderation as a
    hand-edited one, and the previous version stays in the history. The quiz
    row is locked so two imports at once cannot overwrite each other's
    revision. Raises QbankError (and writes nothing) if any question would be
    refused, unless ``skip_invalid``.
    """
    plan = plan_import(result, skip_invalid=skip_invalid)
    for question, _kind, _data in plan.blocks:
        for embedded in question.files:
            _check_image(question, embedded.name, embedded.content)
    locked = type(quiz).objects.select_for_update().get(pk=quiz.pk)
    page = locked.get_latest_revision_as_object()
    for question, kind, data in plan.blocks:
        if question.files:
            # Mapped again now that the pictures have ids to embed.
            question.notes.clear()
            kind, data = to_block_data(question, images=_store_images(question, user))
        page.questions.append(
            (kind, _questions_block.child_blocks[kind].to_python(data))
        )
    page.save_revision(user=user, log_action=True)
    return plan
