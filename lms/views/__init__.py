from .accounts import LogoutView, PasswordResetView
from .learning import LessonCompletionView, SearchView, TagView

__all__ = [
    "LessonCompletionView",
    "LogoutView",
    "PasswordResetView",
    "SearchView",
    "TagView",
]
