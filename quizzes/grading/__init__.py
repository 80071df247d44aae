"""Pure grading: a frozen paper and a participant's responses in, grades out.

An attempt freezes its paper when it starts (promise 1, docs/architecture.md), so a grade must depend
on that paper and the saved responses alone: no ORM, no request, no clock, not even
Django. Only the standard library is imported here, which keeps every rule cheap to
test exhaustively.

- ``exact``: Fractions inside, two-place Decimals (half up) out.
- ``questions``: the question types, frozen dataclasses.
- ``reading``: what participants type (short-answer normalisation, wildcards, numbers).
- ``scoring``: grade a question, a paper, and combine several attempts.
- ``validation``: what an author must fix, as stable problem codes.
"""

from quizzes.grading.exact import (
    Number,
    clamp_credit,
    format_number,
    round_half_up,
    to_fraction,
)
from quizzes.grading.questions import (
    AcceptedAnswer,
    AnyOtherNumber,
    ChoiceOption,
    Matching,
    MatchPair,
    MultipleChoice,
    Numeric,
    NumericAnswer,
    NumericRange,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quizzes.grading.reading import (
    accepted_answer_parts,
    glob_match,
    matches_accepted_answer,
    normalise_answer,
    parse_number,
)
from quizzes.grading.scoring import (
    COMBINE_METHODS,
    AttemptResult,
    CombineMethod,
    PaperGrade,
    QuestionGrade,
    combine_attempts,
    grade_paper,
    grade_question,
    numeric_match,
)
from quizzes.grading.validation import Problem, validate_question

__all__ = [
    "COMBINE_METHODS",
    "AcceptedAnswer",
    "AnyOtherNumber",
    "AttemptResult",
    "ChoiceOption",
    "CombineMethod",
    "MatchPair",
    "Matching",
    "MultipleChoice",
    "Number",
    "Numeric",
    "NumericAnswer",
    "NumericRange",
    "PaperGrade",
    "Problem",
    "Question",
    "QuestionGrade",
    "ShortAnswer",
    "SingleChoice",
    "TrueFalse",
    "accepted_answer_parts",
    "clamp_credit",
    "combine_attempts",
    "format_number",
    "glob_match",
    "grade_paper",
    "grade_question",
    "matches_accepted_answer",
    "normalise_answer",
    "numeric_match",
    "parse_number",
    "round_half_up",
    "to_fraction",
    "validate_question",
]
