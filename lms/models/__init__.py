from .organisations import Organisation
from .users import User

__all__ = ["Organisation", "User"]
