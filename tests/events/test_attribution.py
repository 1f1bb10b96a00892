"""Who says so and how sure: the source, channel and modality a reader would name."""

from __future__ import annotations

import pytest

from dateline.events.attribution import attribution_of, find_attribution, load_cues, modality_of
from dateline.nlp import parse

CUES = load_cues().raw


def attribution_of_last_sentence(text: str):
    doc = parse(text)
    sentence = list(doc.sents)[-1]
    return find_attribution(sentence, doc)


def trigger(doc_or_sentence, word: str, after: str = ""):
    text = doc_or_sentence.text
    start = doc_or_sentence[0].idx + (text.index(after) if after else 0)
    return next(t for t in doc_or_sentence if t.text == word and t.idx >= start)


def attribution_examples() -> list:
    cases = []
    for group in CUES["reporting_verbs"] + CUES["channel_examples"] + CUES["according_to"]:
        cases.append(pytest.param(group["example"], group["expect"], id=group["example"][:40]))
    for item in CUES["resolution_examples"] + [CUES["channel_family_example"]]:
        cases.append(pytest.param(item["context"], item["expect"], id=item["context"][-40:]))
    return cases


@pytest.mark.parametrize("text, expect", attribution_examples())
def test_every_attribution_example_in_the_yaml(text, expect):
    attribution = attribution_of_last_sentence(text)
    assert attribution is not None
    assert attribution.source == expect["source"]
    if "channel" in expect:
        assert attribution.channel == expect["channel"]


def modality_examples() -> list:
    cases = []
    for key in ("denial", "planned", "expected", "claimed", "hedges"):
        for item in CUES[key]["examples"]:
            cases.append(pytest.param(item["sentence"], item["trigger"], item["expect"], id=item["sentence"][:40]))
    return cases


@pytest.mark.parametrize("sentence, word, expect", modality_examples())
def test_every_modality_example_in_the_yaml(sentence, word, expect):
    doc = parse(sentence)
    token = trigger(doc, word)
    modality, hedged = modality_of(token, token.sent)
    if "modality" in expect:
        assert modality == expect["modality"]
    if "hedged" in expect:
        assert hedged == expect["hedged"]


def test_spans_point_at_the_source_words_and_the_channel():
    text = "A rebel spokesman told AFP on Sunday that his fighters had taken over three towns."
    attribution = attribution_of_last_sentence(text)
    assert attribution.span.text == "A rebel spokesman" == text[attribution.span.start : attribution.span.end]
    assert attribution.channel == "told AFP"
    assert text[attribution.channel_span.start : attribution.channel_span.end] == "told AFP"


def test_a_reporting_verb_before_its_subject():
    attribution = attribution_of_last_sentence(
        "Two relief flights landed in Aden from the north, confirmed bin Rashid Al-Nuaimi Al-Dosari."
    )
    assert attribution.source == "bin Rashid Al-Nuaimi Al-Dosari"


def test_said_name_in_a_news_briefing():
    attribution = attribution_of_last_sentence(
        "\u201cThe soldiers who crossed into Niger are returning,\u201d said Hashimi at a news briefing on Monday."
    )
    assert (attribution.source, attribution.channel) == ("Hashimi", "news briefing")


def test_according_to_around_a_speaker_is_the_relay():
    attribution = attribution_of_last_sentence(
        "\u201cYou will pay for this,\u201d Odinga told supporters in Kisumu on Sunday, according to Kenyan media."
    )
    assert attribution.source == "Odinga"
    assert attribution.via == "Kenyan media"


def test_a_pronoun_keeps_its_own_span_and_the_name_it_stands_for():
    text = (
        "In a video message on Sunday, former Malian Prime Minister Moussa Mara said there had been "
        "deaths in the village. \u201cWe are living under siege,\u201d he said."
    )
    attribution = attribution_of_last_sentence(text)
    assert attribution.span.text == "he"
    assert attribution.source == "Moussa Mara"
    assert text[attribution.antecedent.start : attribution.antecedent.end] == "Moussa Mara"


def test_a_quotation_over_several_sentences_belongs_to_who_closes_it():
    doc = parse(
        "\u201cNobody can deny that our position is very hard. We are under siege,\u201d "
        "the commander said."
    )
    first = list(doc.sents)[0]
    assert find_attribution(first, doc).source == "the commander"


def test_each_figure_gets_its_own_source_in_a_sentence_with_two():
    doc = parse(
        "So far, the militia says it has taken over 60 villages in nine regions, "
        "while Western intelligence officials say it has seized about 25."
    )
    sentence = list(doc.sents)[0]
    assert attribution_of(trigger(doc, "60"), sentence).span.text == "the militia"
    assert attribution_of(trigger(doc, "25"), sentence).source == "Western intelligence officials"


def bad_inputs(fixtures_dir):
    path = fixtures_dir / "events" / "attribution_bad_input.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expect = line.split("\t")
            yield text.replace("\\n", "\n"), expect


def test_bad_input_never_crashes_and_never_invents_a_source(fixtures_dir):
    for text, expect in bad_inputs(fixtures_dir):
        doc = parse(text)
        sentences = list(doc.sents)
        found = [find_attribution(s, doc) for s in sentences]
        for sentence in sentences:
            for token in sentence:
                modality_of(token, sentence)
        named = [a for a in found if a is not None]
        if expect == "none":
            assert named == [], f"{text!r}: invented {named}"
        else:
            assert any(a.source == expect for a in named), f"{text!r}: {named}"


