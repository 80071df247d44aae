"""StreamField blocks that speakers build lessons from.

Each block lives with its siblings by kind (text, media, structured lists),
renders with its own template under ``lms/learning/templates/lms/blocks/`` and has a
preview value, so the editor's block picker shows what it makes.
"""

from lms.learning.blocks.lesson_body import LessonBodyBlock

__all__ = ["LessonBodyBlock"]
