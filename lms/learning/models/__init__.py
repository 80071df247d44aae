from lms.learning.models.lessons import LessonPage, LessonPageTag
from lms.learning.models.modules import ModuleIndexPage, ModulePage, ModulePageTag
from lms.learning.models.progress import LessonProgress
from lms.learning.models.speakers import Speaker

__all__ = [
    "LessonPage",
    "LessonPageTag",
    "LessonProgress",
    "ModuleIndexPage",
    "ModulePage",
    "ModulePageTag",
    "Speaker",
]
