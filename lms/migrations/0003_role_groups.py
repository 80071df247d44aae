"""Creates the Peserta, Narasumber and Penyelenggara groups with their access.

Wagtail's own starter groups (Editors, Moderators) are retired so that
organisers see only our three roles; Wagtail's default approval task is handed
from Moderators to Penyelenggara, who approve content here, and named so.
"""

from django.db import migrations

from lms.accounts.roles import ORGANISER, PARTICIPANT, SPEAKER, RolePermissions, sync_role_groups

# Frozen: the roles as of this migration. A later change is a new migration.
# Speakers may add and choose images and documents; Wagtail lets them edit
# the ones they uploaded themselves, not other organisations' files. Speakers
# get page permissions per organisation subtree with the content pages.
ROLES = {
    PARTICIPANT: RolePermissions(),
    SPEAKER: RolePermissions(
        model=("wagtailadmin.access_admin",),
        collection={
            "wagtailimages.image": ("add", "choose"),
            "wagtaildocs.document": ("add", "choose"),
        },
    ),
    ORGANISER: RolePermissions(
        model=(
            "wagtailadmin.access_admin",
            "lms.add_organisation",
            "lms.change_organisation",
            "lms.view_organisation",
            "lms.add_user",
            "lms.change_user",
            "lms.view_user",
        ),
        collection={
            "wagtailimages.image": ("add", "change", "choose", "delete"),
            "wagtaildocs.document": ("add", "change", "choose", "delete"),
        },
        tree=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    ),
}

WAGTAIL_STARTER_GROUPS = ("Editors", "Moderators")
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"
ORGANISER_APPROVAL = "Persetujuan Penyelenggara"


def create_role_groups(apps, schema_editor):
    sync_role_groups(apps, ROLES)


def retire_wagtail_starter_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    organisers = Group.objects.get(name=ORGANISER)
    # A site that already put people in them keeps those groups as they are.
    unused = Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True)
    for task in GroupApprovalTask.objects.filter(groups__in=unused).distinct():
        task.groups.add(organisers)
    unused.delete()
    # Workflow and task names are data that organisers read in the admin.
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(
            name=WAGTAIL_STARTER_WORKFLOW
        ).update(name=ORGANISER_APPROVAL)


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0002_organisation_logo"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [
        migrations.RunPython(create_role_groups, migrations.RunPython.noop),
        migrations.RunPython(retire_wagtail_starter_groups, migrations.RunPython.noop),
    ]
