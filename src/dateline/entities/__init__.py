"""Who is who: actor mentions, within-article coreference, canonical entities across articles,
kinds and people's roles with dates.

    reader = ArticleEntityReader()              # map: one article alone
    mentions, article_entities = reader.read(article, doc, places)
    resolver = EntityResolver(reader=reader)    # reduce: a corpus's article entities, any order
    links = resolver.resolve(all_article_entities)   # article entity key -> canonical id
    for entity in resolver.entities(): ...
"""

from dateline.entities.lexicon import KINDS, default_lexicon
from dateline.entities.resolver import ArticleEntityReader, EntityResolver, resolution_order
from dateline.entities.user_file import EntitiesFileError, read_user_entities

__all__ = ["ArticleEntityReader", "EntityResolver", "resolution_order", "EntitiesFileError", "KINDS", "default_lexicon", "read_user_entities"]
