"""Cross-article event coreference on hand-written reports: one quake told three times, and another."""

from __future__ import annotations

import numpy as np

from dateline.fuse import EventMention, FuseConfig, PlacePoint, cluster_documents, cluster_event_mentions, incompatible
from dateline.fuse.coreference import incompatible_matrix
from dateline.fuse.clustering import average_link
from dateline.fuse.coreference import head_key

REPORTS = {
    "quake-a1": "A magnitude 6.8 earthquake struck the Al Haouz province of Morocco on Friday night, killing "
                "more than 2,000 people in mountain villages south of Marrakesh, the interior ministry said.",
    "quake-a2": "Rescuers in Morocco dug through rubble in Al Haouz villages after Friday's earthquake near "
                "Marrakesh; the interior ministry put the death toll above 2,000.",
    "quake-a3": "The quake that hit the High Atlas south of Marrakesh late on Friday was the strongest in Morocco "
                "for a century; Al Haouz province suffered most of the 2,000 deaths.",
    "quake-b1": "A magnitude 5.9 earthquake shook Herat province in western Afghanistan on Tuesday, killing "
                "at least 40 people in villages of Zindajan district, Taliban officials said.",
}


def mention(mention_id: str, doc_id: str, trigger: str, lemma: str, **fields) -> EventMention:
    sentence = REPORTS[doc_id]
    start = sentence.index(trigger)
    return EventMention(mention_id=mention_id, doc_id=doc_id, sentence=sentence, trigger=trigger,
                        trigger_start=start, trigger_end=start + len(trigger), lemma=lemma, **fields)


QUAKE_MENTIONS = [
    mention("a1-quake", "quake-a1", "earthquake", "earthquake"),
    mention("a2-quake", "quake-a2", "earthquake", "earthquake"),
    mention("a3-quake", "quake-a3", "quake", "quake"),
    mention("b1-quake", "quake-b1", "earthquake", "earthquake"),
]


def cluster_of(clusters: list[list[str]], mention_id: str) -> set[str]:
    return next(set(group) for group in clusters if mention_id in group)


def test_the_three_moroccan_reports_share_a_document_cluster_and_the_afghan_one_stands_alone():
    groups = [set(group) for group in cluster_documents(REPORTS)]
    assert {"quake-a1", "quake-a2", "quake-a3"} in groups
    assert {"quake-b1"} in groups


def test_reports_of_one_quake_cluster_and_a_different_quake_stays_apart():
    clusters = cluster_event_mentions(QUAKE_MENTIONS, REPORTS)
    moroccan = cluster_of(clusters, "a1-quake")
    assert {"a1-quake", "a2-quake"} <= moroccan
    assert "b1-quake" not in moroccan
    assert cluster_of(clusters, "b1-quake") == {"b1-quake"}
    assert sorted(m for group in clusters for m in group) == sorted(m.mention_id for m in QUAKE_MENTIONS)


def test_same_type_same_day_in_two_towns_stays_two_events_even_in_one_document_cluster():
    # Two earthquakes reported the same day, one in Marrakesh and one in Herat (about 6,000 km
    # apart): however alike the words, the places cannot be one event.
    marrakesh = PlacePoint("Marrakesh", 31.63, -8.01, "town")
    herat = PlacePoint("Herat", 34.35, 62.20, "town")
    first = mention("a1", "quake-a1", "earthquake", "earthquake", date_start="2023-09-08", place=marrakesh)
    second = mention("b1", "quake-b1", "earthquake", "earthquake", date_start="2023-09-08", place=herat)
    one_cluster = [["quake-a1", "quake-b1"]]
    clusters = cluster_event_mentions([first, second], REPORTS, FuseConfig(mention_threshold=0.0), one_cluster)
    assert sorted(map(sorted, clusters)) == [["a1"], ["b1"]]


def test_date_windows_respect_each_events_own_precision():
    month = mention("m", "quake-a1", "earthquake", "earthquake", date_start="2023-09-01", date_end="2023-09-30")
    day = mention("d", "quake-a2", "earthquake", "earthquake", date_start="2023-09-08")
    two_weeks_later = mention("l", "quake-a3", "quake", "quake", date_start="2023-09-22")
    assert not incompatible(month, day)  # "in September" may be the 8th
    assert not incompatible(month, two_weeks_later)
    assert incompatible(day, two_weeks_later)  # the 8th is not the 22nd


def test_a_place_of_a_wider_kind_allows_a_wider_distance():
    morocco = PlacePoint("Morocco", 31.79, -7.09, "country")
    marrakesh = PlacePoint("Marrakesh", 31.63, -8.01, "town")
    casablanca = PlacePoint("Casablanca", 33.57, -7.59, "town")  # about 220 km from Marrakesh
    in_country = mention("c", "quake-a1", "earthquake", "earthquake", place=morocco)
    in_marrakesh = mention("m", "quake-a2", "earthquake", "earthquake", place=marrakesh)
    in_casablanca = mention("k", "quake-a3", "quake", "quake", place=casablanca)
    assert not incompatible(in_country, in_marrakesh)
    assert incompatible(in_marrakesh, in_casablanca)


