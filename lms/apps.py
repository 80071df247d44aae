from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    """The learning domain: accounts, organisations, and (later) content and events."""

    name = "lms"
    verbose_name = _("Learning")
    default = True


class LmsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, showing our profile fields instead of first/last name."""

    user_viewset = "lms.admin_users.UserViewSet"
