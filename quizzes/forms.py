"""Reading a whole paper's answers from a plain form post (the no-JavaScript path)."""

from quizzes.paper import InvalidResponse, clean_response


def field_name(question_key: str, part: str = "") -> str:
    return f"q-{question_key}-{part}" if part else f"q-{question_key}"


def responses_from_post(paper: list[dict], post) -> dict:
    """Every question's response in ``post``; malformed ones count as unanswered.

    A tampered field cannot break the submit: the participant's other answers
    still count, and the tampered question scores nothing.
    """
    responses = {}
    for question in paper:
        key, kind = question["key"], question["type"]
        if kind == "multiple_choice":
            raw = post.getlist(field_name(key))
        elif kind == "matching":
            raw = {
                p["key"]: post.get(field_name(key, p["key"]), "")
                for p in question["prompts"]
            }
        else:
            raw = post.get(field_name(key))
        try:
            responses[key] = clean_response(question, raw)
        except InvalidResponse:
            responses[key] = None
    return responses
