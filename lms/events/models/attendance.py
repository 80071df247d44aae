from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CheckIn(models.Model):
    """A participant's presence in the hall, for completion and the daftar hadir.

    Either the participant scanned the hall screen's current QR code, or an
    organiser recorded them by hand and said why (phone flat, no smartphone); the
    reason goes into the accountability report, so it is required for that way in.
    One row per participant and event: checking in twice keeps the first time.
    """

    class Method(models.TextChoices):
        QR = "qr", _("Scanned the QR code")
        MANUAL = "manual", _("Recorded by an organiser")

    event = models.ForeignKey(
        "lms.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="check_ins",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="check_ins",
    )
    checked_in_at = models.DateTimeField(_("checked in"), default=timezone.now)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_check_in_per_event"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.event_id}"

    def clean(self):
        if self.method == self.Method.MANUAL and not self.reason.strip():
            raise ValidationError({"reason": _("Say why this is recorded by hand.")})
