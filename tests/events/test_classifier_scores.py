"""The event-type classifier's own scoring path (LinearScores) gives scikit-learn's scores to the
bit, on the shipped model and on a small model fitted here."""

import numpy as np
import pytest

from dateline.events.classifier import EventTypeClassifier, LinearScores

SNIPPETS = [
    "Militiamen torched a row of market stalls in the river town before dawn on Friday.",
    "Hundreds of nurses marched to the ministry to demand their unpaid wages.",
    "Gunmen seized a bus driver and two passengers on the northern highway, police said.",
    "An air strike hit a fuel depot outside the port; three guards were killed.",
    "The council agreed to resume talks with the rebel leadership next month.",
    "",
    "zzz qqq",  # nothing the model knows
]


@pytest.fixture(scope="module")
def shipped():
    return EventTypeClassifier.load()


@pytest.mark.parametrize("texts", [SNIPPETS, SNIPPETS[:1], SNIPPETS[5:], SNIPPETS[1:4] * 3])
def test_scores_are_the_pipelines_to_the_bit(shipped, texts):
    scorer = LinearScores.of(shipped.pipeline)
    assert scorer is not None
    assert np.array_equal(scorer(texts), shipped.pipeline.decision_function(texts))


def test_probabilities_keep_the_models_reading(shipped):
    labels = [label for label, _ in shipped.predict(SNIPPETS[:3])]
    assert labels[1] in ("PEACE_PROTEST", "PROTEST_WITH_INTER")  # a march of nurses is a protest
    assert labels[2] == "ABDUCT_DISSAP"  # seized a driver and passengers


def test_a_model_fitted_again_is_scored_with_its_new_weights():
    texts = ["rebels shelled the village", "troops shelled the hills", "crowds marched in the capital",
             "students marched to parliament", "gunmen seized a trader", "bandits seized two herders"] * 3
    labels = ["SHELLING", "SHELLING", "PROTEST", "PROTEST", "ABDUCTION", "ABDUCTION"] * 3
    question = ["farmers marched on the road"]
    model = EventTypeClassifier().fit(texts, labels)
    assert model.labels[int(model.predict_proba(question).argmax())] == "PROTEST"
    model.fit(texts, ["PROTEST", "PROTEST", "SHELLING", "SHELLING", "ABDUCTION", "ABDUCTION"] * 3)  # swapped
    assert model.labels[int(model.predict_proba(question).argmax())] == "SHELLING"
    assert np.array_equal(LinearScores.of(model.pipeline)(question), model.pipeline.decision_function(question))


def test_two_labels_give_one_column_as_scikit_learn_does():
    texts = ["rebels shelled the village", "crowds marched in the capital"] * 3
    model = EventTypeClassifier().fit(texts, ["SHELLING", "PROTEST"] * 3)
    scores = LinearScores.of(model.pipeline)(["troops shelled a road"])
    assert scores.shape == (1,)
    assert np.array_equal(scores, model.pipeline.decision_function(["troops shelled a road"]))


def test_a_pipeline_of_another_shape_is_scored_by_scikit_learn():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    pipeline = make_pipeline(CountVectorizer(), LinearSVC()).fit(["red bus", "blue car", "green van"], ["X", "Y", "Z"])
    assert LinearScores.of(pipeline) is None
    model = EventTypeClassifier(pipeline)
    assert model.predict_proba(["red bus"]).shape == (1, 3)
