"""Where the map step runs: in this process, in worker processes on this machine, or on a Dask
cluster. An engine takes batches of articles and hands back, batch by batch, what the map step
read out of them; ``pipeline.process`` writes each batch and runs the reduce step, so every
engine gives the same records (ids included) whatever the order, batches or partitions.

    from dateline.engine import InProcess, LocalWorkers, DaskEngine
    store.extract(engine=LocalWorkers(2))                       # every core of this machine
    store.extract(engine=DaskEngine("tcp://10.0.0.5:8786", partitions=64))   # a cluster

A worker that dies (killed, out of memory) costs nothing but time: its work runs again and the
batch says so in ``MappedBatch.retried`` (``ProcessReport.retried``).
"""

from dateline.engine.batches import Engine, MappedBatch
from dateline.engine.cluster import DaskEngine
from dateline.engine.inprocess import InProcess
from dateline.engine.workers import LocalWorkers

__all__ = ["DaskEngine", "Engine", "InProcess", "LocalWorkers", "MappedBatch", "engine_for"]


def engine_for(name: str = "local", *, workers: int = 1, scheduler: str | None = None,
               partitions: int | None = None) -> Engine:
    """The engine a command line names: ``local`` (in this process for one worker, worker
    processes for more) or ``dask`` (a LocalCluster, or the scheduler at ``scheduler``)."""
    if name == "dask":
        return DaskEngine(scheduler=scheduler, partitions=partitions, workers=workers if workers > 1 else None)
    if name != "local":
        raise ValueError(f"no engine called {name!r} (local or dask)")
    return LocalWorkers(workers) if workers > 1 else InProcess()
