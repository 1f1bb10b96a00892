"""The web UI's pages, as one FastAPI router over one store: server-rendered HTML (Jinja2,
autoescaped), the data the scripts draw given in ``<script type="application/json">`` blocks,
and the static files (our scripts and styles, and the vendored libraries) under ``/ui/static``.

The pages need nothing but the store: they work in any app that includes the router, with or
without the JSON API beside them.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dateline.model import Article, Claim, Event
from dateline.store import FilterError, Store, open_store
from dateline.web.evidence import FIELDS, context_pieces, cut, event_highlights, snippet_pieces
from dateline.web.story import MODALITIES, StoryQuery, read_story

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STATIC_PREFIX = "/ui/static"
SEARCH_LIMIT = 50
ENTITY_EVENTS = 500  # events listed on an entity page

templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                        trim_blocks=True, lstrip_blocks=True)


def figure(value: float) -> str:
    """A count as a reader writes it: 1,000,000 not 1e+06; 2.5 stays 2.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


templates.filters["figure"] = figure


def content_security_policy(tile_url: str | None) -> str:
    """Scripts only from our own files (no inline script, no eval); images from ourselves, and
    from the tile server when one is configured."""
    images = "'self' data:"
    if tile_url:
        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tile_url else parts.netloc
        images += f" {parts.scheme}://{host}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


def safe_url(url: str | None) -> str | None:
    """An article's own URL, as a link only when it is http(s) (never ``javascript:``)."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def claim_groups(claims: list[Claim], articles: dict[str, Article]) -> list[dict]:
    """Claims about the same thing (same words for what is counted, same unit), side by side;
    a group whose sources give different figures is a contradiction and comes first."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.about.strip().lower(), claim.unit.strip().lower()), []).append(claim)
    found = []
    for (about, unit), members in groups.items():
        # the earliest report first, so a reader sees how the figure moved
        members.sort(key=lambda c: (articles[c.article_id].published is None if c.article_id in articles else True,
                                    articles[c.article_id].published or 0 if c.article_id in articles else 0,
                                    c.article_id, c.span.start))
        values = {(c.qualifier or "", c.value) for c in members}
        sources = {c.by.strip().lower() for c in members}
        found.append({
            "about": members[0].about, "unit": members[0].unit,
            "conflict": len({c.value for c in members}) > 1 and len(sources) > 1,
            "claims": [{"claim": c, "article": articles.get(c.article_id),
                        "context": context_pieces(articles[c.article_id].text, c.span, "quantity")
                        if c.article_id in articles else []} for c in members],
            "figures": len(values),
        })
    found.sort(key=lambda g: (not g["conflict"], -len(g["claims"]), g["about"].lower()))
    return found


