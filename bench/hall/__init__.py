"""The hall load test: 300 participants on the stack ``make serve`` runs (docs/benchmarks.md)."""
