"""The certificate models moved from the quiz engine's app to ``lms`` and kept
every row (lms/migrations/0011_certificates_move_from_quizzes.py).

The database is taken back to the migrations before the move, filled there
through the models as they were (``quizzes.Certificate`` and the rest), then
migrated forward; every row, file name, permission and queued task is found
under the models' new home.
"""

import pytest
import wagtail_factories
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from lms.certificates.models import (
    Certificate,
    CertificateCounter,
    CertificateLogo,
    CertificateSignatory,
    CertificateTemplate,
    PrintJob,
)
from lms.certificates.tasks import issue_certificate_task
from tests.lms.certificates.migration_steps import latest, migrate
from tests.lms.events.event_builders import make_event

BEFORE = [
    ("lms", "0010_roles_for_certificates"),
    ("quizzes", "0004_numeric_any_other_number"),
]
OLD_TASK = "quizzes.certificates.tasks.issue_certificate_task"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _fill_before_the_move(old_apps, *, event, user, image):
    """What a site had before the move, written through the models of that time."""
    Template = old_apps.get_model("quizzes", "CertificateTemplate")
    template = Template.objects.create(name="Sertifikat kecamatan", title="SERTIFIKAT")
    old_apps.get_model("quizzes", "CertificateLogo").objects.create(
        template=template, image_id=image.pk, sort_order=0
    )
    old_apps.get_model("quizzes", "CertificateSignatory").objects.create(
        template=template, name="Camat Sawah Besar", position="Camat", sort_order=0
    )
    old_apps.get_model("quizzes", "CertificateCounter").objects.create(
        series="event-1", last_sequence=2
    )
    OldCertificate = old_apps.get_model("quizzes", "Certificate")
    first = OldCertificate.objects.create(
        series="event-1",
        sequence=1,
        number="001/SERT/SAWAH7/IX/2023",
        event_id=event.pk,
        user_id=user.pk,
        template=template,
        snapshot={"name": user.full_name},
        pdf="certificates/001.pdf",
        sha256="a" * 64,
        verification_code="v" * 43,
        method="automatic",
        revoked_at=timezone.now(),
        revoke_reason="Nama salah ketik",
    )
    OldCertificate.objects.create(
        series="event-1",
        sequence=1,
        version=2,
        number="001/SERT/SAWAH7/IX/2023-2",
        event_id=event.pk,
        user_id=user.pk,
        template=template,
        replaces=first,
        snapshot={"name": user.full_name},
        verification_code="w" * 43,
        method="manual",
    )
    old_apps.get_model("quizzes", "PrintJob").objects.create(
        event_id=event.pk, order="name", pdf="print-jobs/job.pdf"
    )
    organisers = Group.objects.create(name="Organisers of the old site")
    organisers.permissions.add(
        Permission.objects.get(
            content_type__app_label="quizzes", codename="add_certificate"
        )
    )
    return organisers


@pytest.fixture
def moved(home_page, participant):
    """The site filled before the move, then migrated to the newest migrations."""
    event = make_event(home_page)
    image = wagtail_factories.ImageFactory()
    newest = latest()
    old_apps = migrate(BEFORE)
    group = _fill_before_the_move(old_apps, event=event, user=participant, image=image)
    queued = DBTaskResult.objects.create(
        task_path=OLD_TASK,
        queue_name="default",
        backend_name="default",
        priority=0,
        args_kwargs={"args": [participant.pk], "kwargs": {"event_id": event.pk}},
        status="READY",
        run_after=timezone.now(),
    )
    migrate(newest)
    # Content types were renamed behind the cache's back: read them afresh, and
    # warm the cache again, as the rest of the suite's database restore expects
    # (a cold cache would create types while the restore loads its own).
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*django_apps.get_models())
    return {"event": event, "user": participant, "group": group, "queued": queued}


def test_every_certificate_row_is_found_under_its_new_home(moved):
    certificates = list(Certificate.objects.order_by("version"))
    assert [c.number for c in certificates] == [
        "001/SERT/SAWAH7/IX/2023",
        "001/SERT/SAWAH7/IX/2023-2",
    ]
    first, second = certificates
    assert second.replaces == first
    assert first.event_id == moved["event"].pk and first.user == moved["user"]
    assert first.pdf.name == "certificates/001.pdf" and first.sha256 == "a" * 64
    template = CertificateTemplate.objects.get()
    assert first.template == second.template == template
    assert CertificateLogo.objects.get().template == template
    assert CertificateSignatory.objects.get().name == "Camat Sawah Besar"
    assert CertificateCounter.objects.get(series="event-1").last_sequence == 2
    job = PrintJob.objects.get()
    assert (job.event_id, job.pdf.name) == (moved["event"].pk, "print-jobs/job.pdf")


def test_the_tables_keep_their_names(moved):
    tables = set(connection.introspection.table_names())
    for model in (Certificate, CertificateTemplate, PrintJob, CertificateCounter):
        assert model._meta.db_table in tables
        assert model._meta.db_table.startswith("quizzes_")


def test_permissions_granted_before_the_move_still_hold(moved):
    assert not ContentType.objects.filter(
        app_label="quizzes", model="certificate"
    ).exists()
    assert (
        moved["group"]
        .permissions.filter(content_type__app_label="lms", codename="add_certificate")
        .exists()
    )


def test_a_task_queued_before_the_move_runs_the_moved_function(moved):
    moved["queued"].refresh_from_db()
    assert moved["queued"].task_path == (
        "lms.certificates.tasks.issue_certificate_task"
    )
    assert import_string(moved["queued"].task_path) is issue_certificate_task
