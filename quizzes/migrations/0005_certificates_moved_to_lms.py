"""The certificate models leave the quiz engine's app, in Django's state only.

Their tables and rows stay; ``lms/migrations/0011_certificates_move_from_quizzes.py``
took the models over (see there).
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('lms', '0011_certificates_move_from_quizzes'),
        ('quizzes', '0004_numeric_any_other_number'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='certificate',
                    name='event',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='issued_by',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='quiz',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='replaces',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='revoked_by',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='certificate',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='CertificateCounter',
                ),
                migrations.RemoveField(
                    model_name='certificatelogo',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='certificatelogo',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='certificatesignatory',
                    name='signature',
                ),
                migrations.RemoveField(
                    model_name='certificatesignatory',
                    name='template',
                ),
                migrations.RemoveField(
                    model_name='certificatetemplate',
                    name='background',
                ),
                migrations.RemoveField(
                    model_name='printjob',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='printjob',
                    name='event',
                ),
                migrations.DeleteModel(
                    name='Certificate',
                ),
                migrations.DeleteModel(
                    name='CertificateLogo',
                ),
                migrations.DeleteModel(
                    name='CertificateSignatory',
                ),
                migrations.DeleteModel(
                    name='CertificateTemplate',
                ),
                migrations.DeleteModel(
                    name='PrintJob',
                ),
            ],
            database_operations=[],
        ),
    ]
