"""A local body named without its town sits in the outlet's home town, when the article names no
other town (events/placing.yaml: local_body; events.placing.acts_of_a_local_body_at_home)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.events.placing import TABLE
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

EXAMPLES = yaml.safe_load(Path(TABLE).read_text(encoding="utf-8"))["local_body"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['word']}:{i}" for i, e in enumerate(EXAMPLES)])
def test_a_local_body_at_the_outlets_home(example):
    text = example["sentence"]
    article = Article(id="t", text=text, title=None, published=date(2024, 3, 8), url=example["url"],
                      outlet=example["url"].split("/")[2])
    events = [e for e in read_article(article, parse(text), Stages.load()).events
              if e.trigger is not None and e.trigger.text == example["word"]]
    assert events, (example["word"], text)
    names = [p.name for p in events[0].places]
    if example["place"] == "none":
        assert "Richmond" not in names, names
    else:
        assert example["place"] in names, names


def test_the_home_town_is_no_place_of_the_text():
    # the outlet's town has no span of the article: it is the setting of last resort, not a mention
    text = "The City Council voted 4-1 on Tuesday to raise water rates."
    article = Article(id="t", text=text, title=None, published=date(2024, 3, 8),
                      url="http://www.richmondregister.com/news/1", outlet="www.richmondregister.com")
    result = read_article(article, parse(text), Stages.load())
    assert not any(p.name == "Richmond" for p in result.places)
