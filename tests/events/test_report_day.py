"""The learned report's-day model (events/report_day.py, weights in events/models/report_day.json):
its features read what hand-made sentences say, and on short stories of our own it leaves undated
an act told as done with no day, and keeps the report's day of an activity told as going on."""

from __future__ import annotations

from datetime import date

from dateline.events.report_day import MODEL_FILE, features, lead_types, report_day_model, \
    takes_the_report_day_by_default
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article, read_article

PUBLISHED = date(2024, 5, 10)


def _events(text: str, learned: bool = True):
    article = Article(id="t", text=text, published=PUBLISHED)
    doc = parse(text)
    return [r.event for r in explain_article(article, doc, Stages.load(), learned_report_day=learned)], doc


def _features_of(text: str, word: str) -> dict[str, float]:
    events, doc = _events(text, learned=False)
    event = next(e for e in events if e.trigger is not None and e.trigger.text == word)
    return features(event, doc, lead_types(events, doc), PUBLISHED)


def _dates(text: str) -> dict[str, str | None]:
    article = Article(id="t", text=text, published=PUBLISHED)
    return {e.trigger.text: e.date_value for e in read_article(article, parse(text), Stages.load()).events}


def test_the_shipped_model_loads_and_names_its_rebuild():
    model = report_day_model()
    assert 0.0 < model.threshold < 1.0 and model.weights
    assert model.about["rebuild"].startswith("python -m dateline.eval.report_day_train")
    assert MODEL_FILE.name == "report_day.json"
    # every weighed name is one the features can give (a clause feature, a flag, a tag or a type)
    assert all(name.startswith(("clause:", "type=", "tag=", "pos=", "dep=", "verb_tag=", "main_verb_tag="))
               or name in {"lead_tells_the_type", "position", "passive", "perfect", "pluperfect", "modal",
                           "progressive", "quoted", "time_word_in_sentence", "main_verb_passive", "main_verb_says"}
               for name in model.weights)


def test_the_features_read_voice_aspect_and_the_sentence():
    passive = _features_of("Two cars were stolen from a lot on Pine Road, police said.", "stolen")
    assert passive["passive"] == 1.0 and passive["main_verb_says"] == 1.0 and passive["tag=VBN"] == 1.0
    going_on = _features_of("Road crews are repairing the bridge on Mill Street.", "repairing")
    assert going_on["progressive"] == 1.0 and going_on["passive"] == 0.0 and going_on["main_verb_says"] == 0.0
    perfect = _features_of("The county has closed the landfill on Route 9.", "closed")
    assert perfect["perfect"] == 1.0 and perfect["progressive"] == 0.0
    # the lead tells an act of the type; the position is the sentence's share of the article
    assert perfect["lead_tells_the_type"] == 1.0 and perfect["position"] == 0.0


def test_only_acts_dated_by_default_to_the_report_day_are_read():
    events, _ = _events("Burglars stole two bicycles from a garage on Oak Lane, a neighbor said.", learned=False)
    by_word = {e.trigger.text: e for e in events}
    assert by_word["stole"].date_inherited
    assert not any(takes_the_report_day_by_default(e, {e.id}) for e in events if e.type == "STATEMENT")


def test_an_act_told_as_done_with_no_day_is_left_undated():
    text = "Burglars stole two bicycles and a lawn mower from a garage on Oak Lane, police said."
    assert _events(text, learned=False)[0][0].date_value == "2024-05-10"
    assert _dates(text)["stole"] is None


def test_an_activity_told_as_going_on_keeps_the_report_day():
    assert _dates("Investigators are searching the river for the missing boater.")["searching"] \
        == "2024-05-10"


def test_the_trace_names_the_model_where_it_moved_a_date():
    text = "Vandals smashed the windows of a bus shelter on Bay Road, a city spokesman said."
    article = Article(id="t", text=text, published=PUBLISHED)
    readings = {r.event.trigger.text: r for r in explain_article(article, parse(text), Stages.load())}
    assert readings["smashed"].event.date_value is None
    assert "the learned model leaves the report's day" in readings["smashed"].date_passes
    assert "no date" in readings["smashed"].event.notes
