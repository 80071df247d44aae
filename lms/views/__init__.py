from .accounts import LogoutView, PasswordResetView
from .check_in import CheckInView
from .dashboard import dashboard
from .events import JoinEventView
from .learning import LessonCompletionView, SearchView, TagView
from .pacts import EventPactView

__all__ = [
    "CheckInView",
    "dashboard",
    "EventPactView",
    "JoinEventView",
    "LessonCompletionView",
    "LogoutView",
    "PasswordResetView",
    "SearchView",
    "TagView",
]
