"""The map step in this process, batch after batch: the path with nothing to set up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dateline.engine.batches import MappedBatch, map_batch
from dateline.model import Article


class InProcess:
    name = "in-process"

    def __init__(self, stages=None):
        self.stages = stages  # loaded from the recipe at the first batch unless given

    def map(self, batches: Iterable[list[Article]], recipe, total: int | None = None) -> Iterator[MappedBatch]:
        for batch in batches:
            if self.stages is None:
                self.stages = recipe.load()
            yield map_batch(batch, self.stages)
