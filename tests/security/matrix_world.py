"""The world the authorisation matrix walks: two organisations' content, one event
with everything a participant leaves behind, and one account per role.

Every object exists twice where ownership matters (two participants, two
speakers' organisations) so that each URL can be asked for "mine" and "not mine".
"""

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from lms.accounts.models import User
from lms.certificates.models import Certificate, CertificateTemplate, PrintJob
from lms.events.attendance import current_token
from lms.events.models import EventPage, Pact
from lms.learning.access import open_shelf_to_speakers, sync_speaker_membership
from lms.learning.models import LessonPage, ModulePage, Speaker
from quizzes.attempts import start_attempt
from quizzes.models import Attempt, QuizPage
from tests.factories import (
    HomePageFactory,
    LessonPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    OrganisationFactory,
    OrganiserFactory,
    PactFactory,
    ParticipantFactory,
    QuizPageFactory,
    SpeakerFactory,
    SpeakerProfileFactory,
    UserFactory,
)
from tests.lms.certificates.issuing_setup import take_and_pass
from tests.lms.certificates.stubs import make_certificate
from tests.lms.events.event_builders import accept, check_in, enrol, make_event

# The matrix is about who gets an answer, not about the PDF: any bytes will do.
TINY_PDF = b"%PDF-1.4\n% matrix\n%%EOF\n"


@dataclass
class World:
    """What the URL table fills path parameters from, and who asks."""

    users: dict[str, User | None]
    event: EventPage
    pre_test: QuizPage
    post_test: QuizPage
    pact: Pact
    module: ModulePage  # the KPUD speaker's, not the Bawaslu speaker's
    lesson: LessonPage
    practice_quiz: QuizPage
    own_attempt: Attempt  # the participant's, still open
    own_graded_attempt: Attempt
    others_attempt: Attempt  # the other participant's, still open
    certificate: Certificate  # the participant's
    others_certificate: Certificate
    print_job: PrintJob
    template: CertificateTemplate
    speaker_profile: Speaker
    check_in_token: str
    check_in_id: int
    enrolment_id: int


def _finished_print_job(event: EventPage) -> PrintJob:
    job = PrintJob(event=event, order=PrintJob.Order.NAME, status=PrintJob.Status.DONE)
    job.pdf.save("cetak.pdf", ContentFile(TINY_PDF), save=False)
    job.save()
    return job


def build_world() -> World:
    """Builds the world in the current test database (about a second)."""
    home = HomePageFactory()
    kpud = OrganisationFactory(name="KPUD Jakarta Pusat", short_name="KPUD")
    bawaslu = OrganisationFactory(name="Bawaslu Jakarta Pusat", short_name="Bawaslu")
    pemerintahan = OrganisationFactory(
        name="Bagian Pemerintahan", short_name="Pemerintahan"
    )

    modules_root = ModuleIndexPageFactory(parent=home, title="Modul", slug="modul")
    shelves = {}
    for organisation, slug in ((kpud, "kpud"), (bawaslu, "bawaslu")):
        shelves[slug] = ModuleIndexPageFactory(
            parent=modules_root, slug=slug, organisation=organisation
        )
        open_shelf_to_speakers(shelves[slug])
    module = ModulePageFactory(
        parent=shelves["kpud"], slug="tahapan", organisation=kpud
    )
    lesson = LessonPageFactory(parent=module, slug="materi-1")
    lesson.tags.add("pemilu")
    lesson.save()
    practice_quiz = QuizPageFactory(parent=module, slug="latihan")

    pact = PactFactory()
    template = CertificateTemplate.objects.create(name="Matriks", body="{name}")
    event = make_event(
        home,
        slug="sawah-besar",
        organiser=pemerintahan,
        modules=[module],
        pacts=[pact],
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=3),
    )
    event.certificate_template = template
    event.save()
    pre_test = QuizPageFactory(parent=event, kind="pre_test", slug="pre-test")
    post_test = QuizPageFactory(parent=event, kind="post_test", slug="post-test")

    participant = ParticipantFactory(username="peserta")
    other_participant = ParticipantFactory(username="peserta_lain")
    speaker = SpeakerFactory(username="kpud", organisation=kpud)
    other_speaker = SpeakerFactory(username="bawaslu", organisation=bawaslu)
    for each in (speaker, other_speaker):
        sync_speaker_membership(each)
    users = {
        "anonymous": None,
        "participant": participant,
        "other_participant": other_participant,
        "speaker": speaker,
        "other_speaker": other_speaker,
        "organiser": OrganiserFactory(
            username="penyelenggara", organisation=pemerintahan
        ),
        "superuser": UserFactory(username="admin", is_superuser=True, is_staff=True),
    }

    enrol(event, participant, other_participant)
    attendance = check_in(event, participant)
    accept(event, participant, pact)
    own_graded_attempt = take_and_pass(pre_test, participant)
    return World(
        users=users,
        event=event,
        pre_test=pre_test,
        post_test=post_test,
        pact=pact,
        module=module,
        lesson=lesson,
        practice_quiz=practice_quiz,
        own_attempt=start_attempt(quiz=post_test, user=participant),
        own_graded_attempt=own_graded_attempt,
        others_attempt=start_attempt(quiz=post_test, user=other_participant),
        certificate=make_certificate(event=event, user=participant, pdf=TINY_PDF),
        others_certificate=make_certificate(
            event=event, user=other_participant, sequence=2, pdf=TINY_PDF
        ),
        print_job=_finished_print_job(event),
        template=template,
        speaker_profile=SpeakerProfileFactory(organisation=kpud),
        check_in_token=current_token(event_id=event.pk),
        check_in_id=attendance.pk,
        enrolment_id=event.enrolments.get(user=participant).pk,
    )
