from lms.accounts.models.attempts import AttemptCounter
from lms.accounts.models.organisations import Organisation
from lms.accounts.models.users import User

__all__ = ["AttemptCounter", "Organisation", "User"]
