from .lessons import LessonPage, LessonPageTag
from .modules import ModuleIndexPage, ModulePage, ModulePageTag
from .organisations import Organisation
from .progress import LessonProgress
from .speakers import Speaker
from .users import User

__all__ = [
    "LessonPage",
    "LessonPageTag",
    "LessonProgress",
    "ModuleIndexPage",
    "ModulePage",
    "ModulePageTag",
    "Organisation",
    "Speaker",
    "User",
]
