"""Demo data for `make run`, the browser tests and a first look at the product.

Each step is idempotent: it looks records up by a natural key (a username, an
organisation's name, the one home page, a page's slug under its parent) and
creates or corrects them, so running the seeder twice leaves the same data as
running it once. Later features add their own step to ``STEPS``.

``seed_quizzes`` writes the practice quizzes; ``seed_events`` the demo event
with its pact texts, pre-test and post-test; ``seed_participants`` then adds
the generated participants (peserta01…), enrols them, records their check-ins,
pacts and attempts at those tests, which are never deleted or regenerated once
made; ``seed_evaluation`` adds the event's evaluation and most of those
participants' answers; ``seed_certificates`` issues certificates to those who
completed.

``seed_event_of_the_day`` is the one step that depends on the date: it runs
after ``STEPS`` with the day to seed for (today in Jakarta, unless
``seed_demo --day`` says otherwise), so that someone trying the demo always has
an event happening now.
"""

from .accounts import DEMO_PASSWORD, seed_accounts
from .certificates import seed_certificates
from .evaluation import seed_evaluation
from .event_of_the_day import seed_event_of_the_day
from .events import seed_events
from .learning import seed_learning
from .organisations import seed_organisations
from .participants import seed_participants
from .quizzes import seed_quizzes
from .site import seed_site

# In dependency order: accounts belong to organisations; speakers are accounts;
# quizzes sit in modules; events list modules and hold tests; participants
# are enrolled in events and their attempts are at its tests.
STEPS = (
    seed_site,
    seed_organisations,
    seed_accounts,
    seed_learning,
    seed_quizzes,
    seed_events,
    seed_participants,
    seed_evaluation,
    seed_certificates,
)

__all__ = ["DEMO_PASSWORD", "STEPS", "seed_event_of_the_day"]
