"""What outlets' home regions do to LGL's toponyms, given the gold spans (stop 33).

LGL holds several articles of each outlet (85 domains, 588 articles), as a store of local news
does. Each article of a half is resolved once (as ``eval geo`` resolves it given the gold spans);
each outlet's home region is learned over that half's first readings (``geo.home_region``); the
articles with a namesake at home are resolved again with it; both readings are scored against
the gold points (within 161 km).

    python -m dateline.eval.geo_home --shared /work/shared --half even [--changes]

``--changes`` lists each toponym whose point moved (tuning half only: choose rules from it alone).
The judged events' places with the homes learned in a store: ``eval event-places --outlet-context``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from dateline.eval.geo import read_corpus, select_half
from dateline.geo import default_gazetteer, great_circle_km, resolve_toponyms
from dateline.geo.home_region import has_namesake_at_home, home_regions, region_evidence
from dateline.geo.recognize import toponym_from_span

LGL = Path("eval/geo/lgl.xml")


def outlet_of(url: str | None) -> str:
    """An article's outlet: its web address's host, "www." left off."""
    return re.sub(r"^[a-z]+://", "", url or "").split("/")[0].removeprefix("www.")


def _right(place, gold) -> bool:
    return place.lat is not None and great_circle_km(place.lat, place.lon, gold.lat, gold.lon) <= 161


def evaluate(path: Path, half: str) -> dict:
    gazetteer = default_gazetteer()
    articles = select_half(read_corpus(path), half)
    first = []
    for article in articles:
        toponyms = [toponym_from_span(article.text, t.start, t.end, gazetteer) for t in article.toponyms]
        first.append((toponyms, resolve_toponyms(article.text, toponyms, gazetteer, home=article.url)))
    evidence = defaultdict(list)
    for article, (_, places) in zip(articles, first):
        evidence[outlet_of(article.url)].append(region_evidence(places, gazetteer))
    homes = home_regions(evidence)
    before = after = scored = read_again = 0
    gained, lost, changes = set(), set(), []
    for n, (article, (toponyms, places)) in enumerate(zip(articles, first)):
        home = homes.get(outlet_of(article.url))
        second = places
        if home is not None and has_namesake_at_home(places, home, gazetteer):
            read_again += 1
            second = resolve_toponyms(article.text, toponyms, gazetteer, home=article.url, home_region=home.key)
        for gold, one, two in zip(article.toponyms, places, second):
            if gold.lat is None or gold.lon is None:
                continue
            scored += 1
            right_before, right_after = _right(one, gold), _right(two, gold)
            before += right_before
            after += right_after
            if right_after != right_before:
                (gained if right_after else lost).add(n)
            if (one.lat, one.lon) != (two.lat, two.lon):
                changes.append(f"{outlet_of(article.url)}\t{home.admin1}\t{gold.phrase!r}\t{one.admin1} -> {two.admin1}"
                               f"\tgold {gold.admin1_name}\t{'gained' if right_after > right_before else 'lost' if right_before > right_after else 'same'}")
    return {"half": half, "articles": len(articles), "outlets": len(evidence), "home_regions": len(homes),
            "read_again": read_again, "toponyms": scored, "acc161_before": round(before / scored, 4),
            "acc161_after": round(after / scored, 4), "articles_gained": len(gained), "articles_lost": len(lost),
            "toponyms_gained": sum(1 for c in changes if c.endswith("gained")),
            "toponyms_lost": sum(1 for c in changes if c.endswith("lost")), "changes": changes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--half", choices=("even", "odd"), required=True)
    parser.add_argument("--changes", action="store_true", help="list the moved toponyms (even half only)")
    args = parser.parse_args(argv)
    if args.changes and args.half != "even":
        parser.error("--changes lists the tuning half only (--half even)")
    result = evaluate(args.shared / LGL, args.half)
    changes = result.pop("changes")
    print(json.dumps(result))
    if args.changes:
        print("\n".join(changes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
