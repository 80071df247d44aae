"""The pacts and pledges in the admin: their texts, their versions, and no deleting.

Organisers write the Pakta Integritas and the Ikrar here; every saved change to
the words becomes a numbered version (``lms.events.pacts.record_pact_version``, run by
the hooks registered in ``lms/wagtail_hooks.py``), and the inspect view lists
the versions with when and by whom they were made.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from lms.events.models import Pact
from lms.events.pacts import clean_version_text, record_pact_version


class PactPermissionPolicy(ModelPermissionPolicy):
    """Nobody deletes a pact, not even a superuser.

    Its versions are the record of what participants agreed to (promise 6, docs/architecture.md) and
    each version holds on to its pact, so a delete could only fail. A text that
    is no longer used is retired by taking it off the events' settings.
    """

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])


# Wagtail wants a model's policy registered before anything asks for it;
# this module is imported by lms/wagtail_hooks.py, before the viewset registers.
register_permission_policy(Pact, PactPermissionPolicy(Pact))


class PactInspectView(InspectView):
    """The pact, then every version of its words, newest first."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["versions"] = [
            (version, clean_version_text(version))
            for version in self.object.versions.select_related("created_by")
        ]
        return context


class PactViewSet(SnippetViewSet):
    """ "Pacts and pledges" in the admin menu, for organisers."""

    model = Pact
    icon = "doc-full"
    menu_label = gettext_lazy("Pacts and pledges")
    add_to_admin_menu = True
    menu_order = 305
    list_display = ["title", "kind"]
    list_filter = ["kind"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_class = PactInspectView
    inspect_view_fields = ["title", "kind"]
    inspect_template_name = "lms/pact_admin/inspect.html"
    panels = [
        HelpPanel(
            gettext_lazy(
                "Saving a changed title or text makes a new version. Participants "
                "who accepted an earlier version keep the version they read; the "
                "others are shown the new one. Inspect a pact to see its versions."
            )
        ),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("body"),
    ]


def record_version_after_save(request, instance):
    """After a pact is created or edited in the admin, keep its words as a version."""
    if not isinstance(instance, Pact):
        return
    version = record_pact_version(pact=instance, by=request.user)
    if version is not None:
        messages.info(
            request,
            _("The text of '%(title)s' is now version %(number)s.")
            % {"title": version.title, "number": version.number},
        )
