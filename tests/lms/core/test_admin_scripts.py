"""The admin holds no inline script either: the widgets Wagtail would start
with one are started by ``static/js/admin_set_up.js`` from data
(``lms/core/admin_scripts.py``).

Walked as a superuser over the demo: every page's edit and listing screens, an
add screen for every page type that can be added somewhere, every snippet's
add and edit screens, the user screens and Wagtail's reports (their filters
have date pickers).
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from lms.accounts.models import User
from tests.lms.core.policy_checks import assert_strict

# What static/js/admin_set_up.js agrees to call.
ALLOWED_SET_UP = re.compile(
    r"^(init(Date|Time|DateTime)Chooser|createTaskChooser|new InlinePanel"
    r"|new [A-Za-z]+Chooser)$"
)

pytestmark = pytest.mark.django_db


def page_screens() -> list[str]:
    urls, added = [], set()
    for page in Page.objects.filter(depth__gt=1).specific():
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_explore", args=[page.pk]),
        ]
        for model in page.specific_class.creatable_subpage_models():
            if model not in added and model.can_create_at(page):
                added.add(model)
                meta = model._meta
                urls.append(
                    reverse(
                        "wagtailadmin_pages:add",
                        args=[meta.app_label, meta.model_name, page.pk],
                    )
                )
    return urls


def snippet_screens() -> list[str]:
    urls = []
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("add")))
        if first := model.objects.first():
            urls.append(reverse(viewset.get_url_name("edit"), args=[first.pk]))
    return urls


def test_no_admin_screen_holds_an_inline_script(client):
    call_command("seed_demo", stdout=StringIO())
    admin = User.objects.get(username="admin")
    client.force_login(admin)
    urls = [
        *page_screens(),
        *snippet_screens(),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_users:edit", args=[admin.pk]),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:aging_pages"),
    ]
    set_ups = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(response, url)
        set_ups |= set(
            re.findall(r'data-lms-set-up="([^"]+)"', response.content.decode())
        )
    # The screens do use the replaced set-ups, and only ones the script allows.
    assert {"initDateTimeChooser", "new InlinePanel", "new SnippetChooser"} <= set_ups
    assert all(ALLOWED_SET_UP.match(call) for call in set_ups), set_ups
