"""The one error every question-bank problem becomes.

Callers (the admin view, the management command) catch only this, so any
other exception escaping a parser is a bug; property-based tests hold the
parsers to that.
"""

from django.utils.translation import gettext as _


class QbankError(ValueError):
    """A problem with an imported file, placed by line (GIFT, Aiken) or by
    question and element (Moodle XML) so the author can find and fix it."""

    def __init__(self, message, *, line: int | None = None, question: str = "",
                 element: str = "", source: str = "", details=()):  # fmt: skip
        super().__init__(str(message))
        self.message = str(message)
        self.line = line
        self.question = question
        self.element = element
        self.source = source  # an already worded place, e.g. an imported question's
        # Sentences that explain the message, e.g. why each question was left out.
        self.details = [str(detail) for detail in details]

    @property
    def where(self) -> str:
        """Where the problem is, in words ("" for the file as a whole)."""
        if self.source:
            return self.source
        if self.line is not None:
            return _("Line %(line)s") % {"line": self.line}
        if self.question and self.element:
            return _("Question '%(question)s', element <%(element)s>") % {
                "question": self.question,
                "element": self.element,
            }
        if self.question:
            return _("Question '%(question)s'") % {"question": self.question}
        return ""

    def __str__(self) -> str:
        text = " ".join([self.message, *self.details])
        return f"{self.where}: {text}" if self.where else text
