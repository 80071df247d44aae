"""The columns of an event's certificate register, and where each certificate stands.

Each column has one value, which the screen and the spreadsheet share, and
may add a smaller line under it on screen (who issued, why it was revoked):
context an organiser reads but would not sort or count in a spreadsheet. The
spreadsheet adds the revocation's public reason and private note as columns
of their own (``REVOCATION_COLUMNS``), so a download keeps why.
The number carries the row's actions in Wagtail's "more options" dropdown, as
Wagtail's own listings do.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.widgets.button import Button, ButtonWithDropdown

from lms.certificates.models import Certificate
from lms.events.admin.listings import LocalTimeColumn, local_date


class RegisterStatus(models.TextChoices):
    VALID = "valid", gettext_lazy("Valid")
    PREPARING = "preparing", gettext_lazy("Being prepared")
    REVOKED = "revoked", gettext_lazy("Revoked")
    REPLACED = "replaced", gettext_lazy("Replaced")


# The same rule as ``register_status``, for the database (the status filter).
STATUS_QUERIES = {
    RegisterStatus.VALID: Q(revoked_at__isnull=True, rendered_at__isnull=False),
    RegisterStatus.PREPARING: Q(revoked_at__isnull=True, rendered_at__isnull=True),
    RegisterStatus.REVOKED: Q(revoked_at__isnull=False, replaced_by__isnull=True),
    RegisterStatus.REPLACED: Q(replaced_by__isnull=False),
}


def replacement(certificate: Certificate) -> Certificate | None:
    """The version that replaced ``certificate`` (joined in by the register's query)."""
    return getattr(certificate, "replaced_by", None)


def register_status(certificate: Certificate) -> RegisterStatus:
    if certificate.is_valid:
        if certificate.is_rendered:
            return RegisterStatus.VALID
        return RegisterStatus.PREPARING
    if replacement(certificate):
        return RegisterStatus.REPLACED
    return RegisterStatus.REVOKED


def status_text(certificate: Certificate) -> str:
    """ "Valid", "Revoked", "Replaced by 001/…-R2": the status column's value."""
    status = register_status(certificate)
    if status == RegisterStatus.REPLACED:
        return _("Replaced by %(number)s") % {"number": replacement(certificate).number}
    return str(status.label)


def status_note(certificate: Certificate) -> str:
    if register_status(certificate) == RegisterStatus.PREPARING:
        return _("Numbered; its PDF is being made. Reload the page in a minute.")
    if certificate.is_valid:
        return ""
    when = local_date(certificate.revoked_at, "j M Y")
    who = f", {certificate.revoked_by.full_name}" if certificate.revoked_by else ""
    why = certificate.get_revoke_public_reason_display()
    if certificate.revoke_note:
        why = f"{why} ({certificate.revoke_note})"
    return f"{when}{who}: {why}"


def issued_note(certificate: Certificate) -> str:
    """Who issued it (or "automatically") and the reason they gave, if any."""
    who = (
        certificate.issued_by.full_name if certificate.issued_by else _("automatically")
    )
    return f"{who}: {certificate.issue_reason}" if certificate.issue_reason else who


# Organisers only, like the whole register: the note is never shown publicly.
REVOCATION_COLUMNS = [
    Column(
        "revoke_public_reason",
        gettext_lazy("Public reason for revoking"),
        accessor="get_revoke_public_reason_display",
    ),
    Column(
        "revoke_note",
        gettext_lazy("Organisers' note on revoking"),
        accessor="revoke_note",
    ),
]


class NotedColumn(Column):
    """A value with an optional smaller line under it (``note(row)``), on screen only."""

    cell_template_name = "lms/event_admin/register/noted_cell.html"

    def __init__(self, name, label, *, note=None, **kwargs):
        super().__init__(name, label, **kwargs)
        self.note = note

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["note"] = self.note(instance) if self.note else ""
        return context


class NotedTimeColumn(NotedColumn, LocalTimeColumn):
    """A moment in Jakarta's time (on screen and in the spreadsheet), with a note."""


class StatusColumn(NotedColumn):
    """The status as Wagtail's status tag, highlighted while the certificate is valid."""

    cell_template_name = "lms/event_admin/register/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["primary"] = register_status(instance) == RegisterStatus.VALID
        return context


def _action_url(name: str, certificate: Certificate) -> str:
    return reverse(
        f"lms_event_admin:{name}", args=[certificate.event_id, certificate.pk]
    )


class NumberColumn(ButtonsColumnMixin, TitleColumn):
    """The number, linking to the stored PDF, with download, re-issue and revoke.

    A certificate being prepared has no PDF to link to yet; a revoked or
    replaced one can still be downloaded for the record, but not changed.
    """

    def get_link_url(self, instance, parent_context):
        if instance.is_rendered:
            return _action_url("certificate_admin_download", instance)
        return None

    def get_buttons(self, instance, parent_context):
        actions = []
        if instance.is_rendered:
            actions.append(
                Button(
                    _("Download PDF"),
                    url=_action_url("certificate_admin_download", instance),
                    icon_name="download",
                    priority=10,
                )
            )
        if instance.is_valid:
            actions += [
                Button(
                    _("Re-issue"),
                    url=_action_url("certificate_reissue", instance),
                    icon_name="rotate",
                    priority=20,
                ),
                Button(
                    _("Revoke"),
                    url=_action_url("certificate_revoke", instance),
                    icon_name="cross",
                    priority=30,
                ),
            ]
        if not actions:
            return []
        return [
            ButtonWithDropdown(
                buttons=actions,
                icon_name="dots-horizontal",
                attrs={
                    "aria-label": _("More options for '%(title)s'")
                    % {"title": instance.number}
                },
            )
        ]