def create_web_router(store_url: str | None = None, *, store: Store | None = None, tile_url: str | None = None,
                      report_url: str | None = None) -> APIRouter:
    """The UI's router: include it in an app with ``app.include_router(create_web_router(url))``.
    ``tile_url`` (``https://{s}.tile.example.org/{z}/{x}/{y}.png``) puts map tiles under the
    bundled world outline; ``report_url`` is where the situation report page lives, once there
    is one."""
    router = APIRouter(include_in_schema=False)
    for name in templates.list_templates():  # compiled now, not on a reader's first visit
        templates.get_template(name)
    policy = content_security_policy(tile_url)
    opened: list[Store] = [store] if store is not None else []
    lock = threading.Lock()

    def the_store() -> Store:
        if not opened:
            with lock:
                if not opened:
                    opened.append(open_store(store_url, write=False))
        return opened[0]

    def page(template: str, status: int = 200, **context) -> HTMLResponse:
        html = templates.get_template(template).render(
            static=STATIC_PREFIX, fields=FIELDS, report_url=report_url,
            ui_config={"tileUrl": tile_url, "static": STATIC_PREFIX}, **context)
        return HTMLResponse(html, status_code=status, headers={
            "Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin", "Cache-Control": "no-store",
        })

    def not_found(what: str) -> HTMLResponse:
        return page("error.html", status=404, title="Not found", message=what)

    @router.get("/", response_class=HTMLResponse)
    def story_view(request: Request):
        query = StoryQuery.from_params(request.query_params)
        story = read_story(the_store(), query)
        return page("story.html", status=400 if story.error else 200, title="Story", story=story,
                    modalities=MODALITIES, nav="story")

    @router.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(event_id: str):
        store = the_store()
        event = store.event(event_id)
        if event is None:
            return not_found(f"No event {event_id} in this store.")
        article = store.get_article(event.article_id)
        pieces = cut(article.text, event_highlights(event), sentence=event.sentence) if article else []
        entities = {}
        for entity_id in {a.entity_id for a in (event.source_actor, event.target_actor, *event.other_actors)
                          if a is not None and a.entity_id} | (
                {event.attribution.entity_id} if event.attribution and event.attribution.entity_id else set()):
            entities[entity_id] = store.entity(entity_id)
        siblings = [e for e in store.events(article_id=event.article_id, limit=500) if e.id != event.id]
        return page("event.html", title=f"{event.type}: {event.trigger.text}", event=event, article=article,
                    article_url=safe_url(article.url) if article else None, pieces=pieces, entities=entities,
                    siblings=siblings, claims=store.claims(event_id=event.id), nav="story")

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str):
        store = the_store()
        article = store.get_article(article_id)
        if article is None:
            return not_found(f"No article {article_id} in this store.")
        events = store.events(article_id=article.id, limit=2000)
        links = {(e.trigger.start, e.trigger.end): e.id for e in events}
        pieces = cut(article.text, [], links=links)
        return page("article.html", title=article.title or "Article", article=article,
                    article_url=safe_url(article.url), pieces=pieces, events=events,
                    claims=store.claims(article_id=article.id), nav="search")

    @router.get("/entities", response_class=HTMLResponse)
    def entities_page(request: Request):
        name = request.query_params.get("name", "").strip()[:200] or None
        kind = request.query_params.get("kind", "").strip()[:40] or None
        found = the_store().entities(name=name, kind=kind, limit=200)
        return page("entities.html", title="Entities", found=found, name=name or "", kind=kind or "",
                    nav="entities")

    @router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity_page(entity_id: str):
        store = the_store()
        entity = store.entity(entity_id)
        if entity is None:
            return not_found(f"No entity {entity_id} in this store.")

        def involves(event: Event) -> bool:
            actors = (event.source_actor, event.target_actor, *event.other_actors)
            return (any(a is not None and a.entity_id == entity.id for a in actors)
                    or (event.attribution is not None and event.attribution.entity_id == entity.id))

        events = [e for e in store.events(actor=entity.id, limit=ENTITY_EVENTS) if involves(e)]
        articles = store.get_articles(role.article_id for role in entity.roles if role.article_id)
        return page("entity.html", title=entity.name, entity=entity, events=events, articles=articles,
                    nav="entities")

    @router.get("/claims", response_class=HTMLResponse)
    def claims_page():
        store = the_store()
        claims = store.claims(limit=5000)
        articles = store.get_articles(c.article_id for c in claims)
        return page("claims.html", title="Claims", groups=claim_groups(claims, articles), nav="claims")

    @router.get("/report", response_class=HTMLResponse)
    def report_page(request: Request):
        """The situation report (``Store.report``), its Markdown shown as HTML: raw HTML in it
        (article text quoted in the report) is escaped, never rendered."""
        from datetime import date

        from markdown_it import MarkdownIt
        from markupsafe import Markup

        params = request.query_params
        try:
            since = date.fromisoformat(params["since"]) if params.get("since") else None
            until = date.fromisoformat(params["until"]) if params.get("until") else None
            dates = min(max(int(params.get("dates") or 10), 1), 50)
            markdown = the_store().report(since=since, until=until, dates=dates)
        except (ValueError, FilterError) as error:
            return page("error.html", status=400, title="Report", message=str(error))
        body = Markup(MarkdownIt("commonmark", {"html": False}).render(markdown))
        return page("report.html", title="Situation report", body=body, since=since, until=until, dates=dates,
                    nav="report")

    @router.get("/search", response_class=HTMLResponse)
    def search_page(request: Request):
        words = request.query_params.get("q", "").strip()[:500]
        try:
            hits = the_store().search(words, limit=SEARCH_LIMIT) if words else []
        except FilterError as error:
            return page("error.html", status=400, title="Search", message=str(error))
        return page("search.html", title="Search", q=words, nav="search",
                    hits=[{"hit": h, "pieces": snippet_pieces(h.snippet)} for h in hits])

    @router.get(STATIC_PREFIX + "/{path:path}")
    def static_file(path: str):
        wanted = (STATIC / path).resolve()
        if not wanted.is_relative_to(STATIC) or not wanted.is_file():
            raise HTTPException(status_code=404)
        return FileResponse(wanted, headers={"Cache-Control": "public, max-age=3600",
                                             "X-Content-Type-Options": "nosniff"})

    return router
