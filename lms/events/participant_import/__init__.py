"""Participant lists from organisers' spreadsheets: read, check, preview, save.

- ``read_table`` (reading.py): bytes in, rows of text out, or ``ImportFileError``
  for a file that cannot be a participant list at all (empty, a PDF, too big).
- ``parse_participants`` (parsing.py): rows in, an ``ImportPreview`` out: one
  ``RowResult`` per non-blank row, each with the cleaned ``ParticipantRow`` or
  its errors. Pure, so every rule is tested without a database.
- ``plan_import`` (planning.py): the preview against the accounts already
  there: new, update, no change, or an error (a staff member's phone).
- ``import_participants`` (saving.py): writes it, all or nothing.
- ``uploads.py`` keeps an uploaded file between preview and confirmation;
  ``template.py`` is the example CSV organisers start from.

Problems are stable codes with parameters; ``MESSAGES`` (messages.py) holds
their translatable text.
"""

from lms.events.participant_import.messages import MESSAGES, ImportFileError, RowError
from lms.events.participant_import.parsing import (
    MAX_TEXT_LENGTH,
    parse_participants,
    preview_participant_file,
)
from lms.events.participant_import.planning import (
    ImportPlan,
    PlannedRow,
    RowStatus,
    plan_import,
)
from lms.events.participant_import.preview import (
    ImportPreview,
    ParticipantRow,
    RowResult,
)
from lms.events.participant_import.reading import (
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    read_table,
)
from lms.events.participant_import.saving import ImportOutcome, import_participants

__all__ = [
    "MAX_DATA_ROWS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_LENGTH",
    "MESSAGES",
    "ImportFileError",
    "ImportOutcome",
    "ImportPlan",
    "ImportPreview",
    "ParticipantRow",
    "PlannedRow",
    "RowError",
    "RowResult",
    "RowStatus",
    "import_participants",
    "parse_participants",
    "plan_import",
    "preview_participant_file",
    "read_table",
]
