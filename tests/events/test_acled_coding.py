"""The ACLED type of each event: the cue lexicon first, the learned classifier where the cue word
alone cannot tell ("killed": by a drone? a roadside bomb? gunmen in a village?)."""

from __future__ import annotations

import csv
from datetime import date

import numpy as np
import pytest

from dateline.events import extract_events
from dateline.events.acled_coding import AcledQuestion, read_acled
from dateline.events.classifier import label_table
from dateline.model import Article
from dateline.nlp import parse


def events_of(text: str):
    return extract_events(Article(id="a1", text=text, published=date(2021, 9, 4)), parse(text), [], [], [], [])


def read_cases(fixtures_dir):
    path = fixtures_dir / "events" / "acled_sentences.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_each_hand_made_sentence_gets_the_acled_subtype_a_reader_gives_it(fixtures_dir):
    wrong = []
    for case in read_cases(fixtures_dir):
        events = [e for e in events_of(case["sentence"]) if e.trigger.text.startswith(case["trigger"])]
        assert events, f"no event on {case['trigger']!r} in {case['sentence']!r}"
        event = events[0]
        expected = None if case["subtype"] == "-" else case["subtype"]
        if event.acled_subtype != expected:
            wrong.append((case["sentence"], event.acled_subtype, expected))
        elif expected is not None and not event.acled_source.startswith(case["typed_by"]):
            wrong.append((case["sentence"], event.acled_source, case["typed_by"]))
    assert not wrong, wrong


def test_classifier_typed_events_keep_its_probability_and_say_so():
    event = next(e for e in events_of("A drone attack on a convoy killed four militants.") if e.trigger.text == "killed")
    assert event.acled_source == "classifier"
    assert 0.0 < event.acled_confidence <= 1.0
    assert any("classifier" in note for note in event.notes)
    assert event.acled_type == "Explosions/Remote violence"


def test_events_acled_never_codes_keep_no_acled_type():
    for event in events_of("The envoy met the foreign minister in Doha. Two domestic flights left the airport."):
        assert event.acled_subtype is None and event.acled_type is None


class FixedClassifier:
    """Stands in for the model: gives each text the same probabilities."""

    def __init__(self, probabilities: dict[str, float]):
        self.labels = sorted(label_table())
        rest = (1.0 - sum(probabilities.values())) / (len(self.labels) - len(probabilities))
        self.row = np.array([probabilities.get(label, rest) for label in self.labels])

    def predict_proba(self, texts):
        return np.tile(self.row, (len(texts), 1))


def test_a_definite_cue_wins_over_a_disagreeing_classifier_and_the_note_says_so():
    question = AcledQuestion("Police arrested two suspects.", "COERCE", "Strategic developments", "Arrests")
    [reading] = read_acled([question], FixedClassifier({"ABDUCT_DISSAP": 0.8}))
    assert reading.acled_subtype == "Arrests" and reading.source == "lexicon"
    assert "Abduction" in reading.note


def test_a_general_cue_word_yields_to_a_confident_classifier():
    question = AcledQuestion("A drone attack hit the convoy.", "ASSAULT", "Battles", "Armed clash", open_default=True)
    [reading] = read_acled([question], FixedClassifier({"AIR_STRIKE": 0.7}))
    assert reading.acled_subtype == "Air/drone strike" and reading.source == "classifier"
    [unsure] = read_acled([question], FixedClassifier({"AIR_STRIKE": 0.2}))
    assert unsure.acled_subtype == "Armed clash" and unsure.source == "lexicon"


def test_an_unknown_side_leaves_the_choice_to_the_classifier_among_the_cues_readings():
    question = AcledQuestion("Fighters took over the town.", "ASSAULT", "Battles", "Non-state actor overtakes territory",
                             choices=frozenset({"Non-state actor overtakes territory", "Government regains territory"}))
    [reading] = read_acled([question], FixedClassifier({"GOV_REGAINS_TERIT": 0.45, "AIR_STRIKE": 0.5}))
    assert reading.acled_subtype == "Government regains territory" and reading.source == "classifier"
    [unsure] = read_acled([question], FixedClassifier({"GOV_REGAINS_TERIT": 0.1, "AIR_STRIKE": 0.5}))
    assert unsure.acled_subtype == "Non-state actor overtakes territory" and unsure.source == "lexicon"
    assert "side is unknown" in unsure.note


def test_a_weak_reading_is_marked_not_hidden():
    question = AcledQuestion("Police arrested two suspects.", "COERCE", "Strategic developments", "Arrests")
    [reading] = read_acled([question], FixedClassifier({"ARREST": 0.3}))
    assert reading.acled_subtype == "Arrests" and reading.source == "lexicon+classifier"
    assert reading.confidence == pytest.approx(0.3) and "uncertain" in reading.note


def test_a_guess_with_no_cue_behind_it_is_left_open_and_named():
    question = AcledQuestion("Casualties: 3, 5, 12.", "ASSAULT")
    [reading] = read_acled([question], FixedClassifier({"SEX_VIOL": 0.35}))
    assert reading.acled_subtype is None and reading.acled_type is None
    assert "Sexual violence" in reading.note and reading.confidence == pytest.approx(0.35)


def test_non_violent_events_are_coded_only_when_the_classifier_is_sure():
    question = AcledQuestion("The army deployed troops to the border.", "MOBILIZE")
    [sure] = read_acled([question], FixedClassifier({"CHANGE_TO_GROUP_ACT": 0.7}))
    assert sure.acled_subtype == "Change to group/activity"
    [unsure] = read_acled([question], FixedClassifier({"CHANGE_TO_GROUP_ACT": 0.3, "DIPLO": 0.4}))
    assert unsure.acled_subtype is None and unsure.source is None


def test_without_a_model_the_lexicon_works_alone(monkeypatch):
    import dateline.events.acled_coding as coding

    monkeypatch.setattr(coding, "shipped_classifier", lambda: None)
    question = AcledQuestion("Police arrested two suspects.", "COERCE", "Strategic developments", "Arrests")
    [reading] = read_acled([question])
    assert (reading.acled_subtype, reading.source, reading.confidence) == ("Arrests", "lexicon", None)


class RecordingClassifier(FixedClassifier):
    """A FixedClassifier that keeps the texts it was asked to score."""

    def __init__(self, probabilities: dict[str, float]):
        super().__init__(probabilities)
        self.asked: list[str] = []

    def predict_proba(self, texts):
        self.asked += list(texts)
        return super().predict_proba(texts)


def test_only_events_whose_coding_the_classifier_decides_are_scored():
    arrest = AcledQuestion("Police arrested two suspects.", "COERCE", "Strategic developments", "Arrests")
    flight = AcledQuestion("Two domestic flights left the airport.", "TRANSPORT")  # no ACLED sub-type fits a flight
    classifier = RecordingClassifier({"ARREST": 0.8})
    arrest_reading, flight_reading = read_acled([arrest, flight], classifier)
    assert classifier.asked == ["Police arrested two suspects."]
    assert (flight_reading.acled_subtype, flight_reading.source, flight_reading.confidence) == (None, None, None)
    # the arrest reads the same alone or next to the flight
    assert read_acled([arrest], FixedClassifier({"ARREST": 0.8})) == [arrest_reading]
    assert arrest_reading.source == "lexicon+classifier" and arrest_reading.confidence == 0.8
