"""The three roles, as Django groups, and the admin access each one needs.

Roles are data (groups an organiser can inspect in the admin), but what each
role may do is decided here, once. Migrations call ``sync_role_groups`` with
the historical app registry; a later change to a role adds a migration that
calls it again.
"""

PARTICIPANT = "Peserta"
SPEAKER = "Narasumber"
ORGANISER = "Penyelenggara"

ROLE_NAMES = (PARTICIPANT, SPEAKER, ORGANISER)

_MEDIA = ("add", "change", "choose")

# Model permissions ("app_label.codename") per role. Participants work only on
# the public site and get none: no Wagtail admin at all.
MODEL_PERMISSIONS: dict[str, tuple[str, ...]] = {
    PARTICIPANT: (),
    SPEAKER: ("wagtailadmin.access_admin",),
    ORGANISER: (
        "wagtailadmin.access_admin",
        "lms.add_organisation",
        "lms.change_organisation",
        "lms.view_organisation",
        "lms.add_user",
        "lms.change_user",
        "lms.view_user",
    ),
}

# Image and document permissions are granted per collection; these apply to
# the root collection, so they cover everything.
COLLECTION_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    PARTICIPANT: {},
    SPEAKER: {"wagtailimages.image": _MEDIA, "wagtaildocs.document": _MEDIA},
    ORGANISER: {
        "wagtailimages.image": (*_MEDIA, "delete"),
        "wagtaildocs.document": (*_MEDIA, "delete"),
    },
}

# Page permissions on the whole tree. Speakers get theirs per organisation
# subtree when module pages exist; organisers approve and publish everywhere.
TREE_PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    PARTICIPANT: (),
    SPEAKER: (),
    ORGANISER: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}


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


def sync_role_groups(apps) -> None:
    """Create the role groups and give each exactly the permissions listed above."""
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

    for role in ROLE_NAMES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            [
                _permission(apps, *dotted.split("."))
                for dotted in MODEL_PERMISSIONS[role]
            ]
        )

        GroupCollectionPermission.objects.filter(
            group=group, collection=root_collection
        ).delete()
        if root_collection is not None:
            for model, actions in COLLECTION_PERMISSIONS[role].items():
                app_label, model_name = model.split(".")
                for action in actions:
                    GroupCollectionPermission.objects.create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(
                            apps, app_label, f"{action}_{model_name}"
                        ),
                    )

        GroupPagePermission.objects.filter(group=group, page=root_page).delete()
        if root_page is not None:
            for codename in TREE_PAGE_PERMISSIONS[role]:
                GroupPagePermission.objects.create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", codename),
                )
