"""The web UI: a story view (timeline, map, filters, events), event pages with every field's
evidence highlighted in the article, entity pages, claims side by side and article search.

    from dateline.web import create_web_router
    app.include_router(create_web_router("crisis.db"))
"""

from dateline.web.pages import create_web_router

__all__ = ["create_web_router"]
