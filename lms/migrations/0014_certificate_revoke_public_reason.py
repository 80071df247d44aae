"""A revoked certificate's public reason, chosen from a short list, and a private note.

The old free-text reason was shown on the public verification page; it becomes
the organisers' note (the same column, renamed, so nothing is lost). Each
certificate revoked before this gets the public reason that fits what is
known: "replaced" when a newer version replaced it, else "issued in error".
See docs/certificates.md.
"""

from django.db import migrations, models

REPLACED = "replaced"
ISSUED_IN_ERROR = "issued_in_error"


def give_revoked_a_public_reason(apps, schema_editor):
    Certificate = apps.get_model("lms", "Certificate")
    revoked = Certificate.objects.filter(revoked_at__isnull=False)
    revoked.filter(replaced_by__isnull=False).update(revoke_public_reason=REPLACED)
    revoked.filter(replaced_by__isnull=True).update(
        revoke_public_reason=ISSUED_IN_ERROR
    )


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0013_attempt_counters"),
    ]

    operations = [
        migrations.RenameField(
            model_name="certificate",
            old_name="revoke_reason",
            new_name="revoke_note",
        ),
        migrations.AlterField(
            model_name="certificate",
            name="revoke_note",
            field=models.CharField(
                blank=True,
                max_length=300,
                verbose_name="organisers' note on revoking",
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="revoke_public_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("name_misspelt", "Name misspelt"),
                    ("issued_in_error", "Issued in error"),
                    ("replaced", "Replaced by a new certificate"),
                ],
                max_length=20,
                verbose_name="public reason for revoking",
            ),
        ),
        # Going back, the column is renamed back and the public reason dropped.
        migrations.RunPython(give_revoked_a_public_reason, migrations.RunPython.noop),
    ]
