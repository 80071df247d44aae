"""Demo data for `make run`, the browser tests and a first look at the product.

Each step is idempotent: it looks records up by a natural key (a username, an
organisation's name, the one home page) and creates or corrects them, so
running the seeder twice leaves the same data as running it once. Later
features add their own step to ``STEPS``.
"""

from .accounts import DEMO_PASSWORD, seed_accounts
from .learning import seed_learning
from .organisations import seed_organisations
from .site import seed_site

# In dependency order: accounts belong to organisations; speakers are accounts.
STEPS = (seed_site, seed_organisations, seed_accounts, seed_learning)

__all__ = ["DEMO_PASSWORD", "STEPS"]
