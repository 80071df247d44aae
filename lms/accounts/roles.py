"""The three roles, as Django groups, and how their permissions are applied.

Roles are data (groups an organiser can inspect in the admin); what each role
may do is decided by migrations, each of which freezes the complete table of
its time and applies it with ``sync_role_groups``. The newest such migration
(``lms/migrations/0010_roles_for_certificates.py`` for now) is therefore the place to
read what a role may do, and a change to a role is a new migration with a new
table: an old migration never refers to permissions that did not yet exist.
"""

from dataclasses import dataclass

PARTICIPANT = "Peserta"
SPEAKER = "Narasumber"
ORGANISER = "Penyelenggara"

ROLE_NAMES = (PARTICIPANT, SPEAKER, ORGANISER)


@dataclass(frozen=True)
class RolePermissions:
    """Everything one role may do, as permission names.

    ``model``: "app_label.codename" granted to the group.
    ``collection``: {"app_label.model": actions} on the root collection
    (images and documents are permissioned per collection).
    ``tree``: page permission codenames on the root page, i.e. everywhere.
    """

    model: tuple[str, ...] = ()
    collection: dict[str, tuple[str, ...]] | None = None
    tree: tuple[str, ...] = ()


def _ensure_permissions_exist(apps) -> None:
    """Permissions are normally created after migrate; we need them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, app_label: str, codename: str):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_role_groups(apps, table: dict[str, RolePermissions]) -> None:
    """Create the role groups and give each exactly the permissions in ``table``.

    "Exactly": what an organiser granted a role group by hand at the root is
    replaced, so that every site runs the roles the migrations describe.
    Grants on sub-collections and subtrees are left alone.
    """
    _ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    root_collection = Collection.objects.filter(depth=1).first()
    root_page = Page.objects.filter(depth=1).first()

    for role, permissions in table.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            [_permission(apps, *dotted.split(".")) for dotted in permissions.model]
        )

        GroupCollectionPermission.objects.filter(
            group=group, collection=root_collection
        ).delete()
        for model, actions in (permissions.collection or {}).items():
            app_label, model_name = model.split(".")
            for action in actions:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, f"{action}_{model_name}"),
                )

        GroupPagePermission.objects.filter(group=group, page=root_page).delete()
        for codename in permissions.tree:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=_permission(apps, "wagtailcore", codename),
            )
