"""Certificates move from the quiz engine's app to ``lms`` (lms/certificates/).

Only Django's idea of where the models live changes; the database keeps its
tables (``quizzes_certificate`` and the rest, named by ``db_table``) and every
row. Django's documented technique: ``SeparateDatabaseAndState`` creates the
models here in state only, and ``quizzes/0005`` deletes them there in state only.

Two things outside the tables name the old app, and follow it here:
- the content types, which permissions (the organiser role's "add certificate"),
  Wagtail's history and references point at: renamed, so all of them stay;
- background tasks queued before the upgrade and not yet run, which name their
  function by its import path: pointed at the new module.
"""

import django.db.models.deletion
import django.utils.timezone
import lms.certificates.models
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = (
    "certificate",
    "certificatecounter",
    "certificatelogo",
    "certificatesignatory",
    "certificatetemplate",
    "printjob",
)
OLD_TASK_MODULE = "quizzes.certificates.tasks."
NEW_TASK_MODULE = "lms.certificates.tasks."


def rename_content_types(apps, schema_editor, old_label="quizzes", new_label="lms"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        # A type already under the new label (a half-run upgrade) is left as it is.
        if ContentType.objects.filter(app_label=new_label, model=model).exists():
            continue
        ContentType.objects.filter(app_label=old_label, model=model).update(
            app_label=new_label
        )


def restore_content_types(apps, schema_editor):
    rename_content_types(apps, schema_editor, old_label="lms", new_label="quizzes")


def repoint_queued_tasks(apps, schema_editor, old=OLD_TASK_MODULE, new=NEW_TASK_MODULE):
    try:
        DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:  # a site without the database task backend
        return
    for result in DBTaskResult.objects.filter(task_path__startswith=old):
        result.task_path = new + result.task_path.removeprefix(old)
        result.save(update_fields=["task_path"])


def restore_queued_tasks(apps, schema_editor):
    repoint_queued_tasks(apps, schema_editor, old=NEW_TASK_MODULE, new=OLD_TASK_MODULE)


class Migration(migrations.Migration):

    dependencies = [
        ('lms', '0010_roles_for_certificates'),
        ('quizzes', '0004_numeric_any_other_number'),
        ('wagtailimages', '0027_image_description'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CertificateCounter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('series', models.CharField(max_length=40, unique=True, verbose_name='series')),
                        ('last_sequence', models.PositiveIntegerField(default=0, verbose_name='last number')),
                    ],
                    options={
                        'db_table': 'quizzes_certificatecounter',
                    },
                ),
                migrations.CreateModel(
                    name='CertificateTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                        ('is_default', models.BooleanField(default=False, help_text='Used by events that do not choose a template.', verbose_name='default template')),
                        ('orientation', models.CharField(choices=[('landscape', 'Landscape'), ('portrait', 'Portrait')], default='landscape', max_length=10, verbose_name='orientation')),
                        ('paper_size', models.CharField(choices=[('A4', 'A4'), ('F4', 'F4 (215 × 330 mm)'), ('letter', 'Letter')], default='A4', max_length=10, verbose_name='paper size')),
                        ('title', models.CharField(default='SERTIFIKAT', max_length=100, verbose_name='title')),
                        ('body', models.TextField(help_text='Placeholders: {name}, {institution}, {position}, {event}, {dates}, {venue}, {hours}, {score}, {number}, {issue_date}.', verbose_name='body text')),
                        ('font', models.CharField(choices=[('Liberation Serif', 'Liberation Serif'), ('Liberation Sans', 'Liberation Sans'), ('DejaVu Serif', 'DejaVu Serif'), ('DejaVu Sans', 'DejaVu Sans')], default='Liberation Serif', max_length=40, verbose_name='font')),
                        ('numbering_pattern', models.CharField(default='{seq:03d}/SERT/{event_code}/{month_roman}/{year}', help_text='Fields: {seq:03d}, {event_code}, {month_roman}, {month}, {year}.', max_length=120, verbose_name='numbering pattern')),
                        ('background', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='background image')),
                    ],
                    options={
                        'verbose_name': 'certificate template',
                        'verbose_name_plural': 'certificate templates',
                        'db_table': 'quizzes_certificatetemplate',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='CertificateSignatory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('position', models.CharField(max_length=200, verbose_name='position')),
                        ('nip', models.CharField(blank=True, max_length=30, verbose_name='NIP')),
                        ('signature', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='signature image')),
                        ('template', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='signatories', to='lms.certificatetemplate')),
                    ],
                    options={
                        'db_table': 'quizzes_certificatesignatory',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='CertificateLogo',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('template', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='logos', to='lms.certificatetemplate')),
                    ],
                    options={
                        'db_table': 'quizzes_certificatelogo',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.AlterField(
                    model_name='eventpage',
                    name='certificate_template',
                    field=models.ForeignKey(blank=True, help_text='Leave empty to use the default template.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='lms.certificatetemplate', verbose_name='certificate template'),
                ),
                migrations.CreateModel(
                    name='PrintJob',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order', models.CharField(choices=[('name', 'Name'), ('kelurahan', 'Kelurahan, then name'), ('number', 'Certificate number')], max_length=10, verbose_name='order')),
                        ('status', models.CharField(choices=[('queued', 'Waiting'), ('running', 'Printing'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                        ('total', models.PositiveIntegerField(default=0, verbose_name='certificates')),
                        ('done', models.PositiveIntegerField(default=0, verbose_name='printed')),
                        ('pdf', models.FileField(blank=True, storage=lms.certificates.models.get_private_storage, upload_to='print-jobs/', verbose_name='PDF')),
                        ('zip', models.FileField(blank=True, storage=lms.certificates.models.get_private_storage, upload_to='print-jobs/', verbose_name='ZIP')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested')),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                        ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='print_jobs', to='lms.eventpage', verbose_name='event')),
                    ],
                    options={
                        'verbose_name': 'print job',
                        'verbose_name_plural': 'print jobs',
                        'db_table': 'quizzes_printjob',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Certificate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('series', models.CharField(max_length=40, verbose_name='series')),
                        ('sequence', models.PositiveIntegerField(verbose_name='sequence')),
                        ('version', models.PositiveSmallIntegerField(default=1, verbose_name='version')),
                        ('number', models.CharField(max_length=120, unique=True, verbose_name='number')),
                        ('snapshot', models.JSONField(verbose_name='what was printed')),
                        ('pdf', models.FileField(blank=True, storage=lms.certificates.models.get_private_storage, upload_to='certificates/', verbose_name='PDF')),
                        ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256')),
                        ('verification_code', models.CharField(max_length=43, unique=True, verbose_name='verification code')),
                        ('method', models.CharField(choices=[('automatic', 'Issued automatically on completion'), ('manual', 'Issued by an organiser')], max_length=10, verbose_name='how')),
                        ('issued_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='issued')),
                        ('rendered_at', models.DateTimeField(blank=True, null=True, verbose_name='PDF stored')),
                        ('issue_reason', models.CharField(blank=True, max_length=300, verbose_name='reason for issuing')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                        ('revoke_reason', models.CharField(blank=True, max_length=300, verbose_name='reason for revoking')),
                        ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to='lms.eventpage', verbose_name='event')),
                        ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='issued by')),
                        ('quiz', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to='quizzes.quizpage', verbose_name='quiz')),
                        ('replaces', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='replaced_by', to='lms.certificate', verbose_name='replaces')),
                        ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to=settings.AUTH_USER_MODEL, verbose_name='participant')),
                        ('template', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='certificates', to='lms.certificatetemplate', verbose_name='template')),
                    ],
                    options={
                        'verbose_name': 'certificate',
                        'verbose_name_plural': 'certificates',
                        'db_table': 'quizzes_certificate',
                        'ordering': ['series', 'sequence', 'version'],
                        'constraints': [models.UniqueConstraint(fields=('series', 'sequence', 'version'), name='one_certificate_per_number_and_version'), models.UniqueConstraint(condition=models.Q(('event__isnull', False), ('revoked_at__isnull', True)), fields=('event', 'user'), name='one_valid_certificate_per_event_participant')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
        migrations.RunPython(repoint_queued_tasks, restore_queued_tasks),
    ]
