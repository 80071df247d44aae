"""The participant's evaluation of an event, for the event steps.

A template tag rather than a field of the event card, as the certificates do
(``lms/certificates/templatetags.py``): the event page and "Beranda saya"
both show an event's steps, and the evaluation is not one of the completion
steps the card is built from. Two queries per event shown.
"""

from django import template

from lms.events.evaluation import EvaluationStep, evaluation_step

register = template.Library()


@register.simple_tag(takes_context=True)
def evaluation_for(context, event) -> EvaluationStep | None:
    """``{% evaluation_for event as evaluation %}``: ``None`` without an evaluation
    or a signed-in visitor."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return evaluation_step(event, request.user)
