"""Login lockouts in the user admin: seen in the listing, lifted on the edit page.

A participant locked out in the hall asks the organiser at the desk, who finds
them in *Users* (a "Locked until 14:35" tag, and a filter for every locked
account) and ticks *Unlock login* on their page; setting a new password there
unlocks too. The rules themselves are in ``lms/accounts/login_throttle.py``.
"""

import django_filters
from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.users.views.users import UserFilterSet

from lms.accounts import login_throttle


def _clock(moment) -> str:
    return formats.time_format(timezone.localtime(moment), "H:i")


def locked_until_column() -> StatusTagColumn:
    """The listing's column; its rows come from ``login_throttle.with_locked_until``."""
    return StatusTagColumn(
        "login_locked_until",
        label=_("Login"),
        accessor=lambda user: (
            _("Locked until %(time)s") % {"time": _clock(user.login_locked_until)}
            if user.login_locked_until
            else None
        ),
        primary=True,
        width="15%",
    )


class LockoutFilterSet(UserFilterSet):
    locked_out = django_filters.BooleanFilter(
        label=_("Login locked"), method="filter_locked_out", widget=BooleanRadioSelect
    )

    def filter_locked_out(self, queryset, name, value):
        """Reads the listing's annotation (``login_throttle.with_locked_until``)."""
        return queryset.filter(login_locked_until__isnull=not value)


class UnlockFieldMixin:
    """Adds *Unlock login* to the edit form of a locked account, and unlocks the
    account when it is ticked or when a new password is set."""

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.acting_user = for_user
        until = login_throttle.locked_until(self.instance)
        if until is None:
            return
        self.fields["unlock_login"] = forms.BooleanField(
            label=_("Unlock login"),
            required=False,
            help_text=_(
                "Locked until %(time)s after %(count)s wrong passwords. Tick to "
                "let this person log in now."
            )
            % {"time": _clock(until), "count": login_throttle.MAX_FAILURES},
        )

    def save(self, commit=True):
        user = super().save(commit=commit)
        if not (
            self.cleaned_data.get("unlock_login") or self.cleaned_data.get("password1")
        ):
            return user
        if "unlock_login" in self.fields:  # it was locked: the lifting is logged
            login_throttle.unlock_by_organiser(user, by=self.acting_user)
        else:
            login_throttle.unlock(user)
        return user
