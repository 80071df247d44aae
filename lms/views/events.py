"""Joining an event with its registration code."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from lms.enrolment import EnrolmentRefused, enrol, event_for_code
from lms.models import Enrolment


class EventCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Event code"),
        max_length=20,
        help_text=_("The code on the poster or from the organiser, e.g. K7M2QX."),
        error_messages={"required": _("Enter the event code.")},
    )

    def clean_code(self):
        try:
            self.event = event_for_code(self.cleaned_data["code"])
        except EnrolmentRefused as refused:
            raise forms.ValidationError(refused.message) from refused
        return self.cleaned_data["code"]


class JoinEventView(LoginRequiredMixin, FormView):
    """ "Ikuti kegiatan": a logged-in participant enrols by typing the event's code.

    The event's QR poster links here with ``?kode=`` filled in.
    """

    form_class = EventCodeForm
    template_name = "lms/join_event.html"

    def get_initial(self):
        return {"code": self.request.GET.get("kode", "")}

    def form_valid(self, form):
        event = form.event
        _enrolment, new = enrol(
            event=event, user=self.request.user, source=Enrolment.Source.CODE
        )
        if new:
            messages.success(
                self.request,
                _("You are enrolled in %(event)s.") % {"event": event.title},
            )
        else:
            messages.info(
                self.request,
                _("You were already enrolled in %(event)s.") % {"event": event.title},
            )
        return redirect(event.get_url(self.request))
