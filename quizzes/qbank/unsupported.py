"""The one way every importer reports a question it cannot bring in.

GIFT and Moodle XML both hold question types our engine cannot grade (essays,
Cloze, calculated questions...). Each parser names the type it met and where;
this module words it, so that an author reads the same sentence whichever
format the file was in: "Question 3 (essay) is not supported: a person has to
grade the answers." And when nothing at all can be imported, the error says
why instead of "no questions" (see ``nothing_to_import``).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import Skipped

# What the author called each type, and why it is left out.
_CALCULATED = (
    gettext_lazy("calculated"),
    gettext_lazy("its formulas with random values cannot be graded here"),
)
_TYPES = {
    "essay": (gettext_lazy("essay"), gettext_lazy("a person has to grade the answers")),
    "description": (
        gettext_lazy("description"),
        gettext_lazy("it holds no question to answer"),
    ),
    "multianswer": (
        gettext_lazy("embedded answers, Cloze"),
        gettext_lazy("answers inside the text cannot be graded here"),
    ),
    "calculated": _CALCULATED,
    "calculatedsimple": _CALCULATED,
    "calculatedmulti": _CALCULATED,
    "random": (
        gettext_lazy("random"),
        gettext_lazy("it draws from a Moodle category, which is not imported"),
    ),
    "randomsamatch": (
        gettext_lazy("random short-answer matching"),
        gettext_lazy("it draws from Moodle's question bank, which is not imported"),
    ),
}
# Skipped items that are not questions of an unsupported type.
_OTHER_KINDS = {"invalid", "media"}
# How many reasons an error lists before it counts the rest.
_LISTED = 3


def unsupported_question(*, number: int, kind: str, where: str) -> Skipped:
    """The report of question ``number`` (counted from 1 in the file) whose type,
    as the file names it (``kind``), the engine cannot grade; ``where`` places
    it as the parser does ("Line 12", "Question 'Kanji'")."""
    kind = kind[:40]
    type_name, reason = _TYPES.get(
        kind, (kind, gettext_lazy("the quiz cannot grade this type"))
    )
    return Skipped(
        where,
        _("Question %(number)s (%(type)s) is not supported: %(reason)s.")
        % {"number": number, "type": type_name, "reason": reason},
        kind,
    )


def nothing_to_import(skipped: list[Skipped]) -> QbankError:
    """The error for a file of which not one question can be imported, listing
    the first reasons; when every question in it is of an unsupported type, it
    says so, rather than that the file has no questions."""
    questions = [item for item in skipped if item.kind != "media"]
    if questions and all(item.kind not in _OTHER_KINDS for item in questions):
        message = _(
            "No question can be imported: the file holds only questions of "
            "types that are not supported."
        )
    else:
        message = _("No question in the file can be imported.")
    details = [f"{item.where}: {item.reason}" for item in skipped[:_LISTED]]
    if len(skipped) > _LISTED:
        rest = len(skipped) - _LISTED
        details.append(_("And %(count)s more.") % {"count": rest})
    return QbankError(message, details=details)
