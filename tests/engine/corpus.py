"""A dozen short hand-made reports for the engine tests: the same people and bodies named in
different ways across articles (so that the reduce step has work to do), a duplicate, and
places, dates and counts a reader can check."""

from __future__ import annotations

from datetime import date

from dateline.ingest import content_id
from dateline.model import Article
from dateline.serialise import to_jsonl


def article(text: str, day: date) -> Article:
    return Article(id=content_id(text), text=text, published=day)


CORPUS = [
    article("Karzai met the envoy in Doha on Tuesday, officials said.", date(2021, 8, 3)),
    article("Former President Hamid Karzai said on Monday that he would stay in Kabul.", date(2021, 8, 2)),
    article("The Red Crescent Society said 14 people were killed when a truck bomb exploded in the market.",
            date(2021, 8, 4)),
    article("Ahmed Wali Karzai's convoy was attacked near Kandahar on Sunday, police said.", date(2021, 8, 1)),
    article("Mutlaq al-Kahtani, the Qatari envoy, arrived in Kabul on Wednesday for talks with the Taliban.",
            date(2021, 8, 5)),
    article("Qatar's special envoy Mutlaq bin Majed Al Qahtani said the talks with the Taliban would go on.",
            date(2021, 8, 6)),
    article("Al Qahtani told reporters the Red Crescent had reached the wounded in the market.", date(2021, 8, 7)),
    article("Government troops clashed with rebels near the border on Monday.", date(2021, 7, 6)),
    article("Protesters in Herat demanded the release of 30 detainees on Thursday.", date(2021, 7, 9)),
    article("Taliban fighters seized the district centre in Badakhshan overnight, a local official said.",
            date(2021, 7, 10)),
    article("Police arrested 12 men in Jalalabad on Friday after a rocket struck the airport.", date(2021, 7, 11)),
    article("The United Nations said more than 1,000 families had fled Kunduz since Sunday.", date(2021, 7, 12)),
]


def exported(store) -> str:
    """What the tests compare byte for byte: every event, then every canonical entity."""
    entities = [s.entity for s in store.entities(limit=None)]
    return to_jsonl(store.events()) + to_jsonl(sorted(entities, key=lambda e: e.id))
