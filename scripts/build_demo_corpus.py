"""Build data/demo/ from the shared corpora: the two seed articles as they are, and the
GeoVirus Wikinews articles (../shared/eval/geo/geovirus.xml) as JSON Lines.

GeoVirus stores each Wikinews article as one or more passages under the same source URL;
consecutive passages with one URL are joined back into one article. Articles commented out
in the XML are left out, as the corpus's authors did. Wikinews gives no date in these texts'
metadata: no date field is written, so an article is dated only if its own text gives one
and otherwise stays undated.

    python scripts/build_demo_corpus.py [--shared ../shared] [--out data/demo]
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

LICENCE = "CC BY 2.5 (Wikinews); attribution: the article's URL"


def wikinews_title(url: str) -> str:
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]).replace("_", " ")


def geovirus_articles(xml_path: Path) -> list[dict]:
    root = etree.parse(str(xml_path), etree.XMLParser(remove_comments=True, huge_tree=True)).getroot()
    merged: list[dict] = []
    for element in root.iter("article"):
        url = (element.findtext("source") or "").strip()
        text = (element.findtext("text") or "").strip()
        if not url or not text:
            continue
        if merged and merged[-1]["url"] == url:
            merged[-1]["text"] += "\n\n" + text
            continue
        merged.append({"title": wikinews_title(url), "url": url, "outlet": "Wikinews", "language": "en",
                       "licence": LICENCE, "text": text})
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "demo")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in sorted((args.shared / "seeds").glob("*.txt")):
        shutil.copyfile(seed, args.out / seed.name)
    articles = geovirus_articles(args.shared / "eval" / "geo" / "geovirus.xml")
    with open(args.out / "geovirus-wikinews.jsonl", "w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"{len(articles)} Wikinews articles and the seeds written to {args.out}")


if __name__ == "__main__":
    main()
