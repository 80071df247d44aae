"""Issuing, revoking and re-issuing: who qualifies, numbering, what is stored."""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.db.models import QuerySet
from django.utils import timezone, translation

from lms.certificates import automatic, issuing, rendering, saving, snapshot
from lms.certificates.automatic import issue_automatically
from lms.certificates.eligibility import CertificateRefused
from lms.certificates.issuing import issue_certificate, issue_for_qualified
from lms.certificates.models import Certificate, CertificateCounter, CertificateTemplate
from lms.certificates.revoking import reissue_certificate, revoke_certificate
from lms.events import check_ins
from lms.events.models import CheckIn
from lms.events.pacts import accept_pact
from tests.factories import PactFactory, ParticipantFactory, QuizPageFactory
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_pdf,
    fake_render,
    post_test,
    private_files,
    qualify,
    take_and_pass,
)
from tests.lms.events import event_builders as builders
from tests.lms.events.event_builders import attempt, enrol, make_event, make_test
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db
AUTO = Certificate.Method.AUTOMATIC
MANUAL = Certificate.Method.MANUAL


def issue(user, event, **kwargs):
    return issue_certificate(user=user, event=event, method=AUTO, **kwargs)


def test_a_participant_who_completes_gets_a_numbered_stored_certificate(
    fake_render, event, post_test
):
    person = ParticipantFactory(
        full_name="R.A. Siti Nur'aini Kusumawardhani, S.Sos.",
        position="Ketua RT 005",
        institution_type="rt",
        kelurahan="Pasar Baru",
    )
    qualify(event, post_test, person, percent=87)
    certificate = issue(person, event)
    today = timezone.localdate()
    roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
    assert certificate.number == (
        f"001/SERT/KEG{event.pk}/{roman[today.month - 1]}/{today.year}"
    )
    assert (certificate.series, certificate.sequence, certificate.version) == (
        f"event:{event.pk}",
        1,
        1,
    )
    stored = certificate.pdf.read()
    assert stored.startswith(b"%PDF")
    assert certificate.sha256 == hashlib.sha256(stored).hexdigest()
    assert len(certificate.verification_code) >= 22  # at least 128 bits in base64
    snapshot = certificate.snapshot
    assert snapshot["name"] == "R.A. Siti Nur'aini Kusumawardhani, S.Sos."
    assert snapshot["institution"] == "Ketua RT 005 · RT"
    assert snapshot["kelurahan"] == "Pasar Baru"
    assert snapshot["event_title"] == event.title
    assert snapshot["score"] == "87"
    assert snapshot["hours_jp"] == event.hours_jp
    assert snapshot["number"] == certificate.number
    assert snapshot["verification_url"] == (
        f"http://testserver/v/{certificate.verification_code}/"
    )
    assert certificate.method == AUTO and certificate.issued_by is None
    assert certificate.template == rendering.default_template()


def test_verification_codes_differ(fake_render, event, post_test):
    people = ParticipantFactory.create_batch(3)
    for person in people:
        qualify(event, post_test, person)
    codes = {issue(p, event).verification_code for p in people}
    assert len(codes) == 3


def test_the_events_own_template_and_its_pattern_are_used(
    fake_render, event, post_test
):
    template = CertificateTemplate.objects.create(
        name="Kecamatan", body="{name}", numbering_pattern="{event_code}-{seq:04d}"
    )
    event.certificate_template = template
    event.save()
    person = ParticipantFactory()
    qualify(event, post_test, person)
    certificate = issue(person, event)
    assert certificate.number == f"KEG{event.pk}-0001"
    assert certificate.template == template


def test_not_qualified_is_refused_and_nothing_is_written(fake_render, event, post_test):
    person = ParticipantFactory()
    enrol(event, person)
    attempt(post_test, person, percent=40)  # failed, and not checked in
    with pytest.raises(CertificateRefused):
        issue(person, event)
    assert not Certificate.objects.exists()
    assert not CertificateCounter.objects.filter(last_sequence__gt=0).exists()


