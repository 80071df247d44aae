"""Factories for test data: small, explicit, and valid by default."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import HomePage
from lms.accounts.models import Organisation, User
from lms.accounts.roles import ORGANISER, PARTICIPANT, SPEAKER
from lms.core.reference import InstitutionType, Kecamatan
from lms.events.models import (
    CheckIn,
    Enrolment,
    EventIndexPage,
    EventPage,
    Pact,
    PactVersion,
)
from lms.learning.models import LessonPage, ModuleIndexPage, ModulePage, Speaker
from quizzes.models import QuizPage

TEST_PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisasi Uji {n}")
    short_name = factory.Sequence(lambda n: f"Org {n}")
    kind = Organisation.Kind.GOVERNMENT_UNIT

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)


def _grant_role(role: str):
    """A post-generation hook that puts the new user in a role group."""

    @factory.post_generation
    def grant(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=role))

    return grant


class UserFactory(factory.django.DjangoModelFactory):
    """A user from an RT in Sawah Besar, in no role group."""

    username = factory.Sequence(lambda n: f"pengguna{n}")
    full_name = factory.Faker("name", locale="id_ID")
    phone = factory.Sequence(lambda n: f"+6281300{n:06d}")
    institution_type = InstitutionType.RT
    position = "Ketua RT 001"
    rt = "001"
    rw = "002"
    kecamatan = Kecamatan.SAWAH_BESAR
    kelurahan = "Kartini"
    password = factory.django.Password(TEST_PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True


class ParticipantFactory(UserFactory):
    role = _grant_role(PARTICIPANT)


class SpeakerFactory(UserFactory):
    role = _grant_role(SPEAKER)
    institution_type = ""
    organisation = factory.SubFactory(OrganisationFactory)


class OrganiserFactory(UserFactory):
    role = _grant_role(ORGANISER)
    institution_type = InstitutionType.ASN
    organisation = factory.SubFactory(OrganisationFactory)


class HomePageFactory(wagtail_factories.PageFactory):
    """The site's one home page, created under the root and made the default site."""

    title = "Beranda"
    slug = "beranda"
    intro = "<p>Ruang belajar lembaga kemasyarakatan.</p>"

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.pop("parent", None)  # always the root
        existing = HomePage.objects.first()
        if existing is not None:
            return existing
        root = Page.get_first_root_node()
        root.get_children().filter(slug=kwargs.get("slug", "beranda")).delete()
        home = root.add_child(instance=model_class(**kwargs))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        return home


class SpeakerProfileFactory(factory.django.DjangoModelFactory):
    """A speaker's public profile (the snippet), not a speaker account."""

    name = factory.Faker("name", locale="id_ID")
    position = "Anggota Komisioner"
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = Speaker


class ModuleIndexPageFactory(wagtail_factories.PageFactory):
    """A module shelf; give it an ``organisation`` for a per-organisation shelf."""

    title = factory.Sequence(lambda n: f"Modul {n}")
    slug = factory.Sequence(lambda n: f"modul-{n}")
    intro = "Materi dari para narasumber."

    class Meta:
        model = ModuleIndexPage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tahapan Pemilu {n}")
    slug = factory.Sequence(lambda n: f"tahapan-pemilu-{n}")
    summary = "Apa saja tahapan pemilu dan kapan dilaksanakan."
    organisation = factory.SubFactory(OrganisationFactory)
    learning_objectives = "<ul><li>Menyebut tahapan pemilu.</li></ul>"
    duration_jp = 2

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Materi {n}")
    slug = factory.Sequence(lambda n: f"materi-{n}")
    summary = "Ringkasan materi."
    estimated_minutes = 8
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Pendahuluan", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Isi materi untuk peserta.</p>"},
        ]
    )

    class Meta:
        model = LessonPage


def question_blocks() -> list[dict]:
    """One question of every type, each with one right answer, 1 point each."""

    def option(text, credit):
        return {"text": f"<p>{text}</p>", "credit": credit, "feedback": ""}

    common = {"points": "1", "feedback": "<p>Lihat materi tahapan pemilu.</p>"}
    return [
        {"type": "single_choice", "value": {**common, "text": "<p>Kapan pemungutan suara?</p>",
            "options": [option("14 Februari 2024", 100), option("17 Agustus 2024", 0)]}},
        {"type": "multiple_choice", "value": {**common, "text": "<p>Surat suara Jakarta?</p>",
            "options": [option("Presiden", 50), option("DPR", 50), option("DPRD kota", -50)]}},
        {"type": "true_false", "value": {**common, "text": "<p>TPS buka pukul 07.00.</p>",
            "correct": "true"}},
        {"type": "short_answer", "value": {**common, "text": "<p>Singkatan penyelenggara?</p>",
            "answers": [{"text": "KPU", "credit": 100, "feedback": ""}], "case_sensitive": False}},
        {"type": "numeric", "value": {**common, "text": "<p>Berapa jenis surat suara?</p>",
            "answers": [{"value": "5", "tolerance": None, "minimum": None, "maximum": None,
                         "credit": 100, "feedback": ""}], "unit": "jenis"}},
        {"type": "matching", "value": {**common, "text": "<p>Pasangkan lembaga.</p>",
            "pairs": [{"prompt": "KPU", "answer": "Penyelenggara"},
                      {"prompt": "Bawaslu", "answer": "Pengawas"}],
            "distractors": ["Peserta"]}},
    ]  # fmt: skip


class QuizPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kuis {n}")
    slug = factory.Sequence(lambda n: f"kuis-{n}")
    kind = "practice"
    pass_mark = 60
    max_attempts = 2
    shuffle_options = True
    questions = factory.LazyFunction(question_blocks)

    class Meta:
        model = QuizPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kegiatan"
    slug = "kegiatan"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Peningkatan Kapasitas {n}")
    slug = factory.Sequence(lambda n: f"kegiatan-{n}")
    starts_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=7)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=4))
    venue = "Aula Kantor Kecamatan Sawah Besar"
    kecamatan = Kecamatan.SAWAH_BESAR
    kelurahan = "Pasar Baru"
    organiser = factory.SubFactory(OrganisationFactory)
    registration_code = factory.Sequence(lambda n: f"KODE{n:02d}")

    class Meta:
        model = EventPage


class EnrolmentFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    user = factory.SubFactory(ParticipantFactory)
    source = Enrolment.Source.IMPORT

    class Meta:
        model = Enrolment


class CheckInFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    user = factory.SubFactory(ParticipantFactory)
    method = CheckIn.Method.QR

    class Meta:
        model = CheckIn


class PactFactory(factory.django.DjangoModelFactory):
    """A pact with its first version, as saving it in the admin leaves it."""

    title = factory.Sequence(lambda n: f"Pakta Integritas {n}")
    kind = Pact.Kind.PACT
    body = "<p>Saya menyatakan akan menjaga netralitas.</p>"

    class Meta:
        model = Pact
        skip_postgeneration_save = True

    @factory.post_generation
    def first_version(pact, create, extracted, **kwargs):
        if create:
            PactVersion.objects.create(
                pact=pact, number=1, title=pact.title, body=pact.body
            )
