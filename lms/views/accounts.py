from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _


class LogoutView(auth_views.LogoutView):
    """Logs out and says so on the page it returns to.

    People on a shared phone need to see that their account is closed.
    """

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have logged out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, naming our service (not the host) in the email."""

    extra_email_context = {"site_name": settings.SITE_NAME}
