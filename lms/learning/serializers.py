"""Field serializers for the API v2 fields declared on our page models."""

from rest_framework.fields import Field


class TagNamesField(Field):
    """A page's tags as a list of names, read from the prefetched tags.

    Wagtail's own tags field asks the database once per page (``names()``);
    this one uses what ``lms.learning.api`` prefetched for the whole list.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
