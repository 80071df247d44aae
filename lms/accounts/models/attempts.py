from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttemptCounter(models.Model):
    """How many attempts one key has used in its current window, for one limit.

    One row per (limit, key): an account's wrong passwords (``user`` set), a
    login typed that matches no account, or one client address's failed logins,
    password reset requests or refused registrations. The rules that read and
    write it, in single atomic UPDATEs, are in ``lms/accounts/attempt_limits.py``.
    Keys other than an account's are SHA-256 digests: what strangers typed and
    where they came from is not kept.
    """

    scope = models.CharField(_("limit"), max_length=32)
    key = models.CharField(_("key"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attempt_counters",
    )
    count = models.PositiveIntegerField(_("attempts"), default=0)
    window_start = models.DateTimeField(_("window started"), db_index=True)

    class Meta:
        verbose_name = _("attempt counter")
        verbose_name_plural = _("attempt counters")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key"], name="lms_attemptcounter_scope_key"
            )
        ]

    def __str__(self):
        return f"{self.scope}:{self.key} ({self.count})"
