"""Revoked certificates keep their reason as the organisers' note and get a
public reason (lms/migrations/0014_certificate_revoke_public_reason.py).

The database is taken back to the migration before, filled there with a
certificate replaced by a re-issue, one revoked outright and one still valid,
then migrated forward.
"""

import pytest

from lms.certificates.models import Certificate
from tests.lms.certificates.migration_steps import latest, migrate

BEFORE = [("lms", "0013_attempt_counters")]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _fill(old_apps, user) -> dict[str, int]:
    OldCertificate = old_apps.get_model("lms", "Certificate")

    def certificate(code, *, sequence, version=1, **fields):
        return OldCertificate.objects.create(
            series="event-1",
            sequence=sequence,
            version=version,
            number=f"{sequence:03d}-{version}",
            user_id=user.pk,
            snapshot={"name": "Siti"},
            verification_code=code * 43,
            method="automatic",
            **fields,
        )

    replaced = certificate(
        "a", sequence=1, revoked_at="2023-10-02T09:00Z", revoke_reason="Typo"
    )
    reissue = certificate("b", sequence=1, version=2, replaces=replaced)
    revoked = certificate(
        "c", sequence=2, revoked_at="2023-10-03T09:00Z", revoke_reason="Salah"
    )
    return {"replaced": replaced.pk, "reissue": reissue.pk, "revoked": revoked.pk}


@pytest.fixture
def migrated(participant):
    newest = latest()
    ids = _fill(migrate(BEFORE), participant)
    migrate(newest)
    return {name: Certificate.objects.get(pk=pk) for name, pk in ids.items()}


def test_the_old_reason_becomes_the_note_and_a_public_reason_is_set(migrated):
    replaced, revoked = migrated["replaced"], migrated["revoked"]
    assert replaced.revoke_note == "Typo"
    assert replaced.revoke_public_reason == Certificate.PublicReason.REPLACED
    assert revoked.revoke_note == "Salah"
    assert revoked.revoke_public_reason == Certificate.PublicReason.ISSUED_IN_ERROR
    valid = migrated["reissue"]
    assert valid.is_valid and valid.revoke_public_reason == valid.revoke_note == ""