def test_someone_not_enrolled_is_refused_even_by_hand(
    fake_render, event, post_test, organiser
):
    with pytest.raises(CertificateRefused):
        issue_certificate(
            user=ParticipantFactory(),
            event=event,
            method=MANUAL,
            by=organiser,
            reason="Hadir",
        )
    assert not Certificate.objects.exists()


def test_an_organiser_may_override_only_with_a_reason(
    fake_render, event, post_test, organiser
):
    person = ParticipantFactory()
    enrol(event, person)
    with pytest.raises(CertificateRefused):
        issue_certificate(user=person, event=event, method=MANUAL, by=organiser)
    with pytest.raises(CertificateRefused):
        issue_certificate(
            user=person, event=event, method=MANUAL, by=organiser, reason="   "
        )
    certificate = issue_certificate(
        user=person,
        event=event,
        method=MANUAL,
        by=organiser,
        reason="  Hadir;   post-test dinilai di kertas ",
    )
    assert certificate.issue_reason == "Hadir; post-test dinilai di kertas"
    assert certificate.issued_by == organiser
    assert certificate.snapshot["score"] == ""


def test_a_reason_that_is_too_long_is_refused(fake_render, event, post_test, organiser):
    person = ParticipantFactory()
    enrol(event, person)
    with pytest.raises(CertificateRefused):
        issue_certificate(
            user=person, event=event, method=MANUAL, by=organiser, reason="x" * 301
        )
    assert not Certificate.objects.exists()


def test_issuing_twice_returns_the_same_certificate(fake_render, event, post_test):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    first = issue(person, event)
    assert issue(person, event) == first
    assert issue_automatically(event=event, user=person) == first
    assert Certificate.objects.count() == 1
    assert CertificateCounter.objects.get().last_sequence == 1


def test_numbers_are_gap_free_in_each_event(fake_render, home_page, event, post_test):
    people = ParticipantFactory.create_batch(4)
    for person in people:
        qualify(event, post_test, person)
    sequences = [issue(person, event).sequence for person in people]
    assert sequences == [1, 2, 3, 4]

    other = make_event(home_page)
    other_test = make_test(other, "post_test", slug="post")
    qualify(other, other_test, people[0])
    assert issue(people[0], other).sequence == 1  # its own series


def broken(**kwargs):
    raise RuntimeError("renderer crashed")


def test_a_failed_render_keeps_the_number_and_the_retry_renders_it(
    fake_render, monkeypatch, event, post_test, private_files
):
    first, second = ParticipantFactory.create_batch(2)
    qualify(event, post_test, first)
    qualify(event, post_test, second)
    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    with pytest.raises(RuntimeError):
        issue(first, event)
    pending = Certificate.objects.get()
    assert (pending.sequence, pending.is_rendered, pending.sha256) == (1, False, "")
    assert not list(private_files.rglob("*.pdf"))

    # The next participant is not held up and gets the next number: no reuse.
    monkeypatch.setattr(rendering, "render_certificate_pdf", fake_pdf)
    assert issue(second, event).sequence == 2
    # Issuing again (what the task's retry does) renders the same number: no gap.
    retried = issue(first, event)
    assert retried.pk == pending.pk and retried.number == pending.number
    assert retried.is_rendered
    assert retried.sha256 == hashlib.sha256(retried.pdf.read()).hexdigest()
    assert CertificateCounter.objects.get().last_sequence == 2


