from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class LmsConfig(AppConfig):
    """Accounts, learning content, events and certificates: one Django app whose
    domains are sub-packages (docs/architecture.md, "Where things live")."""

    name = "lms"
    verbose_name = _("Learning")
    default = True

    def ready(self):
        from wagtail.signals import page_published

        from lms.accounts import role_audit  # noqa: F401 - connects it
        from lms.certificates import receivers  # noqa: F401 - connects them
        from lms.core.admin_scripts import start_widgets_without_inline_scripts
        from lms.core.site_nav import connect_signals
        from lms.learning.access import open_shelf_to_speakers
        from lms.learning.models import ModuleIndexPage

        connect_signals()
        start_widgets_without_inline_scripts()

        # On publication, not on save: a speaker's draft that names another
        # organisation must not move the shelf before an organiser approves it.
        # The signal fires for the editor's publish and the workflow's approval.
        page_published.connect(
            lambda sender, instance, **kwargs: open_shelf_to_speakers(instance),
            sender=ModuleIndexPage,
            weak=False,
            dispatch_uid="lms.open_shelf_to_speakers",
        )


class LmsUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, showing our profile fields instead of first/last name."""

    user_viewset = "lms.accounts.admin_users.UserViewSet"
