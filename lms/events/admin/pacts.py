"""The pact report of one event: who has accepted each required text and who has not.

Mounted at ``/admin/kegiatan/<event_id>/pakta/``; the report itself is
``pact_listing.py``. Organisers also record here, with a note, that someone
signed the paper sheet instead of accepting online.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.models import User
from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.admin.pact_listing import PactReportView
from lms.events.models import PactAcceptance
from lms.events.pacts import (
    NOTE_MAX_LENGTH,
    NOTE_REQUIRED,
    PactRefused,
    record_paper_signature,
)


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name} ({user.username})"


class PaperSignatureForm(forms.Form):
    """Whose paper signature to record, and the note that says where the paper is."""

    participant = ParticipantChoiceField(
        label=gettext_lazy("Participant"),
        queryset=User.objects.none(),
        empty_label=gettext_lazy("Choose a participant"),
        error_messages={
            "required": gettext_lazy("Choose the participant who signed."),
            "invalid_choice": gettext_lazy(
                "Choose a participant of this event who has not accepted yet."
            ),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Note"),
        help_text=gettext_lazy(
            "Where the signed paper is kept, or why it was signed on paper."
        ),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": NOTE_REQUIRED},
    )

    def __init__(self, *args, event, pact, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = (
            User.objects.filter(enrolments__event=event)
            .exclude(
                pk__in=PactAcceptance.objects.filter(event=event, pact=pact).values(
                    "user_id"
                )
            )
            .order_by("full_name", "pk")
        )


@event_admin_view
def pact_report_csv(request, event):
    """The report's CSV at its old address, for links and bookmarks: the report's own download."""
    return redirect(reverse("lms_event_admin:pacts", args=[event.pk]) + "?export=csv")


@event_admin_view
def paper_signature(request, event, pact_id):
    """Records that a participant signed ``pact`` on paper; the note is required."""
    pact = get_object_or_404(event.pacts, pk=pact_id)
    form = PaperSignatureForm(
        request.POST or None,
        event=event,
        pact=pact,
        initial={"participant": request.GET.get("peserta", "")},
    )
    if request.method == "POST" and form.is_valid():
        participant = form.cleaned_data["participant"]
        try:
            record_paper_signature(
                event=event,
                user=participant,
                pact=pact,
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except PactRefused as refused:
            for field, message in refused.errors.items():
                form.add_error("participant" if field == "user" else field, message)
        else:
            messages.success(
                request,
                _("Recorded that %(name)s signed '%(pact)s' on paper.")
                % {"name": participant.full_name, "pact": pact.title},
            )
            return redirect("lms_event_admin:pacts", event.pk)
    title = _("Record a paper signature")
    return render(
        request,
        "lms/event_admin/pact_paper.html",
        {
            "event": event,
            "pact": pact,
            "form": form,
            "header_title": title,
            "breadcrumbs_items": event_breadcrumbs(
                event,
                {
                    "url": reverse("lms_event_admin:pacts", args=[event.pk]),
                    "label": _("Pacts and pledges"),
                },
                {"url": "", "label": title},
            ),
        },
    )


urlpatterns = [
    path("", event_admin_view(PactReportView.as_view()), name="pacts"),
    path(
        "rows/",
        event_admin_view(PactReportView.as_view(results_only=True)),
        name="pacts_rows",
    ),
    path("csv/", pact_report_csv, name="pacts_csv"),
    path("<int:pact_id>/kertas/", paper_signature, name="pact_paper"),
]
