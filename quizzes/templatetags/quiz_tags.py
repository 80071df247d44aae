"""Small filters for showing frozen questions and responses in templates."""

from fractions import Fraction

from django import template
from django.utils.translation import gettext

from quizzes.paper import numeric_feedback

register = template.Library()


@register.filter
def match_for(response, prompt_key):
    """The chosen match for one item of a matching question's response."""
    return (response or {}).get(prompt_key, "")


@register.filter
def is_chosen(option, response) -> bool:
    if isinstance(response, list):
        return option["key"] in response
    return option["key"] == response


@register.filter
def credit_positive(credit) -> bool:
    return Fraction(credit) > 0


@register.filter
def accepted_answers(question) -> str:
    """The fully right answers of a short-answer or numeric question, as text."""
    shown = []
    for answer in question["answers"]:
        if Fraction(answer["credit"]) < 1:
            continue
        if "text" in answer:
            # The wildcard is the author's tool; participants read "…".
            shown.append(
                answer["text"].replace("\\*", "\0").replace("*", "…").replace("\0", "*")
            )
        elif answer.get("any_number"):
            shown.append(gettext("any number"))
        elif answer.get("value") is not None:
            tolerance = answer.get("tolerance")
            shown.append(
                f"{answer['value']} ± {tolerance}"
                if tolerance and Fraction(tolerance)
                else answer["value"]
            )
        else:
            shown.append(f"{answer['minimum']}–{answer['maximum']}")
    return ", ".join(shown)


@register.filter
def answer_feedback(question, response) -> str:
    """The feedback of the answer a numeric response matched ("" otherwise)."""
    if question["type"] != "numeric":
        return ""
    return numeric_feedback(question, response)


@register.filter
def choice_text(question, response):
    """A matching response with each chosen key replaced by its text."""
    texts = {choice["key"]: choice["text"] for choice in question["choices"]}
    return {prompt: texts.get(key, "") for prompt, key in (response or {}).items()}


@register.filter
def right_match(question, prompt_key) -> str:
    texts = {choice["key"]: choice["text"] for choice in question["choices"]}
    return texts.get(question["pairs"].get(prompt_key), "")
