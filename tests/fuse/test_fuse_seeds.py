"""The seeds through the whole pipeline, fused: the goals of issue 13 that the seed gold states."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_store(seeds_dir, tmp_path_factory):
    from dateline.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    store.ingest([str(seeds_dir / name) for name in sorted(p.name for p in seeds_dir.glob("*.txt"))])
    store.extract()
    yield store
    store.close()


def test_the_two_al_qahtani_visits_to_kabul_stay_two_events(seed_store):
    visits = [f for f in seed_store.fused_events() if any("Qahtani" in r.sentence.text for r in f.reports)
              and f.type in ("CONSULT", "MOVEMENT", "TRANSPORT")]
    months = {f.date_start.month for f in visits if f.date_start}
    assert {7, 9} <= months
    for fused in visits:  # no fused event holds both the July and the September visit
        assert len({r.published for r in fused.reports}) == 1


def test_taliban_and_western_district_counts_are_one_contradiction(seed_store):
    groups = [g for g in seed_store.claim_groups(contradictions_only=True) if "district" in g.unit]
    assert len(groups) == 1
    assert sorted(s.value for s in groups[0].sides) == [100, 200]
    assert all(s.qualifier == "more than" for s in groups[0].sides)


def test_saleh_history_shows_both_roles_with_their_dates(seed_store):
    profile = seed_store.entity_profile("Saleh")
    roles = {(r.title, r.as_of) for r in profile.roles}
    assert ("First Vice President", date(2021, 7, 6)) in roles
    assert ("former Vice President", date(2021, 9, 4)) in roles
    assert [r.as_of for r in profile.roles] == sorted(r.as_of for r in profile.roles)
