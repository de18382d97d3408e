"""Issue 14: the customer pages' forms through their own buttons in a real
browser: the list's filters, every entry form on the file's tabs (one
rejected first, its error shown at the field), 标记完成, archive and
restore, merge (find, then merge), an edit that meets someone else's
change (the conflict page's own save), and the import (a small CSV through
the file input, the preview, the commit; a bad file's errors shown).
Customers made here have codes starting with PREFIX and are removed again."""
import os
import tempfile

from selenium.webdriver.common.by import By

from browser import Browser, choose, fill, filter_by, press, screenshot, set_value, sign_in, wait_for
from lib import BASE, check, sql, sql_str, sql_value

PREFIX = "BF%d" % (os.getpid() % 100000)
USER = "staff03"
CHILDREN = ("contact_log", "customer_dynamics", "customer_incentives", "quotes",
            "service_records", "customer_financials", "customer_contacts",
            "customer_search", "customer_bigrams")


def _customer(tag, name):
    """A throwaway 华东 dealer; its id."""
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    sql("INSERT INTO customers (code, name, kind, region_id, city, phone) VALUES"
        " (%s, %s, 'dealer', %s, %s, '0512-66001122')"
        % (sql_str(PREFIX + tag), sql_str(name), region, sql_str("苏州")))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(PREFIX + tag)))


def _cleanup():
    where = "SELECT id FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%")
    for t in CHILDREN:
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, where))
    sql("DELETE FROM customers WHERE code LIKE %s" % sql_str(PREFIX + "%"))


def _entry(d, cid, tab, kind, fields, selects=(), dates=()):
    """Opens the tab, unfolds its form, fills it in and presses its button."""
    d.get(BASE + "/customers/%d?tab=%s" % (cid, tab))
    form = wait_for(d, "form-" + kind)
    details = d.find_element(By.CSS_SELECTOR, "details.add-form")
    if not details.get_attribute("open"):
        details.find_element(By.TAG_NAME, "summary").click()
    for fid, v in selects:
        choose(d, fid, v or d.find_element(   # None: the menu's first choice
            By.CSS_SELECTOR, "#%s option:not([value=''])" % fid).get_attribute("value"))
    for fid, v in dates:
        set_value(d, fid, v)
    for fid, v in fields:
        fill(d, fid, v)
    return press(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))


def _tab_text(d):
    return d.find_element(By.ID, "tab-body").text


def test_entry_forms():
    _cleanup()
    try:
        cid = _customer("E", "表单测试净水经销部")
        with Browser() as d:
            sign_in(d, USER)
            # A rejected form first: the field says what is wrong, the form stays open.
            _entry(d, cid, "finance", "finance", [("f-year", "20x6"), ("f-current_ratio", "1.8")])
            err = d.find_element(By.ID, "err-year")
            check(err.is_displayed() and err.text, "the bad year is named at its field")
            check(d.find_element(By.ID, "f-current_ratio").get_attribute("value") == "1.8",
                  "what was typed is kept")
            screenshot(d, "forms-entry-error-1280.png")
            fill(d, "f-year", "2019")
            flash = press(d, "#form-finance button[type=submit]")
            check(flash == "已保存。" and "1.80" in _tab_text(d), "finance saved: %r" % flash)

            cases = (
                ("needs", "needs", [("f-content", "需要更多滤芯型号做门店陈列")],
                 [("f-category", "product_range")], [("f-noted_on", "2026-10-02")], "滤芯型号"),
                ("strategy", "strategy", [("f-content", "明年在苏州开两家专卖店")],
                 [("f-category", "annual_plan")], [("f-noted_on", "2026-10-03")], "两家专卖店"),
                ("incentives", "incentive", [("f-amount", "3456.70"), ("f-description", "季度返利")],
                 [("f-kind", "rebate")], [("f-granted_on", "2026-10-04")], "3,456.70"),
                ("quotes", "quote", [("f-quantity", "12"), ("f-unit_price", "99.50"), ("f-note", "含安装")],
                 [("f-product_id", None), ("f-status", "open")], [("f-quoted_on", "2026-10-05")], "含安装"),
                ("service", "service", [("f-description", "上门更换滤芯并检测水质"), ("f-result", "水质合格")],
                 [("f-kind", "maintenance")], [("f-served_on", "2026-10-06")], "水质合格"),
                ("contacts", "contact", [("f-heard", "想了解新款净水器"), ("f-next_action", "寄送样册")],
                 [("f-channel", "call")], [("f-contacted_on", "2026-10-07"), ("f-next_due", "2026-10-20")],
                 "寄送样册"),
            )
            for tab, kind, fields, selects, dates, shown in cases:
                flash = _entry(d, cid, tab, kind, fields, selects, dates)
                check(flash == "已保存。", "%s saved: %r" % (kind, flash))
                check("tab=%s" % tab in d.current_url, "%s: back on its tab: %s" % (kind, d.current_url))
                check(shown in _tab_text(d), "%s: %r shown on the tab" % (kind, shown))

            # 标记完成 on the next action just added.
            entry = sql_value("SELECT id FROM contact_log WHERE customer_id = %d" % cid)
            flash = press(d, "#done-%s button[type=submit]" % entry)
            check(flash == "已标记为完成。", "marked done: %r" % flash)
            check(not d.find_elements(By.ID, "done-" + entry), "the done button is gone")
            check(sql_value("SELECT done FROM contact_log WHERE id = %s" % entry) == "1", "stored done")
    finally:
        _cleanup()


