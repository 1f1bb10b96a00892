"""What the contextual-embedding setting of fusion costs (``FuseConfig.embeddings``).

``python -m dateline.bench.fusion_embeddings --shared DIR [--copies 1 4]``: the events of LGL's
first 100 articles as ``dateline.bench.fusion`` builds them (read once, outside the clock;
replicated ``copies`` times, dates moved), fused in memory by ``plan_fusion`` without and with
the embeddings; for each run the CPU seconds of the whole step, the events that share a block
with another (the only ones embedded), the distinct sentences the encoder ran on, and the CPU
seconds spent in it. The encoder's load (import of torch and the model) is timed once apart.

Copies repeat the same sentences, and the encoder runs once per distinct sentence of a
component, so copied corpora understate what new text costs: read the cost per embedded event
from the single copy. Not part of ``make bench`` (an hour on a busy machine for 1,600 articles).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def run(shared: Path, copies: tuple[int, ...] = (1, 4)) -> dict:
    import dateline.fuse.coreference as coreference
    from dateline.bench.corpora import lgl_articles
    from dateline.bench.fusion import BASE_ARTICLES, replicate
    from dateline.fuse.config import EventFusionConfig, FuseConfig
    from dateline.fuse.embeddings import encoder
    from dateline.fuse.events import lend_sentence_places, plan_fusion
    from dateline.pipeline import read_corpus

    articles = {a.id: a for a in lgl_articles(shared, BASE_ARTICLES)}
    records = [r for r in read_corpus(list(articles.values())).records if r.article_id in articles]
    started = time.process_time()
    encoder(1)
    result: dict = {"encoder_load_cpu_s": round(time.process_time() - started, 2), "runs": []}
    embedded = {"events": 0, "sentences": 0, "cpu_s": 0.0}
    vectors_of = coreference.mention_vectors

    def counted(mentions, threads=1):  # the encoder's share of the step, and what it ran on
        begun = time.process_time()
        vectors = vectors_of(mentions, threads)
        embedded["cpu_s"] += time.process_time() - begun
        embedded["events"] += len(mentions)
        embedded["sentences"] += len({m.sentence for m in mentions})
        return vectors

    coreference.mention_vectors = counted
    try:
        for copy_count in copies:
            events, _, _ = replicate(records, articles, copy_count)
            events = lend_sentence_places(events)
            for embeddings in (False, True):
                embedded.update(events=0, sentences=0, cpu_s=0.0)
                begun = time.process_time()
                plan = plan_fusion(events, None, EventFusionConfig(core=FuseConfig(embeddings=embeddings)))
                result["runs"].append({
                    "articles": copy_count * len(records), "events": len(events), "embeddings": embeddings,
                    "fusion_cpu_s": round(time.process_time() - begun, 2), "clusters": len(plan.clusters),
                    "embedded_events": embedded["events"], "embedded_sentences": embedded["sentences"],
                    "encoder_cpu_s": round(embedded["cpu_s"], 2)})
    finally:
        coreference.mention_vectors = vectors_of
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared/ folder (LGL under eval/)")
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 4])
    args = parser.parse_args()
    print(json.dumps(run(args.shared, tuple(args.copies)), indent=1))


if __name__ == "__main__":
    main()
