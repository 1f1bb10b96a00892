"""People's titles, read from the words around their names.

Three places a title is written, each a common newswire pattern:

- before the name: "Second Vice President of the Republic of Ghana Kwame Asante",
  "former Malian Prime Minister Moussa Mara", "Kenya's National Security Adviser
  Monica Juma";
- in apposition before it: "the leader of the Amal party in Lebanon, Nabih
  Berri";
- in apposition after it: "Raila Odinga, a former prime minister".

A title must hold one of the head words in ``titles.yaml``. Nationalities in it ("Afghan",
"Afghanistan's", "of the Federal Republic of Somalia") give the person's country and are
left out of the title, as a reader would say "former Vice President".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.entities.lexicon import Lexicon, fold, phrase_key

CONNECTORS = {"of", "for", "and", "the", "in", "on", "&", "-", "–"}
POSSESSIVE = {"'s", "’s", "'", "’"}
COMPLEMENT_PREPS = {"of", "for", "in", "on"}
DETERMINERS = {"the", "a", "an"}
MAX_TITLE_TOKENS = 24


@dataclass
class TitleReading:
    """A title found next to a person's name."""

    title: str
    start: int  # first token of the whole phrase (evidence: start .. name end)
    end: int  # token after the last token of the phrase
    country: str | None = None
    consumed: tuple[int, int] = (0, 0)  # token range whose other mentions belong to the title
    description: tuple[int, int] | None = None  # "The Qatari special envoy": a description of the person


def _head_words(lexicon: Lexicon) -> set[str]:
    return {phrase.split()[-1] for phrase in lexicon.title_heads}


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ", "X"}


def _country_of_token(token: Token, lexicon: Lexicon) -> str | None:
    text = token.text
    return lexicon.country_of_demonym(text) or lexicon.country_of_name(text) or lexicon.country_of_capital(text)


def _country_of_words(tokens: list[Token], lexicon: Lexicon) -> str | None:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return lexicon.country_of_name(text) or lexicon.country_of_capital(text)


