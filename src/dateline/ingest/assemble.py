"""Turn what a reader found (text, title, date, outlet ...) into an Article, or a Rejection
with the reason. Every reader ends here, so every format gets the same cleaning, size limit,
date inference, outlet detection and id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from dateline.ingest.decoding import replace_surrogates, without_surrogates
from dateline.ingest.dedupe import content_id
from dateline.ingest.language import detect_language
from dateline.ingest.outlet import detect_outlet
from dateline.ingest.pubdate import (
    FUTURE_MARGIN_DAYS,
    HEADER_CONFIDENCE,
    METADATA_CONFIDENCE,
    infer_publication_date,
    latest_publication_day,
    parse_date_value,
    read_header,
)
from dateline.model import Article, Rejection

DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # of text per article
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    today: date | None = None  # upper bound for dates found in texts (tests fix it)
    ingested_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def ingest_day(self) -> date:
        return self.today or self.ingested_at.date()


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def human_size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def assemble_article(
    text: str | None,
    *,
    origin: str,
    options: ReadOptions,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    date_raw: object = None,
    language: str | None = None,
    meta: dict | None = None,
    header_allowed: bool = False,
    warnings: list[str] | None = None,
) -> Article | Rejection:
    """``warnings`` (from decoding, say) go into ``meta["warnings"]`` with the ones found here:
    the article is kept, and the ingest reports each one."""
    meta = dict(meta or {})
    warnings = list(warnings or [])
    # lone surrogates (from XML's &#xd800;) fit in no UTF-8 file or database: one warning
    raw, surrogates = replace_surrogates(text or "")
    title, in_title = replace_surrogates(title) if isinstance(title, str) else (title, 0)
    url, in_url = replace_surrogates(url) if isinstance(url, str) else (url, 0)
    outlet, in_outlet = replace_surrogates(outlet) if isinstance(outlet, str) else (outlet, 0)
    meta, in_meta = without_surrogates(meta)
    if surrogates + in_title + in_url + in_outlet + in_meta:
        warnings.append(f"{surrogates + in_title + in_url + in_outlet + in_meta} lone surrogates (half of a "
                        f"character) replaced by U+FFFD")
    header_date = None
    latest = latest_publication_day(options.ingest_day)
    if header_allowed:
        header = read_header(raw.lstrip("\ufeff"), latest)
        header_date, raw = header.value, header.rest
        if header.problem:
            warnings.append(header.problem)
    body = clean_text(raw)
    if not body:
        return Rejection(origin, "no text" + (" (only a date header)" if header_date else ""))
    size = len(body.encode("utf-8"))
    if size > options.max_bytes:
        return Rejection(origin, f"article text is {human_size(size)}, over the limit of {human_size(options.max_bytes)} (--max-bytes)")

    if header_date is not None:
        published, source, confidence = header_date, "header", HEADER_CONFIDENCE
        meta["published_evidence"] = f"header line 'date {header_date.isoformat()}'"
    else:
        metadata_date = parse_date_value(date_raw)
        shown = str(date_raw)[:60]
        if metadata_date is not None and metadata_date > latest:
            warnings.append(f"date '{shown}' in the metadata is later than the ingest day plus "
                            f"{FUTURE_MARGIN_DAYS} days; the date is inferred from the text")
            meta["unreadable_date"] = str(date_raw)[:200]
            metadata_date = None
        elif metadata_date is None and date_raw not in (None, ""):
            warnings.append(f"date '{shown}' in the metadata is not a date; the date is inferred from the text")
            meta["unreadable_date"] = str(date_raw)[:200]
        if metadata_date is not None:
            published, source, confidence = metadata_date, "metadata", METADATA_CONFIDENCE
            meta["published_evidence"] = f"metadata '{date_raw}'"
        else:
            inferred = infer_publication_date(body, today=options.today)
            published, source, confidence = inferred.value, inferred.source, inferred.confidence
            meta["published_evidence"] = inferred.evidence

    found = detect_outlet(body, outlet if isinstance(outlet, str) else None, url)
    if found is not None:
        meta["outlet_source"] = found.source
    title = clean_text(title).replace("\n", " ") if title else None
    detected = detect_language(body, declared=language)
    meta["language_source"] = detected.source
    if warnings:
        meta["warnings"] = warnings
    return Article(
        id=content_id(body),
        text=body,
        title=title or None,
        outlet=found.name if found else None,
        url=url or None,
        published=published,
        published_source=source,
        published_confidence=confidence,
        language=detected.code,
        ingested_at=options.ingested_at,
        origin=origin,
        meta=meta,
    )
