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
    ``threshold`` and no pair across them is marked in ``cannot_link``. Ties break on the lowest
    indices, so the result does not depend on anything but the matrix.
    """
    size = similarity.shape[0]
    if size == 0:
        return []
    total = similarity.astype(float).copy()
    counts = np.ones(size)
    blocked = np.zeros((size, size), dtype=bool) if cannot_link is None else cannot_link.copy()
    alive = np.ones(size, dtype=bool)
    members: list[list[int]] = [[index] for index in range(size)]
    while True:
        mean = total / np.outer(counts, counts)
        mean[blocked] = -np.inf
        mean[~alive, :] = -np.inf
        mean[:, ~alive] = -np.inf
        np.fill_diagonal(mean, -np.inf)
        best = int(np.argmax(mean))
        row, column = divmod(best, size)
        if mean[row, column] < threshold:
            break
        keep, gone = min(row, column), max(row, column)
        members[keep].extend(members[gone])
        members[gone] = []
        total[keep, :] += total[gone, :]
        total[:, keep] += total[:, gone]
        counts[keep] += counts[gone]
        blocked[keep, :] |= blocked[gone, :]
        blocked[:, keep] |= blocked[:, gone]
        alive[gone] = False
    return [sorted(group) for group in members if group]
