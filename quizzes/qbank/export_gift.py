"""Writing questions as GIFT, so a quiz can move to Moodle or another system.

Texts are written as ``[html]`` so nothing is lost in a format change; per-
answer feedback is plain text, HTML-escaped. GIFT has no place for points,
units or case sensitivity: those keep their defaults on the way back (use
Moodle XML to keep them).
"""

import html

from quizzes.qbank.model import ImportedQuestion

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})


def _escape(text: str) -> str:
    """GIFT-escaped text on one line (a blank line would end the question)."""
    return " ".join(text.translate(_SPECIAL).split())


def _percent(credit) -> str:
    return f"%{credit.normalize():f}%"


def _feedback(text: str) -> str:
    return f"#{_escape(html.escape(text, quote=False))}" if text else ""


def _answers(question: ImportedQuestion) -> list[str]:
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        lines = []
        for option in question.options:
            is_right = kind == "single_choice" and option.credit == 100
            marker = "=" if is_right else f"~{_percent(option.credit)}"
            lines.append(f"{marker}{_escape(option.text)}{_feedback(option.feedback)}")
        return lines
    if kind == "true_false":
        # GIFT's order: feedback for a wrong answer, then for a right one.
        right, wrong = question.true_feedback, question.false_feedback
        if not question.correct:
            right, wrong = wrong, right
        feedback = (
            f"{_feedback(wrong) or '#'}{_feedback(right)}" if right or wrong else ""
        )
        return [("TRUE" if question.correct else "FALSE") + feedback]
    if kind == "short_answer":
        return [
            f"={_percent(a.credit)}{_escape(a.text)}{_feedback(a.feedback)}"
            for a in question.answers
        ]
    if kind == "numeric":
        last = len(question.numbers) - 1
        return ["#"] + [_number_line(n, is_last=i == last)
                        for i, n in enumerate(question.numbers)]  # fmt: skip
    if kind == "matching":
        return [
            f"={_escape(p.prompt)} -> {_escape(p.answer)}" for p in question.pairs
        ] + [f"= -> {_escape(d)}" for d in question.distractors]
    raise ValueError(f"unknown question type {kind!r}")


def _number_line(answer, *, is_last: bool) -> str:
    """One numeric answer; a last 0% "any other number" in GIFT's own "~#feedback"
    form (a "~" ends the answers, so only the last may use it)."""
    if answer.any_number and is_last and not answer.credit:
        return f"~{_feedback(answer.feedback)}"
    return f"={_percent(answer.credit)}{_number(answer)}{_feedback(answer.feedback)}"


def _number(answer) -> str:
    if answer.any_number:
        return "*"
    if answer.value is None:
        return f"{answer.minimum:f}..{answer.maximum:f}"
    if answer.tolerance is None:
        return f"{answer.value:f}"
    return f"{answer.value:f}:{answer.tolerance:f}"


def export_gift(questions: list[ImportedQuestion]) -> str:
    """The questions as one GIFT file, with a $CATEGORY line wherever the
    questions' tags change."""
    parts, tags = [], ()
    for question in questions:
        if question.tags != tags:
            tags = question.tags
            parts.append(f"$CATEGORY: {'/'.join(tags)}\n")
        name = f"::{_escape(question.name)}::" if question.name.strip() else ""
        lines = [f"{name}[html]{_escape(question.text)}{{", *_answers(question)]
        if question.general_feedback:
            lines.append(f"####{_escape(question.general_feedback)}")
        lines.append("}\n")
        parts.append("\n".join(lines))
    return "\n".join(parts)
