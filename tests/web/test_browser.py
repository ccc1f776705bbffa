"""The web UI in a real browser (headless Debian Chromium driven by Playwright) against a store
built from examples/ plus a hostile document. Screenshots go to test-artifacts/ui/.

Skips, saying why, when Chromium or the UI's vendored libraries are missing (``make test``
installs both).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from actorgraph import CodedDocument, Pipeline, make_document
from actorgraph.ingest import read_paths
from actorgraph.store import Store
from actorgraph.web import create_app
from tests.web.serving import serving

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "ui"
VENDOR = ROOT / "src" / "actorgraph" / "web" / "static" / "vendor"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# A document whose text tries every way in: it must show as text and run nothing.
HOSTILE = (
    "Iran condemned the Israeli strikes on Damascus.\n\n"
    "<script>window.__xss = 'script'</script> "
    "<img src=x onerror=\"window.__xss = 'img'\"> "
    "<a href=\"javascript:window.__xss = 'link'\">click here</a> "
    "<svg onload=\"window.__xss = 'svg'\"></svg>\n"
)

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (make test installs Debian's chromium)"),
    pytest.mark.skipif(not (VENDOR / "d3.min.js").exists(), reason="UI libraries missing (run make web)"),
]


@pytest.fixture(scope="module")
def server(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db = tmp_path_factory.mktemp("ui") / "ui.duckdb"
    coded = [c for c in pipeline.run(read_paths([str(ROOT / "examples")])) if isinstance(c, CodedDocument)]
    [hostile] = [c for c in pipeline.run([make_document("hostile.txt", HOSTILE, None)])
                 if isinstance(c, CodedDocument)]
    with Store(str(db)) as store:
        store.add_many([*coded, hostile])
    with serving(create_app(str(db), pipeline=pipeline)) as url:
        yield {"url": url, "hostile": hostile.document.doc_id, "db": db}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    page.wait_for_load_state("networkidle")  # the view's data has arrived and drawn
    page.wait_for_timeout(200)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def offline(page: Any, server: dict[str, Any]) -> None:
    """Every request went to the app itself, and the page logged no error."""
    assert all(u.startswith(server["url"]) or u.startswith("data:") for u in page.requests), page.requests
    assert page.errors == []


def test_the_network_renders_and_a_node_opens_its_actor_page(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/network")
    page.wait_for_selector("[data-testid=network] [data-testid=node]")
    nodes = page.locator("[data-testid=node]")
    assert nodes.count() >= 5
    page.wait_for_timeout(1500)  # let the layout settle for the picture
    shot(page, "network")
    code = nodes.first.get_attribute("data-code")
    nodes.first.click()
    page.wait_for_selector("[data-testid=actor-page]")
    page.wait_for_load_state("networkidle")
    assert code in page.locator("[data-testid=actor-page]").inner_text()
    assert f"#/actor/{code}" in page.url
    shot(page, "actor")
    offline(page, server)


def test_main_events_keep_one_row_per_sentence(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/events")
    page.wait_for_selector("[data-testid=event-row]")
    # (with an actor filter, so that both fit on one page of 50 rows)
    every = page.request.get(server["url"] + "/api/events?actor=RUS&limit=1000").json()["total"]
    main = page.request.get(server["url"] + "/api/events?actor=RUS&main=true&limit=1000").json()["total"]
    assert 0 < main < every <= 50
    page.fill("[data-testid=filter-actor]", "RUS")
    page.click("[data-testid=filter-apply]")
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=event-row]').length === {every}")
    page.select_option("[data-testid=filter-main]", "true")
    page.click("[data-testid=filter-apply]")
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=event-row]').length === {main}")
    assert "main=true" in page.url
    assert "main event of each sentence" in page.inner_text("body")
    offline(page, server)


def test_a_filter_narrows_the_event_table(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/events")
    page.wait_for_selector("[data-testid=event-row]")
    before = page.locator("[data-testid=event-row]").count()
    page.fill("[data-testid=filter-actor]", "IRN")
    page.click("[data-testid=filter-apply]")
    page.wait_for_function(
        "() => { const rows = [...document.querySelectorAll('[data-testid=event-row]')];"
        f" return rows.length > 0 && rows.length < {before}"
        " && rows.every(r => r.innerText.includes('IRN')); }",
        timeout=10_000,
    )
    rows = page.locator("[data-testid=event-row]")
    assert rows.count() >= 1
    for i in range(rows.count()):
        assert "IRN" in rows.nth(i).inner_text()
    shot(page, "events-filtered")
    rows.first.click()
    page.wait_for_selector("[data-testid=document-view]")
    offline(page, server)


def test_a_document_shows_its_highlights_and_an_event_panel(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/events")
    page.wait_for_selector("[data-testid=event-row]")
    page.locator("[data-testid=event-row]").first.click()
    view = page.wait_for_selector("[data-testid=document-view]")
    assert view is not None
    page.wait_for_selector("[data-testid=mention]")
    assert page.locator("[data-testid=mention]").count() >= 1
    triggers = page.locator("[data-testid=trigger]")
    assert triggers.count() >= 1
    assert page.locator("[data-testid^=block-]").count() >= 1
    triggers.first.click()
    panel = page.wait_for_selector("[data-testid=event-panel]")
    assert panel is not None
    text = page.locator("[data-testid=event-panel]").inner_text()
    assert "rule" in text.lower() and "confidence" in text.lower()
    shot(page, "document")
    offline(page, server)


def test_a_hostile_document_stays_inert(page: Any, server: dict[str, Any]) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server["url"] + f"/#/doc/{server['hostile']}")
    page.wait_for_selector("[data-testid=document-view]")
    page.wait_for_timeout(500)
    view = page.locator("[data-testid=document-view]")
    assert "<script>window.__xss" in view.inner_text()  # shown as text
    assert view.locator("script, img, svg[onload], a[href^='javascript']").count() == 0
    for link in view.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript")
    page.get_by_text("click here").first.click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    shot(page, "hostile-document")


def test_the_map_and_a_dyad_timeline_render(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/map")
    page.wait_for_selector("[data-testid=map] path")
    page.wait_for_selector("[data-testid=map-point]")
    assert page.locator("[data-testid=map] path").count() > 100  # the countries of the basemap
    shot(page, "map")
    page.goto(server["url"] + "/#/dyad/ISR/LBNREB")
    page.wait_for_selector("[data-testid=dyad-chart]")
    shot(page, "dyad")
    offline(page, server)


def test_pasting_a_document_codes_it_at_once(page: Any, server: dict[str, Any]) -> None:
    page.goto(server["url"] + "/#/code")
    page.fill("[data-testid=code-text]", "Russian jets bombed rebel positions near Idlib on Tuesday.")
    page.click("[data-testid=code-submit]")
    page.wait_for_selector("[data-testid=trigger]", timeout=30_000)
    assert "bombed" in page.locator("[data-testid=trigger]").first.inner_text()
    shot(page, "code")
    with Store(str(server["db"]), read_only=True) as store:  # coded, not stored
        assert not store.con.execute("SELECT 1 FROM documents WHERE name = 'pasted'").fetchall()
    offline(page, server)
