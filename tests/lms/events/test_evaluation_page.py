"""The evaluation page in the Wagtail editor: where it lives, that an organiser can
add one from the event's hub, and that its previews show the form to the editor."""

from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from lms.events.models import EvaluationPage, EventPage
from tests.factories import HomePageFactory, OrganiserFactory
from tests.lms.events.evaluation_builders import RATNA, make_evaluation, running_event


def evaluation_form(**fields) -> dict:
    """The editor's form for an evaluation with one agreement question per speaker."""
    return nested_form_data(
        {
            "title": "Evaluasi kegiatan",
            "slug": "evaluasi",
            "intro": "",
            "closes_at": "",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Narasumber menguasai materi",
                        "field_type": "likert",
                        "required": "on",
                        "per_speaker": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
            **fields,
        }
    )


class EvaluationPageTests(WagtailPageTestCase):
    def setUp(self):
        self.event = running_event(HomePageFactory())
        self.organiser = OrganiserFactory()
        self.client.force_login(self.organiser)
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def hub(self) -> str:
        url = reverse("lms_event_admin:event", args=[self.event.pk])
        return self.client.get(url, headers={"accept-language": "en"}).content.decode()

    def test_one_per_event_and_nothing_under_it(self):
        self.assertAllowedParentPageTypes(EvaluationPage, {EventPage})
        self.assertAllowedSubpageTypes(EvaluationPage, set())
        make_evaluation(self.event)
        self.assertFalse(EvaluationPage.can_create_at(self.event))

    def test_an_organiser_adds_one_from_the_hub(self):
        add = reverse(
            "wagtailadmin_pages:add", args=["lms", "evaluationpage", self.event.pk]
        )
        hub = self.hub()
        self.assertIn(f'href="{add}"', hub)
        self.assertNotIn(
            reverse("lms_event_admin:evaluation", args=[self.event.pk]), hub
        )
        self.assertCanCreate(self.event, EvaluationPage, evaluation_form())
        page = EvaluationPage.objects.child_of(self.event).get()
        self.assertEqual(page.form_fields.get().per_speaker, True)

    def test_once_there_the_hub_links_to_its_report(self):
        make_evaluation(self.event)
        hub = self.hub()
        self.assertIn(reverse("lms_event_admin:evaluation", args=[self.event.pk]), hub)
        self.assertNotIn("evaluationpage", hub)

    def test_a_closing_time_before_the_start_is_refused_in_the_editor(self):
        before = self.event.starts_at.replace(microsecond=0).isoformat(sep=" ")
        add = reverse(
            "wagtailadmin_pages:add", args=["lms", "evaluationpage", self.event.pk]
        )
        response = self.client.post(add, evaluation_form(closes_at=before[:16]))
        # The admin speaks the organiser's language: read the error, not the page.
        self.assertIn("closes_at", response.context["form"].errors)
        self.assertFalse(EvaluationPage.objects.exists())
        self.assertFalse(EvaluationPage.objects.exists())

    def test_two_questions_with_the_same_name_are_refused(self):
        """As in any Wagtail form: their answers would be stored under one name."""
        question = {"label": "Materi bermanfaat", "field_type": "likert"}
        data = evaluation_form(form_fields=inline_formset([question, question]))
        add = reverse(
            "wagtailadmin_pages:add", args=["lms", "evaluationpage", self.event.pk]
        )
        response = self.client.post(add, data)
        self.assertEqual(response.status_code, 200)  # the editor again, with the error
        self.assertFalse(EvaluationPage.objects.exists())

    def test_the_editor_previews_the_form_and_the_thanks(self):
        """Organisers are not enrolled: a preview still shows them the questions."""
        page = make_evaluation(self.event)
        for mode in ("form", "landing"):
            self.assertPageIsPreviewable(page, mode=mode, user=self.organiser)
        self.client.force_login(self.organiser)
        preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        self.client.post(preview, evaluation_form())
        form = self.client.get(preview, {"mode": "form"}).content.decode()
        self.assertIn(f"Narasumber menguasai materi — {RATNA}", form)
        self.assertIn('name="narasumber_menguasai_materi--ratna-sari-dewi', form)
