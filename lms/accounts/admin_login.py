"""The Wagtail admin's login form, with a label that can be translated and
the public login's lockout message.

Wagtail's LoginForm declares its password field without a label, so Django
derives "Password" from the field's name and no catalogue can translate it:
organisers saw an English word on an Indonesian login page. Django's own
catalogue (and ours) translates the msgid "Password".
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from lms.accounts.forms import LockoutMessageMixin


class AdminLoginForm(LockoutMessageMixin, LoginForm):
    """Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM) with a translated label.

    A locked organiser is told how long to wait, as on the public login.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
