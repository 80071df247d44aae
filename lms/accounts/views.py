from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from lms.accounts.forms import NewPasswordChangeForm


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
    ``lms.core.middleware.PasswordChangeRequiredMiddleware`` lets the person through."""

    def form_valid(self, form):
        form.user.must_change_password = False  # saved with the new password
        return super().form_valid(form)


class PasswordChangeView(NewPasswordMixin, auth_views.PasswordChangeView):
    form_class = NewPasswordChangeForm


class PasswordResetConfirmView(NewPasswordMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, naming our service (not the host) in the email."""

    extra_email_context = {"site_name": settings.SITE_NAME}
