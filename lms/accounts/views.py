from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lms.accounts import login_throttle
from lms.accounts.attempt_limits import (
    Limit,
    digest,
    minutes,
    seconds_to_wait,
    take,
)
from lms.accounts.forms import NewPasswordChangeForm
from lms.core.client_address import client_address

# Reset emails one client address may ask for: a person needs one or two; a
# hall rarely needs any (most participants have no email address), and a
# script must not mail-bomb every address it knows from here.
RESET_REQUESTS = Limit("reset-address", 10, timedelta(minutes=15))


class LogoutView(auth_views.LogoutView):
    """Logs out and says so on the page it returns to.

    People on a shared phone need to see that their account is closed.
    """

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have logged out."))
        return response


class NewPasswordMixin:
    """Choosing a new password (by changing or resetting it) ends the reign of a
    login slip's one-time password: ``must_change_password`` is lifted, so
    ``lms.core.middleware.PasswordChangeRequiredMiddleware`` lets the person through.

    It also ends a login lockout: whoever could reset the password through the
    emailed link is the owner, and the wrong passwords counted were not theirs
    (or no longer matter)."""

    def form_valid(self, form):
        form.user.must_change_password = False  # saved with the new password
        response = super().form_valid(form)
        login_throttle.unlock(form.user)
        return response


class PasswordChangeView(NewPasswordMixin, auth_views.PasswordChangeView):
    form_class = NewPasswordChangeForm


class PasswordResetConfirmView(NewPasswordMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, naming our service (not the host) in the email, and
    sending at most ``RESET_REQUESTS`` per client address.

    Whether an address has an account is never said: the next page reads the
    same either way (Django's "if an account exists" wording)."""

    extra_email_context = {"site_name": settings.SITE_NAME}

    def form_valid(self, form):
        address = digest(client_address(self.request))
        if not take(RESET_REQUESTS, address):
            wait = minutes(seconds_to_wait(RESET_REQUESTS, address))
            message = ngettext(
                "Too many reset requests from this network. Wait %(minutes)s "
                "minute and try again.",
                "Too many reset requests from this network. Wait %(minutes)s "
                "minutes and try again.",
                wait,
            ) % {"minutes": wait}
            form.add_error(None, message)
            return self.form_invalid(form)
        return super().form_valid(form)
