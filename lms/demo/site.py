from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from home.models import HomePage

HOME_TITLE = "Beranda"
HOME_HEADING = "Belajar bersama untuk melayani warga"
HOME_INTRO = (
    "<p>Ruang belajar daring untuk pengurus RT/RW, LMK, FKDM, PKK dan Karang Taruna "
    "di Jakarta Pusat: materi dari KPU, Bawaslu dan Pemerintah Kota, kuis yang bisa "
    "dikerjakan lewat ponsel, dan sertifikat untuk setiap peserta yang menyelesaikan "
    "kegiatan.</p>"
)


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's migrations leave a plain "Welcome" page where our home goes."""
    plain_page = ContentType.objects.get_for_model(Page)
    root.get_children().filter(content_type=plain_page, numchild=0).delete()


def seed_site() -> str:
    """The one home page, published, and the default site pointing at it."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        _remove_wagtail_welcome_page(root)
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLE, slug="beranda", heading=HOME_HEADING, intro=HOME_INTRO
            )
        )
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    if (
        site.pk is None
        or site.root_page_id != home.pk
        or site.site_name != settings.SITE_NAME
    ):
        site.root_page = home
        site.site_name = settings.SITE_NAME
        site.save()
    return f"home page '{home.title}' on site '{site.site_name}'"
