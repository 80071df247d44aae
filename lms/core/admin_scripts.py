"""Wagtail's admin widgets started without inline scripts.

The Content-Security-Policy (``lms/core/content_security.py``) refuses inline
scripts everywhere, the admin included. Wagtail 8 still starts a few of its
widgets with one, written next to the widget's HTML: the date and time pickers
and the InlinePanel (templates, overridden in ``lms/templates/wagtailadmin/``)
and the choosers of pages, images, documents, snippets and tasks
(``BaseChooser.render``, Python). Each now writes the same call as data in a
hidden ``<span data-lms-set-up="…" data-lms-args="[…]">``, and one static
script, ``static/js/admin_set_up.js``, makes the call, for widgets on the page
and for those an InlinePanel adds later. The script calls only the Wagtail
functions and constructors it names; anything else in the attributes is
ignored.

``BaseChooser.render`` is replaced here, once, at start-up: Wagtail registers
its choosers for every model that has one (pages, images, documents, each
snippet), so subclassing them one by one would miss the next. The replacement
renders what Wagtail's does, the same widget HTML and the same arguments
(``get_js_init_options``), and ``tests/lms/core/test_admin_scripts.py`` fails if an
admin page still holds an inline script, so a Wagtail upgrade that changes the
method is caught. Wagtail is moving these widgets off inline scripts itself;
when it has, this module goes.
"""

import json

from django.utils.html import format_html
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser


def _set_up(call: str, args: list):
    return format_html(
        '<span hidden data-lms-set-up="{}" data-lms-args="{}"></span>',
        call,
        json.dumps(args),
    )


def render_chooser(self, name, value, attrs=None, renderer=None):
    """``BaseChooser.render`` with its set-up as data instead of a script."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError(
            "A chooser cannot be rendered without an 'id' attribute"
        ) from error
    value_data = self.get_value_data(value)
    if isinstance(self, AdminTaskChooser):
        set_up = _set_up("createTaskChooser", [id_])
    else:
        options = self.get_js_init_options(id_, name, value_data)
        set_up = _set_up(f"new {self.js_constructor}", [id_, options])
    return format_html("{}{}", self.render_html(name, value_data, attrs), set_up)


def start_widgets_without_inline_scripts() -> None:
    BaseChooser.render = render_chooser