class TitleReader:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.heads = _head_words(lexicon)

    def _is_title_word(self, token: Token) -> bool:
        return self.lexicon.is_title_word(token.text)

    def _is_head(self, token: Token) -> bool:
        return fold(token.text).strip(".") in self.heads

    def _split(self, tokens: list[Token]) -> tuple[str, str | None] | None:
        """Title text and country from a run of words that holds a title."""
        lexicon = self.lexicon
        country = None
        first = next((i for i, t in enumerate(tokens) if self._is_title_word(t)), None)
        if first is None:
            return None
        for token in tokens[:first]:  # "Afghanistan's", "Afghan", "Doha's"
            country = country or _country_of_token(token, lexicon)
        kept: list[Token] = []
        index = first
        while index < len(tokens):
            token = tokens[index]
            low = fold(token.text)
            if low in COMPLEMENT_PREPS and index + 1 < len(tokens):
                rest = [t for t in tokens[index + 1 :] if fold(t.text) not in POSSESSIVE]
                code = _country_of_words(rest, lexicon)
                if code is not None:  # "... of the Federal Republic of Somalia", "... in Somalia"
                    country = country or code
                    break
            if not self._is_title_word(token) and (lexicon.country_of_demonym(token.text) or low in POSSESSIVE):
                country = country or lexicon.country_of_demonym(token.text)
                index += 1
                continue  # "former Afghan Vice President": the nationality is not the title
            kept.append(token)
            index += 1
        while kept and (fold(kept[-1].text) in CONNECTORS or fold(kept[-1].text) in DETERMINERS):
            kept.pop()
        if not any(self._is_head(t) for t in kept):
            return None
        # one spelling whatever the article's style: "former Prime Minister", "Special Envoy"
        words = []
        for token in kept:
            low = fold(token.text)
            text = token.text
            if low in self.lexicon.time_words:
                text = text.lower()
            elif self._is_title_word(token) and text.islower():
                text = text[:1].upper() + text[1:]
            words.append(text + token.whitespace_)
        title = "".join(words)
        return " ".join(title.split()), country

    # --- before the name ------------------------------------------------------------------------

    def before(self, doc: Doc, name_start: int, floor: int) -> TitleReading | None:
        index = name_start - 1
        run: list[Token] = []
        while index >= floor and len(run) < MAX_TITLE_TOKENS:
            token = doc[index]
            low = fold(token.text)
            allowed = (
                self._is_title_word(token)
                or low in CONNECTORS
                or low in POSSESSIVE
                or _is_capitalised(token)
            )
            if not allowed or token.is_space:
                break
            if token.is_punct and low not in {"-", "–"} and low not in POSSESSIVE:
                break
            run.insert(0, token)
            index -= 1
        while run and (fold(run[0].text) in CONNECTORS or fold(run[0].text) in POSSESSIVE):
            run.pop(0)
        if not run or not (self._is_title_word(run[-1]) or _is_capitalised(run[-1])):
            return None
        split = self._split(run)
        if split is None:
            return None
        title, country = split
        return TitleReading(title, run[0].i, name_start, country, consumed=(run[0].i, name_start))

    # --- in apposition before the name: "the leader of X, NAME" --------------------------------

    def apposition_before(self, doc: Doc, name_start: int, floor: int) -> TitleReading | None:
        comma = name_start - 1
        if comma < floor or doc[comma].text != ",":
            return None
        index = comma - 1
        determiners = []
        while index >= floor and comma - index <= MAX_TITLE_TOKENS:
            token = doc[index]
            if token.is_punct and token.text not in {"-", "–"}:
                break
            if fold(token.text) in DETERMINERS:
                determiners.append(index)
            index -= 1
        # the outermost phrase first: "The Danish special envoy to the Minister of ..., NAME"
        for determiner in reversed(determiners):
            words = list(doc[determiner + 1 : comma])
            # the head must come early: "the Omani special envoy to ...", "the leader of ..."
            head_at = next((i for i, t in enumerate(words[:5]) if self._is_head(t)), None)
            if head_at is None or any(not (self._is_title_word(t) or self.lexicon.country_of_demonym(t.text))
                                      for t in words[:head_at]):
                continue
            split = self._split(words)
            if split is None:
                continue
            title, country = split
            return TitleReading(title, determiner, name_start, country, consumed=(determiner, comma),
                                description=(determiner, determiner + 1 + head_at + 1))
        return None

    # --- in apposition after the name: "NAME, a former prime minister" ------------------------

    def apposition_after(self, doc: Doc, name_end: int, ceiling: int) -> TitleReading | None:
        if name_end + 2 >= ceiling or doc[name_end].text != ",":
            return None
        index = name_end + 1
        if fold(doc[index].text) in {"a", "an", "the"}:
            index += 1
        run: list[Token] = []
        while index < ceiling and len(run) < MAX_TITLE_TOKENS:
            token = doc[index]
            if self._is_title_word(token) or self.lexicon.country_of_demonym(token.text):
                run.append(token)
                index += 1
                continue
            if fold(token.text) == "of" and index + 1 < ceiling and _is_capitalised(doc[index + 1]):
                run.append(token)
                index += 1
                continue
            if run and fold(run[-1].text) == "of" and _is_capitalised(token):
                run.append(token)
                index += 1
                continue
            break
        if not run:
            return None
        if index < ceiling and (doc[index].pos_ == "PROPN" or doc[index].ent_type_ == "PERSON"):
            return None  # "Kwame Asante, Deputy Prime Minister Ruth Osei": the next person's title
        split = self._split(run)
        if split is None:
            return None
        title, country = split
        return TitleReading(title, name_end, run[-1].i + 1, country, consumed=(name_end + 1, run[-1].i + 1))
