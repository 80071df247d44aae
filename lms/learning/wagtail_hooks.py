"""The admin's side of learning content: speakers' profiles and their shelves."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.accounts.models import User
from lms.learning.access import sync_speaker_membership
from lms.learning.models import Speaker


class SpeakerViewSet(SnippetViewSet):
    """Speakers' public profiles, chosen on the modules they teach."""

    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "position", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "position"]


register_snippet(SpeakerViewSet)


@hooks.register("after_create_user")
@hooks.register("after_edit_user")
def keep_speaker_in_organisation_group(request, user):
    """The role and organisation set on the user form decide the speaker group."""
    sync_speaker_membership(user)


@hooks.register("after_bulk_action")
def keep_speakers_in_organisation_groups(
    request, action_type, objects, action_class_instance
):
    """Bulk "assign role" and "deactivate" change speaker membership too."""
    if action_class_instance.model is User:
        for user in objects:
            sync_speaker_membership(user)
