"""Joining an event with its registration code, with or without an account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from lms.events.enrolment import EnrolmentRefused, enrol, event_for_code
from lms.events.models import Enrolment
from lms.events.registration import PhoneTaken, register_participant
from lms.events.registration_forms import EventCodeForm, RegistrationForm


class JoinEventView(FormView):
    """ "Ikuti kegiatan": the page the event's QR poster opens, with ``?kode=`` filled in.

    Logged in, a participant just confirms the code. Otherwise the same page
    offers a short registration form (the account is made and enrolled at once)
    next to a link to log in and come back here. A phone number that already
    has an account, typed with that account's password, logs in instead.
    An event that is over is joined only after a second "yes"
    (``EventPage.has_ended``): an old poster or a mistyped code is likelier than
    a participant joining on purpose after the day.
    """

    template_name = "lms/join_event.html"
    # Posted with the event's id once the participant has said "join anyway" to
    # an event that is over; an id, so that a changed code is asked about again.
    CONFIRM_FIELD = "join_ended_event"

    def get_form_class(self):
        return EventCodeForm if self.request.user.is_authenticated else RegistrationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if not self.request.user.is_authenticated:
            kwargs["request"] = self.request
        return kwargs

    def get_initial(self):
        return {"code": self.request.GET.get("kode", "")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Back to this page with the poster's code still filled in.
        kode = urlencode({"kode": self.request.GET.get("kode", "")})
        back_here = f"{reverse('join_event')}?{kode}"
        context["login_url"] = f"{reverse('login')}?{urlencode({'next': back_here})}"
        context["event"] = event = getattr(context["form"], "event", None) or (
            self._event_of_link()
        )
        # Asked up front when the poster's link names an event that is over.
        context["ask_ended"] = event is not None and event.has_ended()
        context["confirm_field"] = self.CONFIRM_FIELD
        return context

    def _event_of_link(self):
        """The event the poster's link names, to show whom the form is for."""
        try:
            return event_for_code(self.request.GET.get("kode", ""))
        except EnrolmentRefused:
            return None

    def form_valid(self, form):
        event = form.event
        if event.has_ended() and self.request.POST.get(self.CONFIRM_FIELD) != str(
            event.pk
        ):
            # Nothing is written: the page asks, with the form as it was sent.
            return self.render_to_response(self.get_context_data(form=form))
        if self.request.user.is_authenticated:
            _enrolment, new = enrol(
                event=event, user=self.request.user, source=Enrolment.Source.CODE
            )
            return self._enrolled(event, new)
        try:
            user, new = self._account(form, event)
        except EnrolmentRefused as refused:
            field = "phone" if isinstance(refused, PhoneTaken) else None
            form.add_error(field, refused.message)
            return self.form_invalid(form)
        login(self.request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        return self._enrolled(event, new)

    def _account(self, form, event):
        """The new participant's account, or the one their phone number already has;
        either way enrolled in ``event``. Returns (user, newly enrolled)."""
        if form.returning_user is None:
            try:
                registration = form.registration()
                return register_participant(
                    event=event, registration=registration
                ), True
            except PhoneTaken:
                # The other half of a double tap made the account a moment ago.
                form.returning_user = form.account_of_phone()
                if form.returning_user is None:
                    raise
        messages.info(
            self.request,
            _("This phone number already had an account: you are now logged in."),
        )
        _enrolment, new = enrol(
            event=event, user=form.returning_user, source=Enrolment.Source.CODE
        )
        return form.returning_user, new

    def _enrolled(self, event, new: bool):
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
