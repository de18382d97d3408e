"""Issue 14, phone (390 px, and 1280): no page scrolls sideways for any
role; the top menu and the customer file's tabs open with the active item
in view; a wide table keeps its first column while the rest scrolls; list
filters fold behind 筛选 on a phone and are open on a desktop; the step
form's labels clear the card's edge. Screenshots: phone-layout-*.png."""
from selenium.webdriver.common.by import By

from browser import Browser, screenshot, sign_in, viewport
from lib import BASE, check, sql, sql_str, sql_value
from test_complaints_screens import _cleanup as _cleanup_complaints
from test_complaints_screens import _complaint

PHONE, DESK = (390, 844), (1280, 900)
TABS = ("basic", "people", "needs", "strategy", "contacts", "orders", "payments", "incentives",
        "quotes", "service", "finance", "history")
ROLES = (("admin", None), ("leader1", None), ("staff01", None), ("rm_huanan", "huanan"))
PUBLIC = ("/login", "/complaint", "/complaint/status", "/nosuchpage")


def _region_id(code):
    return int(sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code)))


def _pages(user, region, complaint):
    """The main pages a user of this role opens, in their region."""
    where = "" if region is None else " AND c.region_id = %d" % _region_id(region)
    customer = sql_value("SELECT MIN(c.id) FROM customers c WHERE c.status = 'active'" + where)
    plans = [r[0] for r in sql(
        "SELECT MIN(p.id) FROM support_plans p JOIN customers c ON c.id = p.customer_id"
        " WHERE 1 = 1%s GROUP BY p.status" % where)]
    pages = ["/", "/customers", "/customers?kind=dealer", "/customers/new",
             "/customers/%s/edit" % customer]
    pages += ["/customers/%s?tab=%s" % (customer, t) for t in TABS]
    if region is None:
        pages.append("/customers/import")
    pages += ["/complaints", "/complaints/%d" % complaint, "/complaints/overview", "/dashboard"]
    if user == "admin":
        pages.append("/dashboard/settings")
    pages += ["/analysis/wake", "/analysis/wake/%s" % customer, "/analysis/settings"]
    pages += ["/plans", "/plans/new", "/plans/budget", "/plans/catalogue"]
    pages += ["/plans/%s" % p for p in plans]
    pages += ["/analysis/watch", "/analysis/profit", "/analysis/churn"]
    pages.append("/customers/999999999")   # the error page
    return pages


def _widths(d):
    return d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")


def _sideways(d, paths):
    """The pages among paths that scroll sideways at the phone's width (on
    a phone a page wider than the screen widens the viewport too)."""
    bad = []
    for path in paths:
        d.get(BASE + path)
        scroll, inner = _widths(d)
        if scroll > PHONE[0] or inner > PHONE[0]:
            bad.append("%s (%d px)" % (path, max(scroll, inner)))
    return bad


def _set_lang(d, lang):
    buttons = d.find_elements(By.CSS_SELECTOR, 'button[name="lang"][value="%s"]' % lang)
    if buttons:
        buttons[0].click()


def test_no_page_scrolls_sideways_on_a_phone():
    _cleanup_complaints()
    langs = {r[0]: r[1] for r in sql("SELECT username, lang FROM users")}
    try:
        complaint = {None: _complaint()}   # a return inside the 7-day window, at step 4
        huanan = _region_id("huanan")
        check(int(sql_value("SELECT region_id FROM complaints WHERE id = %d" % complaint[None]))
              == huanan, "the fixture complaint is in 华南")
        complaint["huanan"] = complaint[None]
        bad = []
        with Browser(*DESK) as d:
            viewport(d, *PHONE)
            d.get(BASE + "/login")
            check(_widths(d)[1] == PHONE[0], "the viewport is 390 px wide")
            bad += _sideways(d, PUBLIC)
        for user, region in ROLES:
            with Browser(*DESK) as d:
                viewport(d, *PHONE)
                sign_in(d, user)
                _set_lang(d, "zh-CN")
                bad += ["%s: %s" % (user, b) for b in
                        _sideways(d, _pages(user, region, complaint[region]))]
                if user in ("admin", "staff01"):
                    _set_lang(d, "en")
                    bad += ["%s (English): %s" % (user, b) for b in
                            _sideways(d, _pages(user, region, complaint[region]))]
        check(not bad, "pages wider than the 390 px screen: %s" % "; ".join(bad))
    finally:
        for name, lang in langs.items():
            sql("UPDATE users SET lang = %s WHERE username = %s" % (sql_str(lang), sql_str(name)))
        _cleanup_complaints()


def _inside(d, item, strip):
    return d.execute_script(
        "var a = arguments[0].getBoundingClientRect(), s = arguments[1].getBoundingClientRect();"
        " return a.width > 0 && a.left >= s.left - 1 && a.right <= s.right + 1"
        " && a.right <= window.innerWidth;", item, strip)


def test_active_menu_item_and_tab_in_view():
    customer = sql_value("SELECT MIN(id) FROM customers WHERE status = 'active'")
    with Browser(*DESK) as d:
        viewport(d, *PHONE)
        sign_in(d, "staff01")
        # The last menu item and the last tab start off the screen's edge.
        for path, strip, shot in (("/dashboard", ".mainnav", "phone-layout-menu-390.png"),
                                  ("/customers/%s?tab=history" % customer, ".tabs",
                                   "phone-layout-tabs-390.png")):
            d.get(BASE + path)
            s = d.find_element(By.CSS_SELECTOR, strip)
            active = s.find_element(By.CSS_SELECTOR, ".active")
            check(d.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", s),
                  "%s: the strip is wider than the screen (else this proves nothing)" % path)
            check(_inside(d, active, s), "%s: the active item of %s is in view" % (path, strip))
            check(d.execute_script("return window.scrollY") == 0,
                  "%s: the page did not move down" % path)
            screenshot(d, shot)


