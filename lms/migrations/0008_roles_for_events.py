"""Organisers run events: enrol, check in, record pact signatures, manage pact texts.

Participants need no model permission: they act on their own records through the
site's views, never the admin.
"""

from django.db import migrations

from lms.accounts.roles import ORGANISER, PARTICIPANT, SPEAKER, RolePermissions, sync_role_groups

# Frozen: the roles as of this migration. A later change is a new migration.
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
            "lms.add_speaker",
            "lms.change_speaker",
            "lms.delete_speaker",
            "lms.view_speaker",
            "lms.add_user",
            "lms.change_user",
            "lms.view_user",
            "lms.add_enrolment",
            "lms.view_enrolment",
            "lms.add_checkin",
            "lms.view_checkin",
            "lms.add_pact",
            "lms.change_pact",
            "lms.view_pact",
            "lms.view_pactversion",
            "lms.add_pactacceptance",
            "lms.view_pactacceptance",
        ),
        collection={
            "wagtailimages.image": ("add", "change", "choose", "delete"),
            "wagtaildocs.document": ("add", "change", "choose", "delete"),
        },
        tree=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    ),
}


def apply_roles(apps, schema_editor):
    sync_role_groups(apps, ROLES)


class Migration(migrations.Migration):
    dependencies = [("lms", "0007_events")]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
