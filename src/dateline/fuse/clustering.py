"""Average-link agglomerative clustering with a cannot-link guard.

Single link (connected components over "similar enough" pairs) chains: report A of the Nepal
quake is like report B, B mentions the Chile quake in passing and is like C, so A and C end up
together. Average link merges two clusters only when their members are similar on average, and
the cannot-link matrix forbids any merge that would put an incompatible pair (two dates or two
places that cannot be one event) in one cluster, however similar the rest is.
"""

from __future__ import annotations

import numpy as np


def average_link(similarity: np.ndarray, threshold: float, cannot_link: np.ndarray | None = None) -> list[list[int]]:
    """Clusters (lists of row indices) of a symmetric similarity matrix.

    Merges the two clusters of highest mean pairwise similarity while that mean is at least
    ``threshold`` and no pair across them is marked in ``cannot_link``.

    SciPy's average linkage does the merging (the nearest-neighbour chain: quadratic time, where
    merging by scanning the whole matrix after each merge was cubic and made fusion grow faster
    than the corpus). A cannot-link pair is given a distance so large that the mean distance of any
    two clusters holding it stays above the cut, so such clusters are never merged, as before.
    Clusters come out in order of their lowest index, each sorted.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    size = similarity.shape[0]
    if size == 0:
        return []
    if size == 1:
        return [[0]]
    distance = 1.0 - np.clip(similarity.astype(float), -1.0, 1.0)  # in [0, 2]
    cut = 1.0 - threshold
    if cannot_link is not None:
        # one blocked pair among at most size*size pairs keeps the mean above 2 + cut
        distance[cannot_link] = (2.0 + abs(cut) + 1.0) * size * size
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2.0
    tree = linkage(squareform(distance, checks=False), method="average")
    # merges at a mean distance of at most the cut, i.e. a mean similarity of at least the threshold
    labels = fcluster(tree, t=cut, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])