def test_render_pending_certificates_completes_what_failed(
    fake_render, monkeypatch, event, post_test
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    with pytest.raises(RuntimeError):
        issue(person, event)
    assert automatic.render_pending_certificates() == (0, 1)
    monkeypatch.setattr(rendering, "render_certificate_pdf", fake_pdf)
    assert automatic.render_pending_certificates() == (1, 0)
    assert Certificate.objects.get().is_rendered
    assert automatic.render_pending_certificates() == (0, 0)


def test_a_failed_store_removes_the_file_it_wrote(
    fake_render, monkeypatch, event, post_test, private_files
):
    person = ParticipantFactory()
    qualify(event, post_test, person)

    def broken_update(self, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(QuerySet, "update", broken_update)
    with pytest.raises(RuntimeError):
        issue(person, event)
    assert not list(private_files.rglob("*.pdf"))
    assert not Certificate.objects.get().is_rendered  # pending, for the retry


def test_a_render_that_lost_the_race_keeps_the_stored_file(
    fake_render, event, post_test, private_files
):
    """Two renders of one pending certificate: the first stored wins, for good."""
    person = ParticipantFactory()
    qualify(event, post_test, person)
    stale = issuing._take_number(
        user=person, event=event, quiz=None, method=AUTO, by=None, reason=""
    )
    winner = saving.render_certificate(certificate=Certificate.objects.get(pk=stale.pk))
    loser = saving.render_certificate(certificate=stale)  # still thinks it pending
    assert loser.pdf.name == winner.pdf.name and loser.sha256 == winner.sha256
    assert [p.name for p in private_files.rglob("*.pdf")] == [
        winner.pdf.name.rsplit("/", 1)[-1]
    ]


def test_editing_the_template_leaves_the_issued_file_byte_identical(event, post_test):
    """The real renderer: what is stored is what was rendered then, for good."""
    person = ParticipantFactory(full_name="Nguyễn Thị Minh Khai")
    qualify(event, post_test, person)
    certificate = issue(person, event)
    stored = certificate.pdf.read()
    assert "Nguyễn Thị Minh Khai" in pdf_text(stored)
    template = certificate.template
    template.title = "PIAGAM PENGHARGAAN"
    template.body = "Diberikan kepada {name} untuk {event}."
    template.save()
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as again:
        assert again.read() == stored
    assert hashlib.sha256(stored).hexdigest() == certificate.sha256
    # The next one issued does use the edited template.
    other = ParticipantFactory()
    qualify(event, post_test, other)
    assert "PIAGAM PENGHARGAAN" in pdf_text(issue(other, event).pdf.read())


@pytest.mark.parametrize(
    ("public_reason", "note"),
    [("", "Tidak hadir"), ("typo", "Tidak hadir"), ("issued_in_error", "x" * 301)],
    ids=["no public reason", "unknown public reason", "note too long"],
)
def test_revoking_refuses_a_bad_reason(
    fake_render, event, post_test, organiser, public_reason, note
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    certificate = issue(person, event)
    with pytest.raises(CertificateRefused):
        revoke_certificate(
            certificate=certificate,
            by=organiser,
            public_reason=public_reason,
            note=note,
        )
    certificate.refresh_from_db()
    assert certificate.is_valid and not certificate.revoke_note


def test_revoking_keeps_the_record_with_both_reasons(
    fake_render, event, post_test, organiser
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    certificate = issue(person, event)
    revoked = revoke_certificate(
        certificate=certificate,
        by=organiser,
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
        note="Tidak hadir",
    )
    assert revoked.revoked_at and revoked.revoked_by == organiser
    revoked.refresh_from_db()
    assert revoked.revoke_public_reason == Certificate.PublicReason.ISSUED_IN_ERROR
    assert revoked.revoke_note == "Tidak hadir"
    assert Certificate.objects.get(pk=certificate.pk).pdf.read()
    with pytest.raises(CertificateRefused):
        revoke_certificate(
            certificate=certificate,
            by=organiser,
            public_reason=Certificate.PublicReason.NAME_MISSPELT,
        )
    # A revoked certificate does not count: the participant may be issued a new one.
    again = issue(person, event)
    assert again.pk != certificate.pk and again.sequence == 2


def test_reissuing_makes_a_new_version_and_revokes_the_old(
    fake_render, event, post_test, organiser
):
    person = ParticipantFactory(full_name="Siti Nurhalisa")
    qualify(event, post_test, person)
    old = issue(person, event)
    person.full_name = "Siti Nurhaliza"
    person.save()
    new = reissue_certificate(certificate=old, by=organiser, reason="Nama salah ketik")
    old.refresh_from_db()
    assert not old.is_valid and old.revoke_note == "Nama salah ketik"
    assert old.revoke_public_reason == Certificate.PublicReason.REPLACED
    assert old.replaced_by == new and new.replaces == old
    assert (new.series, new.sequence, new.version) == (old.series, old.sequence, 2)
    assert new.number == f"{old.number}-R2"
    assert new.verification_code != old.verification_code
    assert new.snapshot["name"] == "Siti Nurhaliza"
    assert old.snapshot["name"] == "Siti Nurhalisa"
    assert new.sha256 != old.sha256 and old.pdf.read() != new.pdf.read()
    third = reissue_certificate(certificate=new, by=organiser, reason="Lagi")
    assert third.number == f"{old.number}-R3"
    assert Certificate.objects.count() == 3
    assert list(Certificate.objects.valid()) == [third]
    with pytest.raises(CertificateRefused):
        reissue_certificate(certificate=old, by=organiser, reason="dari yang lama")
    assert CertificateCounter.objects.get().last_sequence == 1


def test_a_failed_reissue_changes_nothing(
    fake_render, monkeypatch, event, post_test, organiser
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    old = issue(person, event)
    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    with pytest.raises(RuntimeError):
        reissue_certificate(certificate=old, by=organiser, reason="Nama salah")
    old.refresh_from_db()
    assert old.is_valid and Certificate.objects.count() == 1


def test_a_quiz_that_grants_certificates(fake_render, learning, participant):
    quiz = QuizPageFactory(parent=learning.module, grants_certificate=True)
    with pytest.raises(CertificateRefused):
        issuing.issue_certificate(user=participant, quiz=quiz, method=AUTO)
    attempt(quiz, participant, percent=75)
    certificate = issuing.issue_certificate(user=participant, quiz=quiz, method=AUTO)
    assert certificate.series == f"quiz:{quiz.pk}" and certificate.event is None
    assert certificate.number.startswith(f"001/SERT/KUIS{quiz.pk}/")
    assert certificate.snapshot["event_title"] == quiz.title
    assert certificate.snapshot["score"] == "75"
    again = issuing.issue_certificate(user=participant, quiz=quiz, method=AUTO)
    assert again == certificate


def test_a_quiz_without_certificates_or_an_events_test_is_refused(
    fake_render, learning, participant, event, post_test
):
    plain = QuizPageFactory(parent=learning.module, grants_certificate=False)
    attempt(plain, participant, percent=90)
    with pytest.raises(CertificateRefused):
        issuing.issue_certificate(user=participant, quiz=plain, method=AUTO)
    post_test.grants_certificate = True
    post_test.save()
    qualify(event, post_test, participant)
    with pytest.raises(CertificateRefused):
        issuing.issue_certificate(user=participant, quiz=post_test, method=AUTO)


def test_issue_for_qualified_skips_the_incomplete_and_the_issued(
    fake_render, event, post_test, organiser
):
    done = ParticipantFactory.create_batch(3)
    for person in done:
        qualify(event, post_test, person)
    not_done = ParticipantFactory()
    enrol(event, not_done)
    issue(done[0], event)
    result = issue_for_qualified(event=event, by=organiser, reason="Susulan")
    assert sorted(c.user_id for c in result.issued) == sorted(p.pk for p in done[1:])
    assert not result.failed
    assert all(c.issue_reason == "Susulan" for c in result.issued)
    assert Certificate.objects.count() == 3
    assert not issue_for_qualified(event=event, by=organiser).issued


def test_the_event_dates_and_issue_date_are_in_indonesian(
    fake_render, event, post_test, client
):
    start = timezone.make_aware(datetime.datetime(2023, 9, 27, 8, 0))
    event.starts_at, event.ends_at = start, start + datetime.timedelta(hours=6)
    event.save()
    person = ParticipantFactory()
    qualify(event, post_test, person)

    with translation.override("en"):
        certificate = issue(person, event)
    assert certificate.snapshot["event_dates"] == "Rabu, 27 September 2023"
    month = certificate.snapshot["issue_date"].split(" ")[1]
    assert month in ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                     "Agustus", "September", "Oktober", "November", "Desember")  # fmt: skip


# Automatic issuing after the step that completes the event -------------------


def test_passing_the_post_test_issues_the_certificate(
    fake_render, event, post_test, django_capture_on_commit_callbacks
):
    person = ParticipantFactory()
    enrol(event, person)

    builders.check_in(event, person)
    with django_capture_on_commit_callbacks(execute=True):
        graded = take_and_pass(post_test, person)
    assert graded.passed
    certificate = Certificate.objects.get(user=person, event=event)
    assert certificate.method == AUTO and certificate.snapshot["score"] == "100"


def test_passing_without_the_check_in_issues_nothing_yet(
    fake_render, event, post_test, django_capture_on_commit_callbacks
):
    person = ParticipantFactory()
    enrol(event, person)
    with django_capture_on_commit_callbacks(execute=True):
        take_and_pass(post_test, person)
    assert not Certificate.objects.exists()


def test_the_check_in_that_completes_the_rules_issues_it(
    fake_render, event, post_test, django_capture_on_commit_callbacks
):

    person = ParticipantFactory()
    enrol(event, person)
    attempt(post_test, person, percent=90)
    with django_capture_on_commit_callbacks(execute=True):
        check_ins.check_in(event=event, user=person, method="qr", now=event.starts_at)
    assert Certificate.objects.get().user == person


def test_accepting_the_last_pact_issues_it(
    fake_render, event, post_test, django_capture_on_commit_callbacks
):

    pact = PactFactory()
    event.pacts.set([pact])
    event.save()
    person = ParticipantFactory(full_name="Budi Santoso")
    qualify(event, post_test, person)
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        accept_pact(
            event=event,
            user=person,
            pact=pact,
            version_id=pact.versions.latest().pk,
            typed_name="Budi Santoso",
            agreed=True,
        )
    assert Certificate.objects.get().user == person


def test_a_failed_render_never_fails_the_check_in(monkeypatch, event, post_test):
    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    person = ParticipantFactory()
    enrol(event, person)
    attempt(post_test, person, percent=90)
    _record, created = check_ins.check_in(
        event=event, user=person, method="qr", now=event.starts_at
    )
    assert created and CheckIn.objects.filter(user=person).exists()
    pending = Certificate.objects.get()  # numbered, its PDF left for the retry
    assert pending.user == person and not pending.is_rendered


def test_passing_a_quiz_that_grants_certificates_issues_it(
    fake_render, learning, participant, django_capture_on_commit_callbacks
):
    quiz = QuizPageFactory(parent=learning.module, grants_certificate=True)
    with django_capture_on_commit_callbacks(execute=True):
        take_and_pass(quiz, participant)
    certificate = Certificate.objects.get()
    assert certificate.quiz == quiz and certificate.event is None


# What is printed: dates and scores in Indonesian ------------------------------


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ((2023, 9, 27), (2023, 9, 27), "Rabu, 27 September 2023"),
        ((2023, 9, 27), (2023, 9, 28), "27–28 September 2023"),
        ((2023, 9, 30), (2023, 10, 1), "30 September – 1 Oktober 2023"),
        ((2023, 12, 31), (2024, 1, 1), "31 Desember 2023 – 1 Januari 2024"),
        ((2024, 2, 4), (2024, 2, 4), "Minggu, 4 Februari 2024"),
    ],
)
def test_event_dates_in_indonesian(first, last, expected):
    assert (
        snapshot.format_date_range_id(datetime.date(*first), datetime.date(*last))
        == expected
    )


@pytest.mark.parametrize(
    ("score", "printed"),
    [
        (None, ""),
        (Decimal("87"), "87"),
        (Decimal("87.00"), "87"),
        (Decimal("87.50"), "87,5"),
        (Decimal("87.46"), "87,5"),
        (Decimal("99.96"), "100"),
        (Decimal("0"), "0"),
    ],
)
def test_scores_as_printed(score, printed):
    assert snapshot.format_score(score) == printed


def test_institution_line_skips_what_is_missing():
    assert snapshot.institution_line(ParticipantFactory.build(position="", institution_type="pkk")) == "PKK"  # fmt: skip
    assert snapshot.institution_line(ParticipantFactory.build(position="Ketua", institution_type="")) == "Ketua"  # fmt: skip
    with translation.override("en"):
        line = snapshot.institution_line(
            ParticipantFactory.build(position="Anggota", institution_type="other")
        )
    assert line == "Anggota · Lainnya"
