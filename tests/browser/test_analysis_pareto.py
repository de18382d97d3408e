"""The analysis overview in a real browser: a manager opens /analysis, the
Pareto chart is drawn (bars and the cumulative line from the table),
clicks the A list (重点) and lands on the customer list filtered to class
A; the report page at both widths. Screenshots at 1280 and 390 px in
tests/browser/screenshots/; on the phone nothing scrolls sideways and the
report's name column stays put."""
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from analysis_fixture import report_cells, standing_run
from browser import Browser, click_and_wait, filter_by, screenshot, sign_in, viewport
from lib import BASE, check


def _no_sideways(d, what):
    w = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(w[0] <= w[1], "%s scrolls sideways: %s" % (what, w))


def _full_shot(d, width, name):
    height = d.execute_script("return document.documentElement.scrollHeight")
    viewport(d, width, min(height + 20, 4000))
    d.execute_script("window.scrollTo(0, 0)")
    screenshot(d, name)


def _pareto_drawn(d):
    WebDriverWait(d, 15).until(
        lambda drv: drv.find_elements(By.CSS_SELECTOR, "#pareto .chart-box canvas"))
    canvas = d.find_element(By.CSS_SELECTOR, "#pareto .chart-box canvas")
    check(canvas.size["width"] > 150 and canvas.size["height"] > 150,
          "the Pareto chart's size %s" % canvas.size)
    kinds = d.execute_script(
        "var c = Chart.getChart(arguments[0]);"
        " return c.data.datasets.map(function (s) { return s.type + ':' + s.data.length; });",
        canvas)
    rows = len(d.find_elements(By.CSS_SELECTOR, "#t-pareto tbody tr"))
    check(kinds == ["bar:%d" % rows, "line:%d" % (rows + 1)],
          "bars and the cumulative line over %d buckets: %s" % (rows, kinds))


def test_manager_opens_pareto_and_the_a_list():
    as_of, cleanup = standing_run()
    try:
        for width, user in ((1280, "leader1"), (390, "rm_central")):
            with Browser(width=1280, height=900) as d:
                viewport(d, width, 900)
                sign_in(d, user)
                d.get(BASE + "/analysis")
                _pareto_drawn(d)
                _no_sideways(d, "/analysis at %d" % width)
                _full_shot(d, width, "analysis-pareto-%d.png" % width)
                viewport(d, width, 900)
                link = d.find_element(By.ID, "class-A")
                click_and_wait(d, link)
                q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(d.current_url).query))
                check(urllib.parse.urlsplit(d.current_url).path == "/customers"
                      and q.get("class") == "A", "the A list: %s" % d.current_url)
                chosen = d.execute_script(
                    "var s = document.querySelector('select[name=class]');"
                    " return s ? s.value : null;")
                check(chosen == "A", "the list's class filter shows %r" % chosen)
    finally:
        cleanup()


def test_report_at_both_widths():
    cleanup = report_cells()
    try:
        with Browser(width=1280, height=900) as d:
            sign_in(d, "admin")
            d.get(BASE + "/analysis/report?p=2019-03&dim=region")
            WebDriverWait(d, 15).until(
                lambda drv: drv.find_elements(By.CSS_SELECTOR, "#report-chart canvas"))
            _no_sideways(d, "report at 1280")
            _full_shot(d, 1280, "analysis-report-1280.png")
            viewport(d, 390, 844)
            d.get(BASE + "/analysis/report?p=2019-03&dim=product")
            _no_sideways(d, "report at 390")
            wrap = d.find_element(By.CSS_SELECTOR, "#report-table .table-wrap")
            cell = wrap.find_element(By.CSS_SELECTOR, "tbody tr td:first-child")
            check(cell.value_of_css_property("position") == "sticky", "name column fixed")
            d.execute_script("arguments[0].scrollLeft = 300", wrap)
            check(d.execute_script("return arguments[0].scrollLeft", wrap) > 0,
                  "the report table scrolls inside its box")
            left = d.execute_script("return arguments[0].getBoundingClientRect().left -"
                                    " arguments[1].getBoundingClientRect().left", cell, wrap)
            check(abs(left) < 2, "the name column moved by %s px" % left)
            _full_shot(d, 390, "analysis-report-390.png")
    finally:
        cleanup()


def test_analysis_filter_forms():
    """Both GET forms through their own buttons: the overview's region and
    the report's kind, period and region."""
    cleanup = report_cells()
    try:
        with Browser() as d:
            sign_in(d, "leader1")
            filter_by(d, "/analysis", "pareto-filter", [("region", "4")])
            check(d.find_element(By.ID, "region").get_attribute("value") == "4", "region kept")
            filter_by(d, "/analysis/report?dim=class", "report-filter",
                      [("kind", "month"), ("p", "2019-03"), ("region", "4")])
            check(d.find_element(By.ID, "period").text == "2019-03", "the period shown")
            check("dim=class" in d.current_url, "the dimension kept: %s" % d.current_url)
    finally:
        cleanup()
