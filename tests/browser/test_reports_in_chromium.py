"""The rendered reports in a real browser: charts drawn, nothing fetched, hostile text inert, no errors.

Headless Chromium from Debian (`make test` installs it when missing, through
tests/browser/ensure-chromium.sh), driven by Playwright's Python package with
``executable_path``; SOURCEBOOK_CHROMIUM overrides the browser path.
"""

from __future__ import annotations

import os
import shutil

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
# What a drawn chart holds: scatter points, bar rectangles, heatmap images, lines.
MARKS_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => ({
    title: (plot.querySelector('.gtitle') || {}).textContent || '',
    svg: plot.querySelectorAll('svg.main-svg').length,
    marks: plot.querySelectorAll('.scatterlayer .point, .barlayer .point path, .heatmaplayer image, .scatterlayer .js-line').length,
    empty: plot.querySelectorAll('.annotation').length > 0 && plot.querySelectorAll('.scatterlayer .trace, .barlayer .trace, .heatmaplayer image').length === 0,
}))
"""


def chromium_path() -> str:
    path = os.environ.get("SOURCEBOOK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail(
            "The browser test needs Chromium: `make test` installs Debian's chromium package when it can "
            "(root or sudo, apt-get); otherwise install it or set SOURCEBOOK_CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e .[dev] installs playwright")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        yield instance
        instance.close()


def open_offline(browser, path):
    """Open a report from disk with every network request blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    record = {"requests": [], "errors": [], "dialogs": []}

    def route(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            record["requests"].append(url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda message: record["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("dialog", lambda dialog: (record["dialogs"].append(dialog.message), dialog.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(800)
    return context, page, record


# The source profile (05) is about one source and draws one chart; every other report draws at least three.
FEWEST_CHARTS = {"05-source-profile.html": 1}


def test_every_report_draws_its_charts_offline(browser, rendered):
    reports = sorted(rendered.glob("[0-9]*.html"))
    assert len(reports) >= 5
    for report in reports:
        fewest = FEWEST_CHARTS.get(report.name, 3)
        context, page, record = open_offline(browser, report)
        plots = page.evaluate(MARKS_JS)
        assert len(plots) >= fewest, f"{report.name}: expected charts, found {len(plots)}"
        for plot in plots:
            assert plot["svg"] >= 1, f"{report.name}: chart '{plot['title']}' has no SVG"
            assert plot["marks"] > 0 or plot["empty"], f"{report.name}: chart '{plot['title']}' drew no data marks"
        assert sum(plot["marks"] > 0 for plot in plots) >= fewest, report.name
        assert record["requests"] == [], f"{report.name} tried to reach {record['requests']}"
        assert record["errors"] == [], f"{report.name} console errors: {record['errors']}"
        assert record["dialogs"] == [], f"{report.name}: a script from article text ran"
        assert "from helpers import" not in page.inner_text("body")
        context.close()


def test_a_hostile_web_page_is_an_article_whose_markup_is_text_and_runs_nothing(browser, rendered):
    """The saved page's scripts, onerror/onload/onmouseover handlers and javascript: links are not in any report;
    the '<script>alert(1)</script>' its text talks about is shown literally."""
    for report in sorted(rendered.glob("[0-9]*.html")):
        html = report.read_text(encoding="utf-8")
        assert "alert(2)" not in html and "alert(3)" not in html and "alert(4)" not in html, report.name
        assert "evil.example" not in html, report.name
    context, page, record = open_offline(browser, rendered / "01-corpus-overview.html")
    body = page.inner_text("body")  # the table of every article (small enough to show whole)
    assert "Researchers find <script>alert(1)</script> flaw in city payments portal" in body
    assert "Civic Byte" in body
    assert record["dialogs"] == [] and record["errors"] == [] and record["requests"] == []
    context.close()


def test_hostile_article_text_shows_as_text_and_runs_nothing(browser, rendered):
    context, page, record = open_offline(browser, rendered / "03-sourcing-over-time.html")
    page.fill(".sourcebook-evidence input[type=search]", "alert")  # the searchable evidence table
    page.wait_for_timeout(300)
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert record["dialogs"] == [] and record["errors"] == []
    context.close()


def test_hover_labels_show_article_titles_as_text(browser, rendered):
    """The hostile article's title (which holds <script>) appears in the timeline's hover label as text."""
    context, page, record = open_offline(browser, rendered / "01-corpus-overview.html")
    timeline = page.query_selector_all(".js-plotly-plot")[0]
    timeline.scroll_into_view_if_needed()
    labels = []
    for point in timeline.query_selector_all(".barlayer .point path"):
        point.hover(timeout=3000, force=True)
        page.wait_for_timeout(150)
        labels.append(" ".join(page.eval_on_selector_all(".hoverlayer .hovertext", "nodes => nodes.map(n => n.textContent)")))
    assert any("<script>alert(1)</script>" in label for label in labels), labels
    assert record["dialogs"] == [] and record["errors"] == []
    context.close()


EVIDENCE_JS = """
(table) => {
  const evidence = table ? document.querySelector(`.sourcebook-evidence[data-table="${table}"]`)
                         : document.querySelector('.sourcebook-evidence');
  const info = evidence.querySelector('.dt-info').textContent;
  const match = /of ([\\d,]+) entr/.exec(info);
  const status = evidence.querySelector('.evidence-status');
  return {held: match ? Number(match[1].replace(/,/g, '')) : null, status: status.textContent,
          count: status.dataset.count, keys: status.dataset.keys, total: Number(evidence.dataset.total)};
}
"""


def _click_and_read(page, element, position=None, table=None):
    element.click(force=True, position=position)
    page.wait_for_timeout(400)
    return page.evaluate(EVIDENCE_JS, table)


def test_each_claims_chart_leads_to_its_own_table(browser, rendered):
    """Notebook 04 has two evidence tables: a claims bar filters the claims ledger, a certainty point the
    sentences, each to exactly the rows the mark counts."""
    context, page, record = open_offline(browser, rendered / "04-claims-and-rumours.html")
    plots = page.query_selector_all(".js-plotly-plot")
    checked = {}
    for plot, kind, table in ((plots[0], ".scatterlayer .point", "04-uncertain-sentences"),
                              (plots[1], ".barlayer .point path", "04-claims")):
        plot.scroll_into_view_if_needed()
        for mark in plot.query_selector_all(kind):
            state = _click_and_read(page, mark, table=table)
            if state["count"] and int(state["count"]) > 0:
                checked[table] = state
                break
    assert set(checked) == {"04-uncertain-sentences", "04-claims"}, checked
    for table, state in checked.items():
        assert state["held"] == int(state["count"]) < state["total"] or state["held"] == int(state["count"]) == state["total"]
        assert "c:" in state["keys"] and f"showing the {state['held']} rows behind" in state["status"], state
    assert record["errors"] == [] and record["requests"] == []
    context.close()


def test_a_click_on_a_bar_a_point_or_a_cell_shows_exactly_the_rows_behind_it(browser, rendered):
    """From a chart mark to its evidence, offline: the evidence table holds the rows the mark counts, no more."""
    context, page, record = open_offline(browser, rendered / "03-sourcing-over-time.html")
    before = page.evaluate(EVIDENCE_JS)
    assert before["held"] == before["total"] > 0 and before["keys"] in (None, "")
    seen = {}
    for kind, selector in (("bar", ".barlayer .point path"), ("point", ".scatterlayer .point")):
        marks = page.query_selector_all(selector)
        assert marks, kind
        for mark in marks:  # the first mark that counts something
            state = _click_and_read(page, mark)
            if state["count"] and int(state["count"]) > 0:
                seen[kind] = state
                break
    heat = page.query_selector(".heatmaplayer image")
    box = heat.bounding_box()
    for fx in (0.06, 0.2, 0.35, 0.5, 0.65, 0.8, 0.94):  # a cell that counts something
        state = _click_and_read(page, heat, {"x": box["width"] * fx, "y": 5})
        if state["count"] and int(state["count"]) > 0:
            seen["heat-map cell"] = state
            break
    assert set(seen) == {"bar", "point", "heat-map cell"}, seen
    for kind, state in seen.items():
        assert state["held"] == int(state["count"]), (kind, state)  # exactly the rows it counts
        assert state["held"] < state["total"] and f"showing the {state['held']} rows behind" in state["status"], state
        assert "t:" in state["keys"], state
    page.click(".evidence-show-all")
    page.wait_for_timeout(300)
    assert page.evaluate(EVIDENCE_JS)["held"] == before["total"]
    assert record["errors"] == [] and record["requests"] == []
    context.close()


def test_index_opens_offline_and_links_every_report(browser, rendered):
    context, page, record = open_offline(browser, rendered / "index.html")
    links = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    for report in rendered.glob("[0-9]*.html"):
        assert report.name in links
    assert "All reports rendered." in page.inner_text("body")
    assert record["requests"] == [] and record["errors"] == []
    context.close()


# Where each chart is on the page, and whether its SVG holds data marks (as MARKS_JS counts them).
CHART_BOXES_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => {
    const box = plot.getBoundingClientRect();
    return {title: (plot.querySelector('.gtitle') || {}).textContent || '',
            x: Math.round(box.left + window.scrollX), y: Math.round(box.top + window.scrollY),
            width: Math.round(box.width), height: Math.round(box.height),
            marks: plot.querySelectorAll('.scatterlayer .point, .barlayer .point path, .heatmaplayer image, .scatterlayer .js-line').length};
})
"""
# The data layers of every chart; hidden, a chart shows its axes, titles and legend only.
DATA_LAYERS = ".scatterlayer, .barlayer, .heatmaplayer, .imagelayer, .gl-container {visibility: hidden !important}"
# Decodes two PNG screenshots in the page and compares them: the whole page against a blank one, and each box.
COMPARE_JS = """
async ({shown, hidden, boxes}) => {
    const pixels = async (png) => {
        const image = new Image();
        image.src = 'data:image/png;base64,' + png;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return {width: image.width, height: image.height, data: context.getImageData(0, 0, image.width, image.height).data};
    };
    const a = await pixels(shown), b = await pixels(hidden);
    const colours = new Set();
    let ink = 0;
    for (let i = 0; i < a.data.length; i += 4) {
        colours.add((a.data[i] << 16) | (a.data[i + 1] << 8) | a.data[i + 2]);
        if (a.data[i] + a.data[i + 1] + a.data[i + 2] < 600) ink++;
    }
    const changed = (box) => {
        let count = 0;
        for (let y = box.y; y < Math.min(box.y + box.height, a.height); y++)
            for (let x = box.x; x < Math.min(box.x + box.width, a.width); x++) {
                const i = 4 * (y * a.width + x);
                if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count++;
            }
        return count;
    };
    return {width: a.width, height: a.height, page: document.documentElement.scrollHeight,
            colours: colours.size, ink: ink / (a.width * a.height), changed: boxes.map(changed)};
}
"""


def test_screenshots_for_review_show_the_page_and_every_chart_s_data(browser, rendered, tmp_path_factory):
    """Screenshots of every report (kept under the pytest temp folder) so a person can look at them, and what
    they show: the whole page, not a blank one, and in each chart whose SVG holds marks, pixels that change
    when its data layers are hidden (the marks are painted, not only in the DOM)."""
    import base64

    folder = tmp_path_factory.mktemp("screenshots")
    for report in sorted(rendered.glob("*.html")):
        context, page, record = open_offline(browser, report)
        target = folder / f"{report.stem}.png"
        shown = page.screenshot(path=str(target), full_page=True)
        boxes = page.evaluate(CHART_BOXES_JS)
        page.add_style_tag(content=DATA_LAYERS)
        page.wait_for_timeout(100)
        hidden = page.screenshot(full_page=True)
        seen = page.evaluate(COMPARE_JS, {"shown": base64.b64encode(shown).decode(),
                                          "hidden": base64.b64encode(hidden).decode(), "boxes": boxes})
        assert seen["width"] == 1280 and seen["height"] == seen["page"], (report.name, seen["height"], seen["page"])
        assert seen["colours"] >= 50 and seen["ink"] >= 0.01, f"{report.name}: the screenshot is blank ({seen['colours']} colours)"
        drawn = [(box["title"], changed) for box, changed in zip(boxes, seen["changed"]) if box["marks"] > 0]
        assert len(drawn) >= (0 if report.name == "index.html" else FEWEST_CHARTS.get(report.name, 3)), report.name
        for title, changed in drawn:
            assert changed >= 20, f"{report.name}: chart '{title}' has marks in its SVG but none painted ({changed} pixels)"
        assert record["errors"] == [] and record["requests"] == []
        context.close()
