from .accounts import LogoutView, PasswordResetView
from .events import JoinEventView
from .learning import LessonCompletionView, SearchView, TagView

__all__ = [
    "JoinEventView",
    "LessonCompletionView",
    "LogoutView",
    "PasswordResetView",
    "SearchView",
    "TagView",
]
