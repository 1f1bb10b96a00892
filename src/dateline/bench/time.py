"""Tagger throughput: sentences per second on one core, next to spaCy's own sentence throughput.

Texts: the TimeBank documents (news). The tagger runs without a parse (its cheap tense cues),
which is how `dateline eval timex` and the speed goal (2,000 sentences/s) measure it; spaCy's
figure is `nlp.pipe` over the same texts, the cost the shared pipeline pays anyway.
"""

from __future__ import annotations

import time
from pathlib import Path

from dateline.eval.timex import read_corpus


def run(shared: Path, spacy_docs: int = 60) -> dict:
    from dateline.nlp import get_nlp
    from dateline.time import tag_timexes

    documents = read_corpus(Path(shared) / "eval" / "timex" / "TimeBank")
    nlp = get_nlp()
    sample = documents[:spacy_docs]
    started = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in sample], batch_size=64))
    spacy_seconds = time.perf_counter() - started
    spacy_sentences = sum(len(list(doc.sents)) for doc in parsed)
    sentences_per_doc = spacy_sentences / len(sample)

    tag_timexes(documents[0].text, documents[0].dct)  # compile the grammar outside the timing
    rounds = 3
    started = time.perf_counter()
    found = 0
    for _ in range(rounds):
        for document in documents:
            found += len(tag_timexes(document.text, document.dct))
    tagger_seconds = (time.perf_counter() - started) / rounds
    # sentences counted by spaCy's splitter on the sample, scaled to the whole set by characters
    sample_chars = sum(len(d.text) for d in sample)
    all_chars = sum(len(d.text) for d in documents)
    total_sentences = spacy_sentences * all_chars / sample_chars

    started = time.perf_counter()
    for document, doc in zip(sample, parsed):
        tag_timexes(document.text, document.dct, doc)
    with_parse_seconds = time.perf_counter() - started
    return {
        "documents": len(documents),
        "sentences": round(total_sentences),
        "timexes_per_pass": found // rounds,
        "tagger_sentences_per_s": round(total_sentences / tagger_seconds, 1),
        "tagger_with_parse_sentences_per_s": round(spacy_sentences / with_parse_seconds, 1),
        "spacy_sentences_per_s": round(spacy_sentences / spacy_seconds, 1),
        "spacy_sample_documents": len(sample),
        "sentences_per_document": round(sentences_per_doc, 1),
    }


def to_markdown(result: dict) -> str:
    ratio = result["tagger_sentences_per_s"] / result["spacy_sentences_per_s"] if result["spacy_sentences_per_s"] else 0
    return "\n".join(
        [
            "## Time tagger",
            "",
            f"TimeBank, {result['documents']} news documents (about {result['sentences']:,} sentences), one process.",
            "",
            "| what | sentences/s |",
            "|---|---|",
            f"| dateline.time tagger alone (no parse; goal 2,000) | {result['tagger_sentences_per_s']:,.0f} |",
            f"| tagger given spaCy's parse (tense from the parse) | {result['tagger_with_parse_sentences_per_s']:,.0f} |",
            f"| bare spaCy `en_core_web_sm`, `nlp.pipe` ({result['spacy_sample_documents']} documents) | {result['spacy_sentences_per_s']:,.0f} |",
            "",
            f"The tagger adds about {100 / ratio:.0f}% to the cost of the parse the pipeline already pays."
            if ratio
            else "",
        ]
    )
