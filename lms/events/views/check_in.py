"""The page a participant's phone opens after scanning the hall screen's QR code."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from lms.events.attendance import accept_scanned_token
from lms.events.check_ins import (
    CheckInRefused,
    CodeExpired,
    NotEnrolled,
    check_in_by_scan,
    review_scan,
)
from lms.events.models import EventPage

# Which page explains each refusal; the rest share the generic one.
REFUSAL_TEMPLATES = {
    NotEnrolled: "lms/check_in_not_enrolled.html",
    CodeExpired: "lms/check_in_expired.html",
}


class CheckInView(LoginRequiredMixin, View):
    """ "Hadir": a GET shows one button, a POST checks the participant in.

    Chat apps and browsers fetch links on their own, to build a preview or to
    prefetch; only a deliberate press of the button may check someone in. The
    login page brings a logged-out participant back here, and the code they
    scanned stays good while they log in (``accept_scanned_token``).
    """

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(EventPage.objects.live(), pk=kwargs["event_id"])
        self.now = timezone.now()
        # Before the login check, so that a logged-out scan is remembered too.
        self.token_accepted = accept_scanned_token(
            request.session, event_id=self.event.pk, token=kwargs["token"], now=self.now
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, event_id, token):
        try:
            existing = review_scan(
                event=self.event,
                user=request.user,
                token_accepted=self.token_accepted,
                now=self.now,
            )
        except CheckInRefused as refused:
            return self.refused(refused)
        if existing is not None:
            return self.render("lms/check_in_done.html", check_in=existing)
        return self.render("lms/check_in.html")

    def post(self, request, event_id, token):
        try:
            _record, created = check_in_by_scan(
                event=self.event,
                user=request.user,
                token_accepted=self.token_accepted,
                now=self.now,
            )
        except CheckInRefused as refused:
            return self.refused(refused)
        if not created:
            messages.info(
                request, _("You were already checked in; the first time counts.")
            )
        # Back to the GET, which now shows the check-in: a reload re-sends nothing.
        return redirect(request.path)

    def refused(self, refused: CheckInRefused):
        template = REFUSAL_TEMPLATES.get(type(refused), "lms/check_in_refused.html")
        return self.render(template, refused=refused)

    def render(self, template_name, **context):
        return render(self.request, template_name, {"event": self.event, **context})
