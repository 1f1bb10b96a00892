"""Cutting an article at its evidence spans: what a reader sees marked on an event page."""

from dateline.model import Span
from dateline.web.evidence import Highlight, context_pieces, cut, snippet_pieces

TEXT = "Taliban fighters shelled Bazarak on Thursday, killing at least 12 civilians, officials said."


def marked(pieces, field):
    return [p.text for p in pieces if field in p.fields]


def test_overlapping_spans_cut_without_nesting():
    quantity = TEXT.index("at least 12 civilians")
    target = TEXT.index("civilians")
    pieces = cut(TEXT, [Highlight(quantity, quantity + 21, "quantity", "how many: 12"),
                        Highlight(target, target + 9, "target", "to whom: civilians")])
    assert "".join(p.text for p in pieces) == TEXT  # nothing lost, nothing doubled
    assert marked(pieces, "quantity") == ["at least 12 ", "civilians"]
    assert marked(pieces, "target") == ["civilians"]
    both = next(p for p in pieces if p.text == "civilians")
    assert both.fields == ("target", "quantity") and both.anchors == ("target",)


def test_spans_outside_the_text_are_dropped_and_the_sentence_is_kept():
    end = TEXT.index(",") + 1
    pieces = cut(TEXT, [Highlight(500, 510, "place", "where: nowhere"), Highlight(17, 24, "trigger", "what")],
                 sentence=Span(0, end, TEXT[:end]))
    assert marked(pieces, "trigger") == ["shelled"]
    assert "".join(p.text for p in pieces if p.in_sentence) == TEXT[:end]
    assert not any("place" in p.fields for p in pieces)


def test_search_snippet_brackets_become_matches():
    pieces = snippet_pieces("shelling near [Bazarak] left [12] dead")
    assert [(p.text, p.fields) for p in pieces] == [
        ("shelling near ", ()), ("Bazarak", ("match",)), (" left ", ()), ("12", ("match",)), (" dead", ())]


def test_claim_context_marks_the_figure():
    start = TEXT.index("at least 12 civilians")
    pieces = context_pieces(TEXT, Span(start, start + 21, "at least 12 civilians"), "quantity", width=20)
    assert marked(pieces, "quantity") == ["at least 12 civilians"]
    assert pieces[0].text.startswith("…")
