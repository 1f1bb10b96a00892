"""Who is who: actor mentions, within-article coreference, canonical entities across articles,
kinds and people's roles with dates.

    resolver = EntityResolver()                 # or EntityResolver(Path("my-entities.yaml"), known=...)
    mentions = resolver.add_article(article, doc)
    for entity in resolver.entities(): ...
"""

from dateline.entities.lexicon import KINDS, default_lexicon
from dateline.entities.resolver import EntityResolver
from dateline.entities.user_file import EntitiesFileError, read_user_entities

__all__ = ["EntityResolver", "EntitiesFileError", "KINDS", "default_lexicon", "read_user_entities"]
