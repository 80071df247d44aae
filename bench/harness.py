"""A tiny benchmark registry: each benchmark names its figure, unit and target.

Timings are medians over repeated runs after a warm-up, because this kind of
machine (2 shared cores) is noisy; they are reported, never asserted in tests.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

REGISTRY: dict[str, "Benchmark"] = {}


@dataclass(frozen=True)
class Benchmark:
    name: str
    unit: str
    target: float
    better: str  # "lower" or "higher"
    run: Callable[[], float]


def benchmark(name: str, *, unit: str, target: float, better: str = "lower"):
    """Registers a function that returns the measured value in ``unit``."""

    def register(func):
        REGISTRY[name] = Benchmark(name, unit, target, better, func)
        return func

    return register


def median_ms(
    action: Callable[[], object], *, repeat: int = 30, warmup: int = 3
) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 2)
