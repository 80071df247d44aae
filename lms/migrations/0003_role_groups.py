"""Creates the Peserta, Narasumber and Penyelenggara groups with their access.

Wagtail's own starter groups (Editors, Moderators) are retired so that
organisers see only our three roles; Wagtail's default approval task is handed
from Moderators to Penyelenggara, who approve content here, and named so.
"""

from django.db import migrations

from lms.roles import ORGANISER, sync_role_groups


WAGTAIL_STARTER_GROUPS = ("Editors", "Moderators")
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"
ORGANISER_APPROVAL = "Persetujuan Penyelenggara"


def create_role_groups(apps, schema_editor):
    sync_role_groups(apps)


def retire_wagtail_starter_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    organisers = Group.objects.get(name=ORGANISER)
    starters = Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS)
    for task in GroupApprovalTask.objects.filter(groups__in=starters).distinct():
        task.groups.remove(*starters)
        task.groups.add(organisers)
    # A site that already put people in them keeps them.
    starters.filter(user__isnull=True).delete()
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