def test_different_type_families_never_corefer():
    quake = mention("q", "quake-a1", "earthquake", "earthquake", type_family="DISASTER")
    killing = mention("k", "quake-a1", "killing", "kill", type_family="ASSAULT")
    assert incompatible(quake, killing)


def test_the_blocking_matrix_asks_what_incompatible_asks_of_every_pair():
    # one block mixing what blocking reads: families, day and month windows, an undated and an
    # unreadable date, places of three kinds, a place with no point, and no place
    morocco = PlacePoint("Morocco", 31.79, -7.09, "country")
    marrakesh = PlacePoint("Marrakesh", 31.63, -8.01, "town")
    casablanca = PlacePoint("Casablanca", 33.57, -7.59, "town")
    unplaced = PlacePoint("a village", None, None, "town")
    block = [
        mention("a", "quake-a1", "earthquake", "earthquake", type_family="DISASTER", date_start="2023-09-08", place=marrakesh),
        mention("b", "quake-a2", "earthquake", "earthquake", type_family="DISASTER", date_start="2023-09-01", date_end="2023-09-30"),
        mention("c", "quake-a1", "killing", "kill", type_family="ASSAULT", date_start="2023-09-08", place=marrakesh),
        mention("d", "quake-a3", "quake", "quake", date_start="2023-09-22", place=casablanca),
        mention("e", "quake-b1", "earthquake", "earthquake", place=morocco),
        mention("f", "quake-b1", "killing", "kill", date_start="2023-09-09", place=unplaced),
        mention("g", "quake-a2", "earthquake", "earthquake", date_start="not a day"),
        mention("h", "quake-a3", "quake", "quake", type_family="DISASTER", date_start="2023-09-10", place=casablanca),
    ]
    matrix = incompatible_matrix(block)
    expected = [[i != j and incompatible(a, b) for j, b in enumerate(block)] for i, a in enumerate(block)]
    assert matrix.tolist() == expected
    assert matrix[0][2] and matrix[0][7] and not matrix[0][1]  # family; 220 km between towns; a month holds the 8th


def test_average_link_does_not_chain_through_a_middle_item():
    # A is like B, B is like C, A is nothing like C: single link would give {A, B, C}.
    similarity = np.array([[1.0, 0.9, 0.0],
                           [0.9, 1.0, 0.8],
                           [0.0, 0.8, 1.0]])
    assert average_link(similarity, 0.6) == [[0, 1], [2]]


def test_a_cannot_link_pair_is_never_merged_however_similar():
    similarity = np.array([[1.0, 0.9], [0.9, 1.0]])
    assert average_link(similarity, 0.5, np.array([[False, True], [True, False]])) == [[0], [1]]


def test_head_key_takes_off_what_a_mis_tagged_lemma_kept():
    assert head_key("dies") == "die"
    assert head_key("checks") == "check"
    assert head_key("shooting") == "shoot"
    assert head_key("playoffs") == "playoff"
    assert head_key("bus") == "bus"
    assert head_key("address") == "address"


def _average_link_by_scanning(similarity, threshold, cannot_link):
    """The plain statement of average link with cannot-links: merge the two clusters of highest
    mean similarity while it reaches the threshold and no pair across them is forbidden."""
    clusters = [[i] for i in range(similarity.shape[0])]
    while True:
        best, pair = None, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                if any(cannot_link[i, j] for i in clusters[a] for j in clusters[b]):
                    continue
                mean = sum(similarity[i, j] for i in clusters[a] for j in clusters[b]) / (
                    len(clusters[a]) * len(clusters[b]))
                if mean >= threshold and (best is None or mean > best):
                    best, pair = mean, (a, b)
        if pair is None:
            return sorted(sorted(c) for c in clusters)
        a, b = pair
        clusters[a] += clusters.pop(b)


def test_average_link_merges_as_the_plain_definition_does_on_random_matrices():
    import numpy as np

    from dateline.fuse.clustering import average_link

    rng = np.random.default_rng(7)
    for _ in range(60):
        size = int(rng.integers(1, 14))
        similarity = rng.random((size, size))
        similarity = (similarity + similarity.T) / 2
        cannot = rng.random((size, size)) < 0.15
        cannot = cannot | cannot.T
        np.fill_diagonal(cannot, False)
        threshold = float(rng.uniform(0.3, 0.7))
        assert sorted(average_link(similarity, threshold, cannot)) == _average_link_by_scanning(
            similarity, threshold, cannot)


def test_shared_items_and_jaccard_count_each_pair_of_sets():
    from dateline.fuse.coreference import _set_overlap

    # police and the mayor in two reports, the mayor alone in a third, nothing named in a fourth
    sets = [{"police", "mayor"}, {"mayor", "police", "army"}, {"mayor"}, set()]
    jaccard, shared = _set_overlap(sets)
    for i, first in enumerate(sets):
        for j, second in enumerate(sets):
            assert shared[i, j] == len(first & second)
            union = len(first | second)
            assert jaccard[i, j] == (len(first & second) / union if union else 0.0)
    assert shared[0, 1] == 2 and jaccard[0, 1] == 2 / 3  # police and mayor of three names
    assert shared[3, 3] == 0 and jaccard[3, 3] == 0  # an empty set shares nothing, even with itself
    empty_jaccard, empty_shared = _set_overlap([set(), set()])
    assert not empty_jaccard.any() and not empty_shared.any()
