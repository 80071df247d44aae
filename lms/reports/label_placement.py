"""Where a label goes, so that it covers no other label, point or line's label.

Labels of an item analysis crowd: many questions are easy, so their points
gather in one corner. A label tries places around its point in sixteen
directions, then the same further out (where a line leads back to the point),
and takes the first one inside the plot that is free, or else the one that
covers least.
"""

import math
from dataclasses import dataclass

from lms.reports.chart_style import HALF_CAP


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def nearest(self, x: float, y: float) -> tuple[float, float]:
        """The point of the box nearest to (``x``, ``y``)."""
        return min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)

    def inside(self, other: "Box") -> bool:
        return (
            other.left <= self.left
            and self.right <= other.right
            and other.top <= self.top
            and self.bottom <= other.bottom
        )


@dataclass(frozen=True)
class LabelPlace:
    """A label's baseline point, its ``text-anchor`` and the box it covers."""

    x: float
    y: float
    anchor: str
    box: Box


def label_at(
    x: float, middle: float, width: float, *, anchor: str, font_size: float
) -> LabelPlace:
    """A one-line label anchored at ``x`` whose letters are centred on ``middle``."""
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    half = 0.6 * font_size
    box = Box(left - 1, middle - half, left + width + 1, middle + half)
    return LabelPlace(x, middle + HALF_CAP * font_size, anchor, box)


def around_point(
    x: float, y: float, width: float, *, font_size: float, gap: float
) -> list[LabelPlace]:
    """Places for a point's label in sixteen directions, nearest first."""
    places = []
    for distance in (gap, 2 * gap, 3.5 * gap, 5 * gap, 7 * gap):
        for step in range(16):
            angle = math.pi * step / 8
            dx, dy = math.cos(angle), math.sin(angle)
            anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
            # Above or below the point the letters' box, not their middle, keeps the distance.
            lift = 0.6 * font_size * (1 if dy > 0.3 else -1 if dy < -0.3 else 0)
            places.append(
                label_at(
                    x + distance * dx,
                    y + distance * dy + lift,
                    width,
                    anchor=anchor,
                    font_size=font_size,
                )
            )
    return places


def choose_place(
    places: list[LabelPlace], *, taken: list[Box], bounds: Box
) -> LabelPlace:
    """The first of ``places`` inside ``bounds`` that covers nothing in ``taken``,
    else the one inside that covers fewest."""
    inside = [place for place in places if place.box.inside(bounds)] or places
    return min(inside, key=lambda place: sum(place.box.overlaps(box) for box in taken))
