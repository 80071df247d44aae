"""The signed-in participant's valid certificates, for "My home", the event steps
and a test's result page.

A certificate without ``rendered_at`` is still being prepared (its PDF is made
in the background): templates offer the download only once it is set.

A template tag rather than a field of the dashboard's data, so that every page
that shows an event's steps can link the certificate. The list is read once
per request (one query, however many certificates and events there are) and
kept on the request for the other tags on the same page.
"""

from django import template

from lms.certificates.models import Certificate
from lms.certificates.status import CertificateStatus, certificate_status

register = template.Library()

_CACHE_ATTRIBUTE = "_lms_valid_certificates"


def _valid_certificates(request) -> list[Certificate]:
    if request is None or not request.user.is_authenticated:
        return []
    if not hasattr(request, _CACHE_ATTRIBUTE):
        setattr(
            request,
            _CACHE_ATTRIBUTE,
            list(
                Certificate.objects.valid()
                .filter(user=request.user)
                .only(
                    "pk", "number", "snapshot", "event_id", "issued_at", "rendered_at"
                )
                .order_by("-issued_at", "-pk")
            ),
        )
    return getattr(request, _CACHE_ATTRIBUTE)


@register.simple_tag(takes_context=True)
def my_certificates(context) -> list[Certificate]:
    """``{% my_certificates as certificates %}``: newest first."""
    return _valid_certificates(context.get("request"))


@register.simple_tag(takes_context=True)
def my_certificate_for(context, event) -> Certificate | None:
    """``{% my_certificate_for event as certificate %}``: the valid one, or ``None``."""
    return next(
        (
            certificate
            for certificate in _valid_certificates(context.get("request"))
            if certificate.event_id == event.pk
        ),
        None,
    )


@register.simple_tag(takes_context=True)
def certificate_after(context, attempt) -> CertificateStatus | None:
    """``{% certificate_after attempt as status %}``: the certificate the attempt's
    quiz leads to, ready or being prepared; ``None`` if it leads to none yet."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return None
    return certificate_status(user=request.user, quiz=attempt.quiz)
