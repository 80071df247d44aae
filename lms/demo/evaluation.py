"""The demo event's evaluation page and the generated participants' answers
(``lms.demo.content.evaluation``).

The answers go through ``record_response``, as a submitted form's do, from a
``random.Random`` seeded per participant: each has a usual level, moved by how
the question and the speaker leaned and by chance, so the report shows a
spread a real hall would give. A participant who has answered is never given
other answers, so seeding again adds nothing; changed questions replace the
page's questions and keep the answers already given.
"""

import random
from collections.abc import Iterator

from lms.accounts.models import User
from lms.events.evaluation import record_response
from lms.events.evaluation_form import LIKERT, speaker_key
from lms.events.models import EvaluationField, EvaluationPage, EvaluationResponse

from .content import evaluation as content
from .events import demo_event
from .participants import ABSENT, PARTICIPANTS, SEED, at, username

# The form's questions as stored, in the order of ``content.QUESTIONS``.
QUESTION_FIELDS = ("label", "field_type", "required", "per_speaker", "help_text")


def seed_evaluation() -> str:
    """Creates or corrects the evaluation page, then answers for those who did."""
    page = _ensure_evaluation_page()
    answering = [
        number
        for number in range(1, len(PARTICIPANTS) + 1)
        if number not in ABSENT and number not in content.DID_NOT_ANSWER
    ]
    users = User.objects.filter(username__in=[username(n) for n in answering])
    answered = set(
        EvaluationResponse.objects.filter(page=page).values_list("user_id", flat=True)
    )
    # Dealt out in a fixed shuffled order: no two participants type the same.
    comments = list(content.COMMENTS)
    random.Random(f"{SEED}:evaluasi").shuffle(comments)
    comments = iter(comments)
    new = 0
    for user in users.order_by("username"):
        if user.pk not in answered:
            _answer(page, user, comments)
            new += 1
    total = EvaluationResponse.objects.filter(page=page).count()
    return f"evaluation '{page.title}' with {total} responses, {new} new"


def _ensure_evaluation_page() -> EvaluationPage:
    """The published evaluation under the demo event, with exactly the content's
    title, introduction and questions, open from the event's start for good."""
    event = demo_event()
    wanted = [dict(zip(QUESTION_FIELDS, q[:5], strict=True)) for q in content.QUESTIONS]
    page = (
        EvaluationPage.objects.child_of(event).filter(slug=content.PAGE["slug"]).first()
    )
    if (
        page is not None
        and page.live
        and not page.has_unpublished_changes
        and (page.title, page.intro, page.closes_at)
        == (content.PAGE["title"], content.PAGE["intro"], None)
        and [
            {name: getattr(field, name) for name in QUESTION_FIELDS}
            for field in page.form_fields.all()
        ]
        == wanted
    ):
        return page
    page = page or EvaluationPage(slug=content.PAGE["slug"])
    page.title, page.intro, page.closes_at = (
        content.PAGE["title"],
        content.PAGE["intro"],
        None,
    )
    page.form_fields = [_question(**fields) for fields in wanted]
    if page.pk is None:
        event.add_child(instance=page)
    page.save_revision().publish()
    return page


def _question(**fields) -> EvaluationField:
    field = EvaluationField(**fields)
    # As the editor's form names it; the answers are stored under this name.
    field.clean_name = field.get_field_clean_name()
    return field


def _answer(page: EvaluationPage, user: User, comments: Iterator[str]) -> None:
    """One participant's answers, sent in the afternoon after the event; about
    half write one of ``comments``, until they run out."""
    rng = random.Random(f"{SEED}:{user.username}:evaluasi")
    usual = rng.gauss(3.9, 0.5)
    leans = {question[0]: question[5] for question in content.QUESTIONS}
    cleaned_data = {}
    for field in page.get_form_fields():
        name = field.clean_name
        if field.field_type != LIKERT:
            writes = rng.random() < 0.5
            cleaned_data[name] = next(comments, "") if writes else ""
        elif field.per_speaker:
            for speaker in page.speakers:
                lean = leans[field.label] + content.SPEAKER_LEAN.get(speaker, 0)
                cleaned_data[speaker_key(name, speaker)] = _level(usual + lean, rng)
        else:
            cleaned_data[name] = _level(usual + leans[field.label], rng)
    response = record_response(page=page, user=user, cleaned_data=cleaned_data)
    sent = at(12, rng.uniform(0, 240))
    EvaluationResponse.objects.filter(pk=response.pk).update(submit_time=sent)


def _level(mean: float, rng: random.Random) -> int:
    """An answer near ``mean``, on the scale 1-5."""
    return min(5, max(1, round(mean + rng.gauss(0, 0.6))))
