"""Build data/demo/ from the shared corpora: the two seed articles as they are, the
GeoVirus Wikinews articles (../shared/eval/geo/geovirus.xml) as JSON Lines, and the ECB+
articles of four development topics (../shared/eval/fusion/ecbplus/) as JSON Lines.

GeoVirus stores each Wikinews article as one or more passages under the same source URL;
consecutive passages with one URL are joined back into one article. Articles commented out
in the XML are left out, as the corpus's authors did. Wikinews gives no date in these texts'
metadata: no date field is written, so an article is dated only if its own text gives one
and otherwise stays undated.

ECB+ gives each article as tokens. Only the articles of the newer ECB+ component (``*ecbplus.xml``)
are taken: their first "sentence" is the page's URL and their second its headline, so each keeps
its URL as attribution and its outlet; the older ECB component has neither. Several outlets
report each story, which is what shows fusion and disagreements on the demo. The tokens are
joined back into text by the spacing rules of English print (DETOKENIZE_RULES).

    python scripts/build_demo_corpus.py [--shared ../shared] [--out data/demo]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

LICENCE = "CC BY 2.5 (Wikinews); attribution: the article's URL"
ECBPLUS_LICENCE = ("CC BY 3.0 (ECB+ corpus, Cybulska and Vossen 2014, NewsReader project); "
                   "attribution: the article's URL and the ECB+ document name")
# ECB+ development topics with several outlets on one story, and figures they report
# (pirates captured, people killed or hurt, ages): 12 piracy off Aden (2011), 18 an office
# shooting in Michigan (2007), 21 a hit-and-run in Queens (2013), 23 climbers killed on
# Aoraki/Mount Cook (2013).
ECBPLUS_TOPICS = (12, 18, 21, 23)

# (pattern, replacement) applied in order to space-joined tokens
DETOKENIZE_RULES = (
    (re.compile(r"(?<=\d) ([:/.]) (?=\d)"), r"\1"),  # 20 : 09, 4 / 9 / 2007, 9 . 25
    (re.compile(r"(?<=\d) ?, (?=\d{3}(?!\d))"), ","),  # 2, 000
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"([“‘]) "), r"\1"),
    (re.compile(r" ([”’])"), r"\1"),
    (re.compile(r"’ (?=(s|t|re|ve|ll|d|m)\b)"), "’"),
    (re.compile(r" ([,.;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r"(?<=\w) - (?=\w)"), "-"),  # hit - and - run
    (re.compile(r" - - "), " -- "),
)


YEAR = re.compile(r"\b(19|20)\d\d\b")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    for pattern, replacement in DETOKENIZE_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r'" ([^"]*?) "', r'"\1"', text)


def ecbplus_articles(directory: Path, topics=ECBPLUS_TOPICS) -> list[dict]:
    articles = []
    for topic in topics:
        paths = sorted((directory / str(topic)).glob("*ecbplus.xml"),
                       key=lambda path: int(re.match(r"\d+_(\d+)", path.name).group(1)))
        for path in paths:
            sentences: dict[int, list[str]] = {}
            for token in etree.parse(str(path)).getroot().iter("token"):
                sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
            lines = [words for _, words in sorted(sentences.items())]
            url = "".join(lines[0])
            if not url.startswith("http"):
                raise SystemExit(f"{path}: the first sentence is not the article's URL")
            body = [detokenize(words) for words in lines[1:]]
            # the headline is the first of the next two lines that is not a date line
            title = next((line for line in body[:2] if not YEAR.search(line)), None)
            articles.append({"title": title, "url": url, "language": "en",
                             "licence": ECBPLUS_LICENCE, "ecbplus_document": path.name,
                             "text": "\n\n".join(line for line in body if line is not title)})
    return articles


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
    stories = ecbplus_articles(args.shared / "eval" / "fusion" / "ecbplus")
    with open(args.out / "ecbplus-dev.jsonl", "w", encoding="utf-8") as handle:
        for article in stories:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"{len(articles)} Wikinews articles, {len(stories)} ECB+ articles and the seeds written to {args.out}")


if __name__ == "__main__":
    main()
