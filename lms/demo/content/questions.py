"""Short constructors for quiz questions, so the quiz files read like a question paper.

Each returns one item of a quiz page's ``questions`` StreamField (``{"type": ...,
"value": ...}``) in the form ``quizzes.blocks.QuestionsBlock`` accepts. Credits are
percentages, as the editor shows them: 100 for a fully right answer, a share of it for
a partly right one, and below 0 for a wrong pick in multiple choice. Texts without
markup are wrapped in a paragraph.
"""


def _html(text: str) -> str:
    return text if text.startswith("<") else f"<p>{text}</p>"


def right(text: str, feedback: str = "") -> tuple:
    """The option with full credit."""
    return (text, 100, feedback)


def wrong(text: str, feedback: str = "", credit: int = 0) -> tuple:
    """An option with no credit (or a penalty, for multiple choice)."""
    return (text, credit, feedback)


def part(text: str, credit, feedback: str = "") -> tuple:
    """A multiple-choice option worth ``credit`` percent of the points."""
    return (text, credit, feedback)


def _question(kind: str, text: str, feedback: str, points, **fields) -> dict:
    return {
        "type": kind,
        "value": {
            "text": _html(text),
            "points": str(points),
            "feedback": _html(feedback) if feedback else "",
            **fields,
        },
    }


def _options(options) -> list[dict]:
    return [
        {"text": _html(text), "credit": credit, "feedback": feedback}
        for text, credit, feedback in options
    ]


def single_choice(text: str, options, feedback: str, points=1) -> dict:
    return _question("single_choice", text, feedback, points, options=_options(options))


def multiple_choice(text: str, options, feedback: str, points=1) -> dict:
    return _question(
        "multiple_choice", text, feedback, points, options=_options(options)
    )


def true_false(text: str, correct: bool, feedback: str, points=1) -> dict:
    return _question(
        "true_false", text, feedback, points, correct="true" if correct else "false"
    )


def short_answer(text: str, answers, feedback: str, points=1) -> dict:
    """``answers``: accepted texts (full credit) or (text, credit, feedback).

    ``*`` in an accepted text stands for any letters.
    """
    rows = [
        {"text": a, "credit": 100, "feedback": ""}
        if isinstance(a, str)
        else {"text": a[0], "credit": a[1], "feedback": a[2]}
        for a in answers
    ]
    return _question(
        "short_answer", text, feedback, points, answers=rows, case_sensitive=False
    )


def number(value, credit: int = 100, feedback: str = "", tolerance=None) -> dict:
    """One accepted answer of a numeric question; credit 0 with feedback answers a
    common mistake."""
    return {
        "value": str(value),
        "tolerance": None if tolerance is None else str(tolerance),
        "minimum": None,
        "maximum": None,
        "credit": credit,
        "feedback": feedback,
    }


def numeric(text: str, answers: list[dict], feedback: str, unit="", points=1) -> dict:
    return _question("numeric", text, feedback, points, answers=answers, unit=unit)


def matching(text: str, pairs, feedback: str, distractors=(), points=1) -> dict:
    """``pairs``: (item, its match); ``distractors``: matches that fit no item."""
    return _question(
        "matching",
        text,
        feedback,
        points,
        pairs=[{"prompt": prompt, "answer": answer} for prompt, answer in pairs],
        distractors=list(distractors),
    )
