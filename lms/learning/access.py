"""Who may write where: each organisation's speakers on their own module shelf.

Wagtail grants page permissions to groups, not to users, so every
organisation that has speakers gets its own group ("Narasumber · KPUD Jakarta
Pusat") holding add and edit rights on that organisation's module shelf. A
speaker account is a member of the Narasumber role group (admin access,
uploads) and of its organisation's group (where it may write). Neither group
may publish: a speaker's page goes to the organisers' approval workflow.

Membership follows the account: an organiser sets the role and the
organisation on the user form and the right group is kept in step here.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from lms.accounts.models import Organisation, User
from lms.accounts.roles import SPEAKER
from lms.learning.models import ModuleIndexPage

SPEAKER_SHELF_PERMISSIONS = ("add_page", "change_page")
GROUP_NAME_LENGTH = 150


def speaker_group_name(organisation: Organisation) -> str:
    return f"{SPEAKER} · {organisation.short_name or organisation.name}"[
        :GROUP_NAME_LENGTH
    ]


@transaction.atomic
def ensure_speaker_group(organisation: Organisation) -> Group:
    """The organisation's speaker group, created on first need."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.speaker_group_id is None:
        group, _ = Group.objects.get_or_create(name=speaker_group_name(organisation))
        organisation.speaker_group = group
        organisation.save(update_fields=["speaker_group"])
    return organisation.speaker_group


@transaction.atomic
def open_shelf_to_speakers(shelf: ModuleIndexPage) -> None:
    """Gives the shelf's organisation's speakers, and no other speakers, its subtree."""
    others = GroupPagePermission.objects.filter(
        page=shelf, group__speaking_for__isnull=False
    )
    if shelf.organisation_id is None:
        others.delete()
        return
    group = ensure_speaker_group(shelf.organisation)
    others.exclude(group=group).delete()
    for codename in SPEAKER_SHELF_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=shelf,
            permission__codename=codename,
            defaults={"permission": _page_permission(codename)},
        )


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )


@transaction.atomic
def sync_speaker_membership(user: User) -> None:
    """Puts a speaker in their organisation's group and takes them out of any other.

    An account that is not (or no longer) an active speaker, or has no
    organisation, belongs to no organisation's speaker group.
    """
    wanted = None
    if (
        user.is_active
        and user.organisation_id
        and user.groups.filter(name=SPEAKER).exists()
    ):
        wanted = ensure_speaker_group(user.organisation)
    current = user.groups.filter(speaking_for__isnull=False)
    user.groups.remove(*current.exclude(pk=getattr(wanted, "pk", None)))
    if wanted is not None:
        user.groups.add(wanted)
