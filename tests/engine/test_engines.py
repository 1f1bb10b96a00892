"""Every engine gives the records of one process: the same events and entities, byte for
byte and ids included, whatever the article order, batch size or partitioning, written batch
by batch or through the bulk path (Parquet partitions loaded whole; COPY on PostgreSQL); and a
worker killed mid-run (a real SIGKILL) costs time only: every article is read once, none is
lost."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from corpus import CORPUS, exported  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent.parent))
from conftest import fresh_store_url  # noqa: E402

from tests.helpers import pool_worker_processes  # noqa: E402
from dateline.engine import DaskEngine, InProcess, LocalWorkers  # noqa: E402
from dateline.pipeline import process  # noqa: E402
from dateline.store import open_store  # noqa: E402

SHUFFLED = [CORPUS[k] for k in (3, 0, 11, 6, 2, 9, 5, 1, 8, 4, 10, 7)]


def run(tmp_path, name, articles, engine, url=None, **options):
    store = open_store(url or str(tmp_path / f"{name}.db"))
    store.add_articles(articles)
    report = process(store, engine=engine, **options)
    records = exported(store)
    done = store.count_extracted(("done",))
    report.people = sorted(s.entity.name for s in store.entities(kind="person", limit=None))
    store.close()
    return report, records, done


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    """The reference: in this process, in ingest order, one batch."""
    report, records, done = run(tmp_path_factory.mktemp("reference"), "reference", CORPUS, InProcess(), batch_size=32)
    assert report.articles == done == len(CORPUS) and not report.failed
    # the records are the ones a reader expects: one Hamid Karzai and another Karzai apart,
    # the envoy's three spellings one person, and the 14 killed in the market
    assert "Hamid Karzai" in report.people and "Ahmed Wali Karzai" in report.people
    assert len([name for name in report.people if "Qahtani" in name or "Kahtani" in name]) == 1
    assert '"value": 14' in records
    return records


@pytest.fixture(scope="module")
def dask_cluster():
    from distributed import LocalCluster

    # Threads in this process: cheap enough for CI; the kill test below uses real processes.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster


@pytest.mark.parametrize("order,bulk", [("backward", 5), ("shuffled", 100)])
def test_the_bulk_path_gives_the_records_of_one_process(tmp_path, one_process, order, bulk):
    """Partitions of 5 articles (three loads, the last one short) and one partition of all."""
    articles = CORPUS[::-1] if order == "backward" else SHUFFLED
    report, records, done = run(tmp_path, order, articles, InProcess(), batch_size=2, bulk=bulk)
    assert report.articles == done == len(CORPUS) and not report.failed
    assert records == one_process
    assert not (tmp_path / f"{order}.db.staging").exists(), "the staged partitions are removed once loaded"


@pytest.mark.postgres
@pytest.mark.parametrize("bulk", [None, 5])
def test_postgresql_batch_by_batch_and_by_copy_gives_the_records_of_one_process(tmp_path, one_process, bulk):
    with fresh_store_url("postgres", tmp_path) as url:
        report, records, done = run(tmp_path, "pg", SHUFFLED, InProcess(), url=url, batch_size=2, bulk=bulk)
    assert report.articles == done == len(CORPUS) and not report.failed
    assert records == one_process


@pytest.mark.slow
@pytest.mark.parametrize("order,batch_size,bulk", [("backward", 2, None), ("shuffled", 5, None), ("shuffled", 2, 5)])
def test_two_worker_processes_give_the_records_of_one_process(tmp_path, one_process, order, batch_size, bulk):
    articles = CORPUS[::-1] if order == "backward" else SHUFFLED
    report, records, done = run(tmp_path, order, articles, LocalWorkers(2), batch_size=batch_size, bulk=bulk)
    assert report.articles == done == len(CORPUS) and not report.failed and not report.retried
    assert records == one_process


@pytest.mark.slow
@pytest.mark.parametrize("order,partitions,bulk", [("backward", 5, None), ("shuffled", 2, None), ("backward", 4, 4)])
def test_a_dask_cluster_gives_the_records_of_one_process(tmp_path, one_process, dask_cluster, order, partitions, bulk):
    articles = CORPUS[::-1] if order == "backward" else SHUFFLED
    engine = DaskEngine(scheduler=dask_cluster.scheduler_address, partitions=partitions)
    report, records, done = run(tmp_path, order, articles, engine, batch_size=3, bulk=bulk)
    assert report.articles == done == len(CORPUS) and not report.failed and not report.retried
    assert records == one_process


@pytest.mark.slow
class KillsAWorkerMidRun(LocalWorkers):
    """Kills a worker (SIGKILL) the moment a batch has just been handed out after the first
    results came back: the workers are warm and that batch is surely still out. Killing from
    the on_batch callback instead once found every batch already back (nothing to run again)."""

    def __init__(self, workers: int):
        super().__init__(workers)
        self.killed: list[int] = []

    def map(self, batches, recipe, total=None):
        def handing_out():
            for number, batch in enumerate(batches):
                if number == self.in_flight + 1 and not self.killed:  # batch number in_flight went out just now
                    victim = pool_worker_processes()[0]
                    os.kill(victim.pid, signal.SIGKILL)
                    self.killed.append(victim.pid)
                yield batch
        return super().map(handing_out(), recipe, total)


def test_a_worker_process_killed_mid_run_costs_nothing(tmp_path, one_process):
    engine = KillsAWorkerMidRun(2)
    report, records, done = run(tmp_path, "killed", SHUFFLED, engine, batch_size=1)
    assert engine.killed and engine.restarts == 1
    assert report.retried, "the batches that were out when the worker died say they ran again"
    assert all("mapped again (attempt 2)" in note for note in report.retried)
    assert report.articles == done == len(CORPUS) and not report.failed  # each article once, none lost
    assert records == one_process


@pytest.mark.slow
def test_a_dask_worker_killed_mid_run_costs_nothing(tmp_path, one_process):
    from distributed import LocalCluster

    killed: list[int] = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        engine = DaskEngine(scheduler=cluster.scheduler_address, partitions=6)

        def kill_a_worker(report) -> None:
            if not killed:
                pids = sorted(engine.client.run(os.getpid).values())
                os.kill(pids[0], signal.SIGKILL)  # the nanny starts a new one; Dask runs its tasks again
                killed.append(pids[0])

        report, records, done = run(tmp_path, "dask-killed", SHUFFLED, engine, batch_size=1, on_batch=kill_a_worker)
    assert killed
    assert report.articles == done == len(CORPUS) and not report.failed
    assert records == one_process
    assert report.retried, "the partition the killed worker was reading says it ran again"
