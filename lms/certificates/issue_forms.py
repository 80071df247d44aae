"""The organiser's forms on an event's certificate pages: issue, and say why.

The bulk form and the manual form sit above the register
(:mod:`lms.certificates.register_view`) and post to the views in
:mod:`lms.certificates.event_admin`; the reason form is the revoke and
re-issue pages' fields. The rules themselves (who qualifies, when a
reason is needed) are in :mod:`lms.certificates.eligibility`.
"""

from django import forms
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.models import User
from lms.certificates.eligibility import REASON_MAX_LENGTH
from lms.certificates.models import Certificate
from lms.events.models import EventPage
from lms.events.standings import participant_standings


class BulkIssueForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Note (optional)"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "Kept with each certificate, e.g. “issued after the day”."
        ),
    )


class ManualIssueForm(forms.Form):
    """One participant by hand; the reason is needed when they have not completed."""

    participant = forms.TypedChoiceField(
        label=gettext_lazy("Participant"),
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose the participant."),
            "invalid_choice": gettext_lazy(
                "This participant is not enrolled or already has a certificate."
            ),
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "Required for a participant who has not met every requirement, "
            "e.g. “attended; the post-test was marked on paper”."
        ),
    )

    def __init__(self, *args, candidates: list[tuple[User, bool]], **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = {user.pk: user for user, _complete in candidates}
        self.fields["participant"].choices = [
            ("", _("Choose a participant")),
            *(
                (
                    user.pk,
                    f"{user.full_name} ({user.username}) · "
                    + (_("complete") if complete else _("not complete")),
                )
                for user, complete in candidates
            ),
        ]


class ReasonForm(forms.Form):
    """The re-issue page's reason: the old one's private note and the new one's reason.

    Field names are the keyword arguments of ``reissue_certificate``.
    """

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": gettext_lazy("Say why.")},
    )


class RevokeForm(forms.Form):
    """The revoke page: a public reason from the list, and a note kept from the public.

    The list keeps the public verification page free of anything an organiser
    would write about a person. Field names are the keyword arguments of
    ``revoke_certificate``.
    """

    public_reason = forms.ChoiceField(
        label=gettext_lazy("Public reason"),
        choices=[
            ("", gettext_lazy("Choose a reason")),
            *Certificate.PublicReason.choices,
        ],
        help_text=gettext_lazy("Shown on the certificate's public verification page."),
        error_messages={
            "required": gettext_lazy("Choose the public reason."),
            "invalid_choice": gettext_lazy("Choose the public reason from the list."),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Note for organisers (optional)"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "What happened, for the record. Shown in the register, never publicly."
        ),
    )


def issue_candidates(event: EventPage) -> list[tuple[User, bool]]:
    """Enrolled participants without a valid certificate, with whether they completed.

    A fixed number of queries however many participants: the manual form's
    choices and the bulk form's count both come from it.
    """
    have = Certificate.objects.valid().filter(event=event).values_list("user_id")
    users = list(
        User.objects.filter(enrolments__event=event)
        .exclude(pk__in=have)
        .order_by(Lower("full_name"), "username")
        .only("pk", "username", "full_name")
    )
    _rules, standings = participant_standings(event, [u.pk for u in users])
    return [(user, standings[user.pk].outcome.complete) for user in users]
