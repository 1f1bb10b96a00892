"""Which outlet published an article: from its metadata (a JSON field, the page's site name, the
feed's title), else from the words outlets put in their texts (a closing credit line such as
"CNN's ... contributed to this report", "Follow Harbor Ledger on Twitter", a copyright line, a wire
dateline "KABUL (Reuters) -"; rules in outlets.yaml), else from the URL's host name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

RULES_PATH = Path(__file__).with_name("outlets.yaml")
CLOSING_LINES = 5
OPENING_CHARS = 200


@dataclass(frozen=True)
class OutletRule:
    id: str
    where: str
    pattern: re.Pattern
    example: str
    outlet: str


@lru_cache(maxsize=1)
def outlet_rules() -> list[OutletRule]:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    rules = []
    for rule in data["rules"]:
        pattern = rule["pattern"].replace("{name}", data["name"])
        rules.append(OutletRule(rule["id"], rule["where"], re.compile(pattern, re.MULTILINE), rule["example"], rule["outlet"]))
    return rules


@dataclass(frozen=True)
class OutletFound:
    name: str
    source: str  # "metadata", "text:<rule id>" or "url"
    evidence: str


def outlet_from_text(text: str) -> OutletFound | None:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    closing = lines[-CLOSING_LINES:]
    opening = text.lstrip()[:OPENING_CHARS]
    for rule in outlet_rules():
        if rule.where == "opening":
            match = rule.pattern.search(opening)
            if match:
                return OutletFound(match.group("outlet").strip(), f"text:{rule.id}", match.group(0))
            continue
        for line in reversed(closing):
            match = rule.pattern.search(line)
            if match:
                return OutletFound(match.group("outlet").strip(" .-"), f"text:{rule.id}", line)
    return None


def outlet_from_url(url: str | None) -> OutletFound | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = re.sub(r"^(?:www\d?|m|amp|mobile|en)\.", "", host.lower())
    return OutletFound(host, "url", url)


def detect_outlet(text: str, metadata_name: str | None = None, url: str | None = None) -> OutletFound | None:
    if metadata_name and metadata_name.strip():
        return OutletFound(metadata_name.strip(), "metadata", metadata_name)
    return outlet_from_text(text) or outlet_from_url(url)