def test_list_filters_archive_merge():
    _cleanup()
    try:
        keep = _customer("K", "表单测试合并保留净水")
        gone = _customer("G", "表单测试合并撤销净水")
        with Browser() as d:
            sign_in(d, USER)
            region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
            filter_by(d, "/customers", "customer-filters", [("region", region), ("kind", "dealer")],
                      [("city", "苏州")])
            cities = [td.text for td in d.find_elements(By.CSS_SELECTOR, "#customer-list tbody tr")]
            check(cities and all("苏州" in t and "华东" in t for t in cities),
                  "only 华东 dealers in 苏州 listed: %r" % cities[:3])
            check(d.find_element(By.ID, "city").get_attribute("value") == "苏州", "the filter is kept")

            d.get(BASE + "/customers/%d" % gone)
            flash = press(d, "#archive-form button[type=submit]")
            check(flash == "档案已归档。" and d.find_elements(By.ID, "archived-badge"), "archived: %r" % flash)
            flash = press(d, "#archive-form button[type=submit]")
            check(flash == "档案已恢复。" and not d.find_elements(By.ID, "archived-badge"),
                  "restored: %r" % flash)

            d.get(BASE + "/customers/%d/merge" % keep)
            wait_for(d, "merge-find")
            fill(d, "f-other", "NOSUCH0")
            press(d, "#merge-find button[type=submit]")
            check(d.find_element(By.ID, "err-other").is_displayed(), "an unknown code is named at its field")
            fill(d, "f-other", PREFIX + "G")
            press(d, "#merge-find button[type=submit]")
            check(d.find_element(By.ID, "merge-other-name").text == "表单测试合并撤销净水",
                  "the other customer found")
            flash = press(d, "#merge-form button[type=submit]")
            check(flash == "档案已合并。", "merged: %r" % flash)
            check(d.current_url.split("?")[0].endswith("/customers/%d" % keep), "on the kept file: %s" % d.current_url)
            check(sql("SELECT status, merged_into FROM customers WHERE id = %d" % gone)
                  == [["merged", str(keep)]], "the other file is merged into the kept one")
    finally:
        _cleanup()


def test_edit_conflict():
    _cleanup()
    try:
        cid = _customer("C", "表单测试冲突净水")
        with Browser() as d:
            sign_in(d, USER)
            d.get(BASE + "/customers/%d/edit" % cid)
            wait_for(d, "customer-form")
            fill(d, "f-city", "无锡")
            sql("UPDATE customers SET phone = '0512-99990000', version = version + 1 WHERE id = %d" % cid)
            press(d, "#customer-form button[type=submit]")
            wait_for(d, "conflict")
            check("无锡" in d.find_element(By.ID, "conflict-diff").text, "my change listed")
            flash = press(d, "#save-mine")
            check(flash == "修改已保存。", "saved after the conflict: %r" % flash)
            check("无锡" in _tab_text(d), "the saved city shown")
            check(sql("SELECT city FROM customers WHERE id = %d" % cid)[0][0] == "无锡", "stored")
    finally:
        _cleanup()


def _csv_file(work, name, rows, header="名称,编号,类型,区域,生命周期,城市"):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\r\n")
        for r in rows:
            f.write(",".join(r) + "\r\n")
    return path


def _upload(d, path, answer="import-counts"):
    d.get(BASE + "/customers/import")
    wait_for(d, "import-form")
    d.find_element(By.ID, "import-file").send_keys(path)
    press(d, "#import-upload")
    return wait_for(d, answer)


def test_import_upload_preview_commit():
    _cleanup()
    work = tempfile.mkdtemp(prefix="kehu-import-")
    good = _csv_file(work, "good.csv", [["表单导入测试甲", PREFIX + "I1", "经销商", "华东", "潜在客户", "南京"],
                                        ["表单导入测试乙", PREFIX + "I2", "最终客户", "华南", "目标客户", "广州"]])
    bad = _csv_file(work, "bad.csv", [["表单导入测试丙", PREFIX + "I3", "不存在的类型", "华东", "潜在客户", "南京"]])
    short = _csv_file(work, "short.csv", [["表单导入测试丁", "经销商", "华东"]], "名称,类型,区域")
    try:
        with Browser() as d:
            sign_in(d, USER)
            err = _upload(d, short, "import-error")
            check("生命周期" in err.text, "the missing column is named: %r" % err.text)
            _upload(d, bad)
            check(d.find_element(By.ID, "import-has-errors").is_displayed(), "a bad file is refused")
            cells = d.find_element(By.ID, "import-errors").text
            check("不存在的类型" in cells, "the bad value is shown: %r" % cells)
            check(not d.find_elements(By.ID, "import-commit"), "a bad file offers no commit")

            _upload(d, good)
            check(d.find_element(By.ID, "count-good").text == "2", "two good rows")
            check("表单导入测试乙" in d.find_element(By.ID, "import-rows").text, "the rows previewed")
            press(d, "#import-commit-button")
            wait_for(d, "import-result", 60)
            check(d.find_element(By.ID, "import-imported").text == "2", "two imported")
            check(sql_value("SELECT COUNT(*) FROM customers WHERE code LIKE %s"
                            % sql_str(PREFIX + "I%")) == "2", "two stored")
            screenshot(d, "forms-import-done-1280.png")
    finally:
        for p in (good, bad, short):
            os.remove(p)
        os.rmdir(work)
        _cleanup()
