"""Throughput and memory benchmarks, each measured next to bare spaCy on the same texts."""
