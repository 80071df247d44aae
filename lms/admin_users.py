"""Wagtail's user admin, adapted to our user model.

Our users have one ``full_name`` and a participant profile instead of
first/last names, so Wagtail's stock forms (which require first and last name
and an email) would not work. The templates that lay out these fields live in
``templates/wagtailusers/users/lms/user/``.
"""

from django import forms
from django.utils.text import capfirst
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from lms.models import User

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


class _ProfileFieldsMixin(forms.ModelForm):
    # Wagtail declares these as required form fields; our model has neither.
    first_name = None
    last_name = None
    # Many participants have no email address.
    email = forms.EmailField(
        required=False, label=capfirst(User._meta.get_field("email").verbose_name)
    )


class LmsUserCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta:
        model = User
        fields = ("username", *PROFILE_FIELDS, "is_superuser", "groups")
        widgets = {"groups": forms.CheckboxSelectMultiple}


class LmsUserEditForm(_ProfileFieldsMixin, UserEditForm):
    class Meta:
        model = User
        fields = ("username", *PROFILE_FIELDS, "is_active", "is_superuser", "groups")
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    """Uses the forms above; searching by name or phone is what organisers do."""

    def get_form_class(self, for_update=False):
        return LmsUserEditForm if for_update else LmsUserCreationForm
