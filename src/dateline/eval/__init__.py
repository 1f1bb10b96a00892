"""Scorers for each stage against the public corpora described in ../shared/eval/README.md."""
