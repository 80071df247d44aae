"""A participant reads an event's integrity pact or pledge and accepts it."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View

from lms.events.pacts import (
    AGREEMENT_REQUIRED,
    NAME_REQUIRED,
    PactRefused,
    PactTextChanged,
    accept_pact,
    clean_version_text,
    find_participant_pact,
    signature_errors,
)


class PactAcceptanceForm(forms.Form):
    """The box and the typed name, checked by the service's rules so that every
    problem shows at once (GOV.UK's error summary); ``accept_pact`` checks again.

    ``version`` is the version on the screen, so a text edited meanwhile is caught.
    """

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ["required", "invalid"],
            _("This page is out of date. Reload it and try again."),
        ),
    )
    agreed = forms.BooleanField(
        label=_("I have read and agree"),
        error_messages={"required": AGREEMENT_REQUIRED},
    )
    typed_name = forms.CharField(
        label=_("Your full name"),
        help_text=_("Type your full name as it is written on your account."),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={
            "required": NAME_REQUIRED,
            "max_length": _("A name can have at most 150 characters."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        for field, message in signature_errors(
            user=self.user,
            agreed=self.cleaned_data.get("agreed", False),
            typed_name=self.cleaned_data.get("typed_name", ""),
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        return self.cleaned_data


class EventPactView(LoginRequiredMixin, View):
    """/kegiatan-saya/<event>/pakta/<pact>/: the text, then "I agree" and a typed name.

    Anything that is not the visitor's to accept (an unknown event, one they are
    not enrolled in, a pact their event does not ask for) is a 404, so the page
    does not tell which events or pacts exist.
    """

    template_name = "lms/event_pact.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.found = find_participant_pact(
                event_id=kwargs["event_id"],
                pact_id=kwargs["pact_id"],
                user=request.user,
            )
            if self.found is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = PactAcceptanceForm(
            initial={"version": self.found.version.pk}, user=request.user
        )
        return self.render(form=form, version=self.found.version)

    def post(self, request, *args, **kwargs):
        found = self.found
        if found.acceptance is not None:  # a second tab, a replayed request
            return redirect(request.path)
        form = PactAcceptanceForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form=form, version=found.version)
        try:
            accept_pact(
                event=found.event,
                user=request.user,
                pact=found.pact,
                version_id=form.cleaned_data["version"],
                typed_name=form.cleaned_data["typed_name"],
                agreed=form.cleaned_data["agreed"],
            )
        except PactTextChanged as changed:
            fresh = PactAcceptanceForm(
                initial={
                    "version": changed.version.pk,
                    "typed_name": form.cleaned_data["typed_name"],
                },
                user=request.user,
            )
            return self.render(
                form=fresh, version=changed.version, changed=changed.errors[None]
            )
        except PactRefused as refused:
            for field, message in refused.errors.items():
                form.add_error(field, message)
            return self.render(form=form, version=found.version)
        return redirect(request.path)  # which now shows the acceptance

    def render(self, *, form, version, changed=None):
        return render(
            self.request,
            self.template_name,
            {
                "event": self.found.event,
                "pact": self.found.pact,
                "acceptance": self.found.acceptance,
                "version": version,
                "text": clean_version_text(version),
                "form": form,
                "text_changed": changed,
            },
        )
