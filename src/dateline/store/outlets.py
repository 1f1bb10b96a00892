"""Outlets' home regions in the store (step 15; ``geo/home_region.py`` says what a home is).

The reduce step's home-region pass reads and writes these tables only through here:
``articles_to_count`` (read, with an outlet, and their evidence not yet counted), ``count``
(their evidence, with the home they were read with), ``region_counts`` (per outlet, how many of
its articles name each region), ``replace_homes`` (the homes learned from those counts), and
``articles_read_with_other_home`` (the articles to look at again). Each write is one
transaction, so a run that stops leaves every article counted or not, and a home learned or not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.engine import Connection

from dateline.geo.home_region import HomeRegion
from dateline.store import tables as t
from dateline.store.articles import articles as article_table
from dateline.store.records import place_from_row

Region = tuple[str, str]  # (country code, first-level region name as places carry it)


def articles_to_count(connection: Connection, limit: int = 500) -> list[tuple[str, str]]:
    """(article id, outlet) of read articles of a known outlet whose evidence is not counted yet:
    new ones, and ones read again since (their row went with their old records)."""
    a, x, o = article_table, t.extractions, t.outlet_articles
    query = (select(a.c.id, a.c.outlet).join(x, x.c.article_id == a.c.id)
             .outerjoin(o, o.c.article_id == a.c.id)
             .where(x.c.status == "done", a.c.outlet.is_not(None), a.c.outlet != "", o.c.article_id.is_(None))
             .order_by(a.c.id).limit(limit))
    return [(r[0], r[1]) for r in connection.execute(query)]


def places_of(connection: Connection, article_ids: Sequence[str]) -> dict[str, list]:
    """The stored places of these articles, in text order."""
    found: dict[str, list] = {article_id: [] for article_id in article_ids}
    if article_ids:
        query = select(t.places).where(t.places.c.article_id.in_(list(article_ids))).order_by(
            t.places.c.article_id, t.places.c.start)
        for row in connection.execute(query).mappings():
            found[row["article_id"]].append(place_from_row(row))
    return found


def count(connection: Connection, counted: Iterable[tuple[str, str, Iterable[Region], Region | None]]) -> None:
    """Record (article id, outlet, the regions it names without doubt, the home region it was
    read with or None): its evidence is counted from now on (a row already there is replaced)."""
    counted = list(counted)
    ids = [c[0] for c in counted]
    if not ids:
        return
    connection.execute(delete(t.outlet_articles).where(t.outlet_articles.c.article_id.in_(ids)))
    connection.execute(t.outlet_articles.insert(), [
        {"article_id": article_id, "outlet": outlet, "home_country": home[0] if home else None,
         "home_admin1": home[1] if home else None} for article_id, outlet, _, home in counted])
    regions = [{"article_id": article_id, "country": country, "admin1": admin1}
               for article_id, _, found, _ in counted for country, admin1 in sorted(set(found))]
    if regions:
        connection.execute(t.outlet_article_regions.insert(), regions)


def region_counts(connection: Connection) -> dict[str, tuple[Counter, int]]:
    """Per outlet: how many of its counted articles name each region, and how many name any."""
    o, r = t.outlet_articles, t.outlet_article_regions
    votes: dict[str, Counter] = {}
    query = (select(o.c.outlet, r.c.country, r.c.admin1, func.count()).join(r, r.c.article_id == o.c.article_id)
             .group_by(o.c.outlet, r.c.country, r.c.admin1))
    for outlet, country, admin1, n in connection.execute(query):
        votes.setdefault(outlet, Counter())[(country, admin1)] = int(n)
    with_evidence = dict(connection.execute(
        select(o.c.outlet, func.count(func.distinct(o.c.article_id))).join(r, r.c.article_id == o.c.article_id)
        .group_by(o.c.outlet)).all())
    return {outlet: (counts, int(with_evidence[outlet])) for outlet, counts in votes.items()}


def homes(connection: Connection) -> dict[str, HomeRegion]:
    """{outlet: its home region} as the store keeps them."""
    return {row["outlet"]: _home_from_row(row) for row in connection.execute(
        select(t.outlet_homes).order_by(t.outlet_homes.c.outlet)).mappings()}


def _home_from_row(row) -> HomeRegion:
    return HomeRegion(row["country"], row["admin1"], row["share"], row["articles"], outlet=row["outlet"],
                      updated=row["updated"])


def replace_homes(connection: Connection, learned: Mapping[str, HomeRegion]) -> set[str]:
    """The homes learned now in place of the kept ones; the outlets whose home region changed
    (one gained, lost or moved). A home whose share or count alone moved keeps its ``updated``."""
    kept = homes(connection)
    now = datetime.now(timezone.utc)
    changed = {outlet for outlet in kept.keys() | learned.keys()
               if (kept[outlet].key if outlet in kept else None) != (learned[outlet].key if outlet in learned else None)}
    for outlet in kept.keys() - learned.keys():
        connection.execute(delete(t.outlet_homes).where(t.outlet_homes.c.outlet == outlet))
    for outlet, home in sorted(learned.items()):
        values = {"country": home.country, "admin1": home.admin1, "share": home.share, "articles": home.articles}
        if outlet not in kept:
            connection.execute(t.outlet_homes.insert().values(outlet=outlet, updated=now, **values))
        elif (kept[outlet].share, kept[outlet].articles) != (home.share, home.articles) or outlet in changed:
            connection.execute(update(t.outlet_homes).where(t.outlet_homes.c.outlet == outlet).values(
                **values, **({"updated": now} if outlet in changed else {})))
    return changed


def articles_read_with_other_home(connection: Connection) -> list[tuple[str, str, Region | None]]:
    """(article id, outlet, the home region it was read with) of the counted articles whose
    outlet's kept home is not that one (an outlet that gained, lost or moved its home, or an
    article counted before its outlet had one)."""
    o, h = t.outlet_articles, t.outlet_homes
    differs = or_(
        and_(h.c.outlet.is_(None), o.c.home_country.is_not(None)),
        and_(h.c.outlet.is_not(None), or_(o.c.home_country.is_(None), o.c.home_country != h.c.country,
                                          o.c.home_admin1 != h.c.admin1)))
    query = (select(o.c.article_id, o.c.outlet, o.c.home_country, o.c.home_admin1)
             .outerjoin(h, h.c.outlet == o.c.outlet).where(differs).order_by(o.c.article_id))
    return [(r[0], r[1], (r[2], r[3]) if r[2] is not None else None) for r in connection.execute(query)]


def mark_read_with(connection: Connection, article_ids: Sequence[str], home: Region | None) -> None:
    """These articles' places stand for a reading with this home region (their outlet's now)."""
    if article_ids:
        connection.execute(update(t.outlet_articles).where(t.outlet_articles.c.article_id.in_(list(article_ids)))
                           .values(home_country=home[0] if home else None, home_admin1=home[1] if home else None))
