"""Wagtail's user admin, adapted to our user model and our roles.

Our users have one ``full_name`` and a participant profile instead of
first/last names, so Wagtail's stock forms (which require first and last name
and an email) would not work. The templates that lay out these fields live in
``templates/wagtailusers/users/lms/user/``.

Organisers manage accounts, but only a superuser may create, change or
deactivate a superuser: otherwise any organiser could make themselves one.
"""

import re

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import CopyViewMixin
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from lms.accounts import login_throttle
from lms.accounts.admin_lockouts import (
    LockoutFilterSet,
    UnlockFieldMixin,
    locked_until_column,
)
from lms.accounts.models import User
from lms.accounts.roles import ROLE_NAMES

PROFILE_FIELDS = (
    "full_name",
    "phone",
    "email",
    "institution_type",
    "position",
    "rt",
    "rw",
    "kecamatan",
    "kelurahan",
    "organisation",
)


def can_manage_user(actor: User, target: User) -> bool:
    """Only a superuser may change a superuser's account."""
    return actor.is_superuser or not target.is_superuser


class _ProfileFieldsMixin(forms.ModelForm):
    # Wagtail declares these as required form fields; our model has neither.
    first_name = None
    last_name = None
    # Many participants have no email address.
    email = forms.EmailField(
        required=False, label=capfirst(User._meta.get_field("email").verbose_name)
    )

    def __init__(self, *args, for_user: User, **kwargs):
        super().__init__(*args, **kwargs)
        if for_user.is_superuser:
            return
        if "is_superuser" in self.fields:
            # Disabled fields ignore what is posted and keep the stored value.
            self.fields["is_superuser"].disabled = True
            self.fields["is_superuser"].help_text = _(
                "Only an administrator can give or take away administrator access."
            )
        self.fields["groups"].queryset = Group.objects.filter(name__in=ROLE_NAMES)


class LmsUserCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta:
        model = User
        fields = ("username", *PROFILE_FIELDS, "is_superuser", "groups")
        widgets = {"groups": forms.CheckboxSelectMultiple}


class LmsUserEditForm(UnlockFieldMixin, _ProfileFieldsMixin, UserEditForm):
    class Meta:
        model = User
        fields = ("username", *PROFILE_FIELDS, "is_active", "is_superuser", "groups")
        widgets = {"groups": forms.CheckboxSelectMultiple}


class IndexView(wagtail_users.IndexView):
    """Finds people the way organisers look for them: by name or phone number;
    shows which accounts are locked out of logging in."""

    search_backend_name = None  # plain database lookups over the fields below

    def get_base_queryset(self):
        return login_throttle.with_locked_until(super().get_base_queryset())

    @cached_property
    def columns(self):
        return [*super().columns, locked_until_column()]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        matches = (
            Q(username__icontains=query)
            | Q(full_name__icontains=query)
            | Q(email__icontains=query)
        )
        digits = re.sub(r"[^0-9]", "", query)
        if len(digits) >= 3:
            # Numbers are stored as +62...; "0812", "62812" and "812" all match.
            national = re.sub(r"^(62|0)", "", digits)
            matches |= Q(phone__contains=national)
        return queryset.filter(matches)


class CreateView(wagtail_users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CopyView(CopyViewMixin, CreateView):
    """Wagtail's "copy": the add form, filled in from an existing account, with
    the same limits as adding one (it posts to the add view)."""


class EditView(wagtail_users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_manage_user(request.user, self.object):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    filterset_class = LockoutFilterSet
    add_view_class = CreateView
    copy_view_class = CopyView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return LmsUserEditForm if for_update else LmsUserCreationForm


class AccountNameForm(forms.ModelForm):
    """The "Name and email" panel of a user's own admin account page."""

    class Meta:
        model = User
        fields = ["full_name", "email"]
