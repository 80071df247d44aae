"""A compact, readable summary of an imported question for table-driven tests,
and how the quiz would grade it."""

from fractions import Fraction

from quizzes.blocks import QuestionsBlock
from quizzes.grading import grade_question
from quizzes.paper import numeric_feedback, plain_question, question_from_paper
from quizzes.qbank.mapping import to_block_data
from quizzes.qbank.text import html_to_text


def _credit(value) -> str:
    return f"{value.normalize():f}"


def correct_answers(question) -> list:
    """What a question accepts and for how much, as short strings."""
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        return [
            f"{html_to_text(o.text)}={_credit(o.credit)}"
            + (f"#{o.feedback}" if o.feedback else "")
            for o in question.options
        ]
    if kind == "true_false":
        return [str(question.correct)]
    if kind == "short_answer":
        return [f"{a.text}={_credit(a.credit)}" + (f"#{a.feedback}" if a.feedback else "")
                for a in question.answers]  # fmt: skip
    if kind == "numeric":
        return [
            ("*" if n.any_number else f"{n.value}±{n.tolerance}" if n.value is not None
             else f"{n.minimum}..{n.maximum}")
            + f"={_credit(n.credit)}" + (f"#{n.feedback}" if n.feedback else "")
            for n in question.numbers
        ]  # fmt: skip
    return [f"{p.prompt}->{p.answer}" for p in question.pairs] + [
        f"->{d}" for d in question.distractors
    ]


def summary(question) -> tuple:
    return (
        question.type,
        question.name,
        html_to_text(question.text),
        correct_answers(question),
    )


def as_graded(question, response) -> tuple[Fraction, str]:
    """(credit, feedback shown) for a response to an imported numeric question,
    through the quiz's own block, frozen paper and grading, as an attempt would."""
    kind, data = to_block_data(question)
    frozen = plain_question(kind, QuestionsBlock().child_blocks[kind].to_python(data))
    credit = grade_question(question_from_paper(frozen), response).credit
    return credit, numeric_feedback(frozen, response)