def test_wide_table_keeps_its_first_column():
    _cleanup_complaints()
    try:
        _complaint()
        with Browser(*DESK) as d:
            viewport(d, *PHONE)
            sign_in(d, "staff01")
            d.get(BASE + "/complaints?overdue=1")
            wrap = d.find_element(By.CSS_SELECTOR, ".table-wrap")
            cell = wrap.find_element(By.CSS_SELECTOR, "tbody tr td:first-child")
            head = wrap.find_element(By.CSS_SELECTOR, "thead th:first-child")
            check(cell.value_of_css_property("position") == "sticky", "first cell is sticky")
            check(head.value_of_css_property("position") == "sticky", "first header is sticky")
            check(d.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap),
                  "the queue's table is wider than the phone")
            d.execute_script("arguments[0].scrollLeft = 400", wrap)
            check(d.execute_script("return arguments[0].scrollLeft", wrap) > 0, "the table scrolled")
            # Still where it was, and painted over the columns under it.
            on_top = d.execute_script(
                "var c = arguments[0], w = arguments[1].getBoundingClientRect(),"
                " r = c.getBoundingClientRect();"
                " var e = document.elementFromPoint(r.left + 4, r.top + r.height / 2);"
                " return [Math.abs(r.left - w.left) < 2, c === e || c.contains(e)];", cell, wrap)
            check(on_top[0], "the first column stays at the table's left edge")
            check(on_top[1], "the first column is drawn over the scrolled columns")
            # Headers are whole: none wider than its cell (no text cut off).
            cut = d.execute_script(
                "return Array.prototype.filter.call(document.querySelectorAll('table.data th'),"
                " function (th) { return th.scrollWidth > th.clientWidth + 1; })"
                ".map(function (th) { return th.textContent.trim(); });")
            check(not cut, "headers cut: %r" % cut)
            screenshot(d, "phone-layout-queue-scrolled-390.png")
    finally:
        _cleanup_complaints()


FOLDS = ("/customers", "/complaints", "/plans", "/dashboard", "/complaints/overview",
         "/analysis/watch", "/analysis/profit", "/analysis/churn", "/analysis/wake")


def _fold_state(d):
    return d.execute_script(
        "var f = document.querySelector('details.filter-fold');"
        " if (!f) return null;"
        " return [f.open, f.querySelector('.fold-body').checkVisibility(),"
        " f.querySelector('summary').checkVisibility()];")


def test_filters_fold_on_a_phone_open_on_a_desktop():
    with Browser(*DESK) as d:
        viewport(d, *PHONE)
        sign_in(d, "staff01")
        for path in FOLDS:
            d.get(BASE + path)
            state = _fold_state(d)
            check(state is not None, "%s: the filters fold" % path)
            check(state == [False, False, True], "%s: folded behind its button on a phone: %r"
                  % (path, state))
        d.get(BASE + "/customers")
        row = d.find_element(By.CSS_SELECTOR, "#customer-list tbody tr")
        check(d.execute_script("return arguments[0].getBoundingClientRect().bottom", row)
              <= PHONE[1], "the first screen on a phone shows the list's first row")
        check(d.find_element(By.ID, "q").is_displayed(), "the search box stays out of the fold")
        screenshot(d, "phone-layout-customers-390.png")
        # A filter that is set keeps the fold open, so the user sees it.
        for path in ("/customers?kind=dealer", "/complaints?kind=return", "/plans?year=all",
                     "/complaints/overview?from=2026-01&to=2026-03"):
            d.get(BASE + path)
            check(_fold_state(d)[:2] == [True, True], "%s: open with a filter set" % path)
        d.find_element(By.CSS_SELECTOR, ".filter-fold > summary").click()
        check(_fold_state(d)[0] is False, "its button folds it again")
    with Browser(*DESK) as d:
        sign_in(d, "staff01")
        for path in FOLDS:
            d.get(BASE + path)
            state = _fold_state(d)
            check(state == [True, True, False], "%s: open on a desktop, no button: %r"
                  % (path, state))
        d.get(BASE + "/customers")
        screenshot(d, "phone-layout-customers-1280.png")


def test_step_form_labels_clear_of_the_edge():
    _cleanup_complaints()
    try:
        cid = _complaint()
        for size in (PHONE, DESK):
            with Browser(*DESK) as d:
                viewport(d, *size)
                sign_in(d, "staff01")
                d.get(BASE + "/complaints/%d" % cid)
                form = d.find_element(By.ID, "step-form-4")
                d.execute_script("arguments[0].scrollIntoView()", form)
                gaps = d.execute_script(
                    "var body = arguments[0].closest('.step-body').getBoundingClientRect();"
                    " return Array.prototype.map.call(arguments[0].querySelectorAll('label'),"
                    " function (l) { var r = l.getBoundingClientRect();"
                    " var e = document.elementFromPoint(r.left + 3, r.top + r.height / 2);"
                    " return [Math.round(r.left - body.left), e === l || l.contains(e)]; });", form)
                check(gaps and all(g[0] >= 12 for g in gaps),
                      "labels at least 12 px from the form's edge at %d: %r" % (size[0], gaps))
                check(all(g[1] for g in gaps), "nothing drawn over the labels at %d" % size[0])
                screenshot(d, "phone-layout-step-form-%d.png" % size[0])
    finally:
        _cleanup_complaints()
