"""Fusion: cross-article event coreference (which mentions in which reports are one event)."""

from dateline.fuse.config import FuseConfig
from dateline.fuse.coreference import cluster_documents, cluster_event_mentions, incompatible
from dateline.fuse.records import EventMention, PlacePoint

__all__ = ["EventMention", "FuseConfig", "PlacePoint", "cluster_documents", "cluster_event_mentions", "incompatible"]
