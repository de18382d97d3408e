"""/plans/budget in a real browser with JavaScript on (issue 14): the two
grouped bar charts (budget vs actual spend by support category and by
region) are drawn by static/charts.js from their tables, every bar is the
table's number, the usage column is actual / budget, and the page fits a
desktop and a phone width without sideways scrolling. Screenshots go to
tests/browser/screenshots/plans-budget-*.png."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import Browser, screenshot, sign_in, viewport
from lib import BASE, check

# Each table's labels, the chart's labels and data sets, the canvas size.
READ = """
var out = {};
["by-category", "by-region"].forEach(function (id) {
  var t = document.getElementById(id);
  var pair = t.closest(".chart-pair");
  var canvas = pair && pair.querySelector(".chart-box canvas");
  var chart = canvas && window.Chart && window.Chart.getChart(canvas);
  var head = Array.prototype.map.call(t.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
  var rows = Array.prototype.map.call(t.tBodies[0].rows, function (r) {
    return Array.prototype.map.call(r.cells, function (c) { return c.textContent.trim(); });
  });
  out[id] = {
    head: head, rows: rows, canvas: !!canvas,
    width: canvas ? canvas.getBoundingClientRect().width : 0,
    height: canvas ? canvas.getBoundingClientRect().height : 0,
    chart: !!chart, type: chart ? chart.config.type : null,
    labels: chart ? chart.data.labels : null,
    sets: chart ? chart.data.datasets.map(function (d) { return { label: d.label, data: d.data }; }) : null
  };
});
return out;
"""


def _money(text):
    return float(text.replace("¥", "").replace(",", ""))


def _check_chart(id_, c, width):
    what = "%s at %dpx" % (id_, width)
    check(c["canvas"] and c["chart"], "%s: no chart drawn (canvas %s, Chart instance %s)"
          % (what, c["canvas"], c["chart"]))
    check(c["width"] > 150 and c["height"] > 150, "%s: chart of %dx%d" % (what, c["width"], c["height"]))
    check(c["width"] <= width, "%s: chart wider than the window (%d)" % (what, c["width"]))
    check(c["type"] == "bar" and len(c["sets"]) == 2, "%s: a grouped bar chart of two sets: %s %s"
          % (what, c["type"], c["sets"]))
    head = c["head"]
    bcol, acol, ucol = head.index("预算"), head.index("实际支出"), head.index("预算使用率")
    check([s["label"] for s in c["sets"]] == ["预算", "实际支出"], "%s: series %s" % (what, c["sets"]))
    check(c["labels"] == [r[0] for r in c["rows"]], "%s: chart labels %s, table %s"
          % (what, c["labels"], [r[0] for r in c["rows"]]))
    budget = [_money(r[bcol]) for r in c["rows"]]
    actual = [_money(r[acol]) for r in c["rows"]]
    check(c["sets"][0]["data"] == budget, "%s: chart budgets %s, table %s" % (what, c["sets"][0]["data"], budget))
    check(c["sets"][1]["data"] == actual, "%s: chart actuals %s, table %s" % (what, c["sets"][1]["data"], actual))
    check(any(b > 0 for b in budget), "%s: some budget to draw" % what)
    for r, b, a in zip(c["rows"], budget, actual):
        if b > 0:
            # as pct_text: tenths, halves away from zero
            want = "%.1f%%" % (int(a * 1000 / b + 0.5 + 1e-9) / 10)
            # the overspend tag follows the per cent in the same cell
            check(r[ucol].split()[0] == want, "%s %s: used %s, expected %s" % (what, r[0], r[ucol], want))
            check(("超支" in r[ucol]) == (a > b), "%s %s: overspend tag in %r" % (what, r[0], r[ucol]))
        else:
            check(r[ucol] == "—", "%s %s: used without a budget %r" % (what, r[0], r[ucol]))


def _budget(width, name):
    with Browser(width=max(width, 500), height=900) as d:
        viewport(d, width, 900)
        sign_in(d, "leader1")
        d.get(BASE + "/plans/budget")
        WebDriverWait(d, 15).until(
            lambda drv: len(drv.find_elements(By.CSS_SELECTOR, ".chart-box canvas")) == 2)
        # let Chart.js finish its layout (and animation) before measuring
        d.execute_script("return new Promise(function (ok) { setTimeout(ok, 1200); })")
        charts = d.execute_script(READ)
        for id_ in ("by-category", "by-region"):
            _check_chart(id_, charts[id_], width)
        check(len(charts["by-category"]["rows"]) == 5, "the five support categories")
        overflow = d.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        check(d.execute_script("return window.innerWidth") == width,
              "the viewport is %dpx wide" % width)
        check(not overflow, "the page scrolls sideways at %dpx" % width)
        # the whole page: a viewport as tall as it (the charts resize to it)
        height = d.execute_script("return document.documentElement.scrollHeight")
        viewport(d, width, int(height) + 40)
        d.execute_script("return new Promise(function (ok) { setTimeout(ok, 800); })")
        screenshot(d, name)


def test_budget_charts_desktop():
    _budget(1280, "plans-budget-1280.png")


def test_budget_charts_phone():
    _budget(390, "plans-budget-390.png")