# --- the seed articles: what a reader of them names as source and modality ----------------------

# gold event id -> words of the sentence that reports it (located by a reader of the seed)
SEED_SENTENCES = {
    "s0-flights": "Two domestic flights flew",
    "s0-four-districts": "A Taliban spokesman told CNN",
    "s0-anabah": "Taliban fighters had arrived",
    "s0-khawak": "claimed to have fought",
    "s0-saleh": "there had been casualties",
    "s4-withdrawal": "it has completed 90%",
    "s4-returning": "127 Afghan security personnel",
    "s4-14-districts": "Afghan security forces captured 14 districts",
}
# gold event id -> the word that states the event in that sentence
SEED_TRIGGERS = {
    "s0-four-districts": ("taken", "his forces"),
    "s0-khawak": ("surrounded", "claimed"),
    "s0-saleh": ("casualties", "Amrullah Saleh said"),
    "s4-14-districts": ("captured", "Afghan security forces"),
}


def seed_events(seeds_dir, seed_gold):
    for document in seed_gold["documents"]:
        doc = parse((seeds_dir / document["file"]).read_text(encoding="utf-8"))
        for event in document["events"]:
            yield doc, event


def sentence_with(doc, words: str):
    return next(s for s in doc.sents if words in s.text)


def test_seed_attributions_name_the_gold_source(seeds_dir, seed_gold):
    checked = 0
    for doc, event in seed_events(seeds_dir, seed_gold):
        if "attributed_to" not in event:
            continue
        sentence = sentence_with(doc, SEED_SENTENCES[event["id"]])
        attribution = find_attribution(sentence, doc)
        assert attribution is not None, event["id"]
        gold = event["attributed_to"].lower()
        # the gold names a source as "Qatari ambassador (bin Mubarak Al-Khayarin Al-Hajar)":
        # any of its names, or the whole of ours inside it, is a match
        names = [n.strip() for n in gold.replace("(", ",").replace(")", ",").split(",") if len(n.strip()) > 3]
        source = attribution.source.lower()
        assert source in gold or any(n in source for n in names), (event["id"], attribution)
        if "(to " in gold or "(via " in gold:
            outlet = gold.split("(")[1].split()[1].rstrip(")")
            assert outlet in (attribution.channel or "").lower(), (event["id"], attribution)
        if "video message" in gold:
            assert attribution.channel == "video message"
        checked += 1
    assert checked == len(SEED_SENTENCES)


def test_seed_modalities(seeds_dir, seed_gold):
    checked = 0
    for doc, event in seed_events(seeds_dir, seed_gold):
        if "modality" not in event:
            continue
        sentence = sentence_with(doc, SEED_SENTENCES[event["id"]])
        word, after = SEED_TRIGGERS[event["id"]]
        token = trigger(sentence, word, after=after)
        assert modality_of(token, sentence)[0] == event["modality"], event["id"]
        checked += 1
    assert checked == len(SEED_TRIGGERS)


def test_a_speaker_the_parse_hangs_on_the_last_noun_is_still_the_source():
    doc = parse("Security forces opened fire on protesters on Wednesday, killing at least 38 people, "
                "the United Nations special envoy for Myanmar, Christine Schraner Burgener, said.")
    killing = next(t for t in doc if t.text == "killing")
    attribution = attribution_of(killing)
    assert attribution is not None and attribution.source.endswith("Christine Schraner Burgener")
    assert attribution.source.startswith("the United Nations special envoy")


# a quotation over several paragraphs opens each of them and closes only the last; news texts run
# the paragraphs together, so an opening mark inside an open quotation continues it
MULTI_PARAGRAPH_QUOTE = ("The mayor said: “The bridge is old and we know it. “We will look at every option.” "
                         "The clerk, who keeps the town's books, said: “The money is there.”")


def test_an_opening_mark_inside_an_open_quotation_continues_it():
    from dateline.events.attribution import inside_quotes
    doc = parse(MULTI_PARAGRAPH_QUOTE)
    assert inside_quotes(trigger(doc, "option"))
    assert not inside_quotes(trigger(doc, "clerk"))
    assert not inside_quotes(trigger(doc, "said", after="clerk"))
    assert inside_quotes(trigger(doc, "money"))


def test_a_closing_mark_typed_as_an_opening_one_still_closes():
    from dateline.events.attribution import inside_quotes
    doc = parse("“The bridge is old,“ the mayor said. The clerk said “the money is there.”")
    assert not inside_quotes(trigger(doc, "mayor"))
    assert inside_quotes(trigger(doc, "money"))


def test_the_statement_after_a_quotation_over_two_paragraphs_is_kept():
    from datetime import date

    from dateline.model import Article
    from dateline.pipeline import Stages, read_article
    article = Article(id="q", text=MULTI_PARAGRAPH_QUOTE, published=date(2024, 5, 10))
    events = read_article(article, parse(MULTI_PARAGRAPH_QUOTE), Stages.load()).events
    statements = [e for e in events if e.type == "STATEMENT"]
    assert any(e.trigger is not None and e.trigger.start > MULTI_PARAGRAPH_QUOTE.index("clerk") for e in statements)


def test_a_colon_before_an_opening_mark_starts_a_new_quotation():
    from dateline.events.attribution import inside_quotes
    doc = parse("The mayor said: “The bridge is old. “We know it. The clerk added: “The money is there.”")
    assert inside_quotes(trigger(doc, "know"))
    assert not inside_quotes(trigger(doc, "added"))
    assert inside_quotes(trigger(doc, "money"))
