"""Factories for test data: small, explicit, and valid by default."""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from home.models import HomePage
from lms.models import (
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    Organisation,
    Speaker,
    User,
)
from lms.reference import InstitutionType, Kecamatan
from lms.roles import ORGANISER, PARTICIPANT, SPEAKER

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
