"""Template filters of the learning pages (loaded as ``lms_tags``)."""

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def progress_label(progress) -> str:
    """ "2 of 4 lessons done", for the page and for the script that updates it."""
    return ngettext(
        "%(done)d of %(total)d lesson done",
        "%(done)d of %(total)d lessons done",
        progress.total,
    ) % {"done": progress.done, "total": progress.total}
