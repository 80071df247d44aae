"""Joining an event with its registration code, with or without an account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from lms.enrolment import EnrolmentRefused, enrol
from lms.models import Enrolment
from lms.registration import register_participant
from lms.registration_forms import EventCodeForm, RegistrationForm


class JoinEventView(FormView):
    """ "Ikuti kegiatan": the page the event's QR poster opens, with ``?kode=`` filled in.

    Logged in, a participant just confirms the code. Otherwise the same page
    offers a short registration form (the account is made and enrolled at once)
    next to a link to log in and come back here.
    """

    template_name = "lms/join_event.html"

    def get_form_class(self):
        return EventCodeForm if self.request.user.is_authenticated else RegistrationForm

    def get_initial(self):
        return {"code": self.request.GET.get("kode", "")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        back_here = f"{reverse('join_event')}?{urlencode(self.get_initial())}"
        context["login_url"] = f"{reverse('login')}?{urlencode({'next': back_here})}"
        return context

    def form_valid(self, form):
        event = form.event
        if self.request.user.is_authenticated:
            _enrolment, new = enrol(
                event=event, user=self.request.user, source=Enrolment.Source.CODE
            )
        else:
            try:
                user = register_participant(
                    event=event, registration=form.registration()
                )
            except EnrolmentRefused as refused:
                form.add_error(None, refused.message)
                return self.form_invalid(form)
            login(self.request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
            new = True
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
