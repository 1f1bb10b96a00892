"""Serve the UI on 127.0.0.1 and drive it in a real headless Chromium (Debian's ``chromium``
and ``chromium-driver``, never a browser or driver downloaded by a tool): what the browser
tests, the screenshots and ``dateline.bench.web`` share.

    with serve_ui(store_url) as base_url, headless_chromium() as browser:
        browser.get(base_url + "/")
        wait_ready(browser)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
CHROMEDRIVER = ("chromedriver",)


class BrowserMissing(RuntimeError):
    """Chromium or its driver is not installed (``apt-get install chromium chromium-driver``)."""


def _which(names: tuple[str, ...], variable: str) -> str:
    given = os.environ.get(variable)
    if given:
        return given
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing(f"{names[0]} not found (apt-get install -y chromium chromium-driver, or set {variable})")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve_app(app) -> Iterator[str]:
    """Run an ASGI app with uvicorn in a thread on a free port of 127.0.0.1; yields its URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def ui_app(store_url: str | None = None, *, store=None, tile_url: str | None = None):
    """A bare FastAPI app holding only the UI's router: the pages need nothing else."""
    from fastapi import FastAPI

    from dateline.web import create_web_router

    app = FastAPI()
    app.include_router(create_web_router(store_url, store=store, tile_url=tile_url))
    return app


@contextlib.contextmanager
def serve_ui(store_url: str | None = None, *, store=None) -> Iterator[str]:
    with serve_app(ui_app(store_url, store=store)) as url:
        yield url


@contextlib.contextmanager
def headless_chromium(width: int = 1400, height: int = 1000):
    """A Selenium driver over the system's Chromium and chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never fetch a driver
    options = webdriver.ChromeOptions()
    options.binary_location = _which(CHROMIUM, "DATELINE_CHROMIUM")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--disable-background-networking",
                     f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_which(CHROMEDRIVER, "DATELINE_CHROMEDRIVER")))
    try:
        yield driver
    finally:
        driver.quit()


def wait_ready(driver, timeout: float = 15) -> None:
    """Until the page says its data is drawn (``data-ready`` on <html>, set by ready.js)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.getAttribute('data-ready') === '1'"))
