"""Which accounts an organiser's bulk tools may change: participants' only.

An import updates accounts found by phone number and printing login slips
replaces passwords. Neither may ever reach a staff, speaker or organiser
account: a typo in a spreadsheet would otherwise rename an organiser or reset
an administrator's password. An account counts as a participant's when it has
no admin flag, no group but Peserta and no permission of its own.
"""

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
)

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT


def with_protection(users: QuerySet[User]) -> QuerySet[User]:
    """``users`` with ``is_protected``: True for any account that is not a participant's."""
    other_groups = User.groups.through.objects.filter(user=OuterRef("pk")).exclude(
        group__name=PARTICIPANT
    )
    own_permissions = User.user_permissions.through.objects.filter(user=OuterRef("pk"))
    protected = (
        Q(is_staff=True)
        | Q(is_superuser=True)
        | Exists(other_groups)
        | Exists(own_permissions)
    )
    return users.annotate(
        is_protected=ExpressionWrapper(protected, output_field=BooleanField())
    )
