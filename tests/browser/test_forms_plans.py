"""Issue 14: the support-plan forms through their own buttons in a real
browser: the list's and the budget page's filters, the catalogue (add a
measure, a missing name first; edit it), and one plan through every form
of its page: new, goals, two measures, remove one, submit, a leader
returns it, submit again, approve, start, record what was done with an
attachment, revise (opens a new version), close."""
import os
import tempfile

from selenium.webdriver.common.by import By

from browser import Browser, choose, fill, filter_by, press, set_value, sign_in, wait_for
from lib import BASE, check, sql, sql_str, sql_value
from test_complaint_journey import _png
from test_plans import dealer, empty_year

MARK = "浏览器表单测试"


def _as(d, username):
    d.delete_all_cookies()
    sign_in(d, username)


def test_filters_and_catalogue():
    sql("DELETE FROM support_measures WHERE name_zh LIKE %s" % sql_str(MARK + "%"))
    try:
        with Browser() as d:
            sign_in(d, "admin")
            filter_by(d, "/plans", "plan-filters", [("year", "all"), ("status", "approved")])
            states = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#plans tbody tr td:nth-child(4)")]
            check(states and all(s.startswith("已批准") for s in states), "only approved plans: %r" % states[:3])

            year = sql_value("SELECT YEAR(CURDATE())")
            region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
            filter_by(d, "/plans/budget", "budget-filters", [("region", region)], [("year", year)])
            check(d.find_elements(By.ID, "by-category"), "the budget by category shown")

            d.get(BASE + "/plans/catalogue")
            wait_for(d, "add-measure-form")
            choose(d, "f-category_id", "1")
            fill(d, "f-name_en", "Browser form test")
            press(d, "#add-measure-form button[type=submit]")
            check(d.find_element(By.ID, "err-name_zh").is_displayed(), "the missing name is named at its field")
            fill(d, "f-name_zh", MARK + "甲")
            flash = press(d, "#add-measure-form button[type=submit]")
            check(flash == "支援项目目录已保存。", "measure added: %r" % flash)
            mid = sql_value("SELECT id FROM support_measures WHERE name_zh = %s" % sql_str(MARK + "甲"))
            form = d.find_element(By.ID, "measure-form-" + mid)
            d.execute_script("arguments[0].closest('details').open = true", form)
            fill(d, "zh-" + mid, MARK + "乙")
            flash = press(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
            check(flash == "支援项目目录已保存。", "measure edited: %r" % flash)
            row = d.find_element(By.CSS_SELECTOR, 'tr[data-measure="%s"]' % mid).text
            check(MARK + "乙" in row, "the new name listed: %r" % row)
    finally:
        sql("DELETE FROM support_measures WHERE name_zh LIKE %s" % sql_str(MARK + "%"))


def _add_measure(d, pid, code, budget, month):
    d.get(BASE + "/plans/%d/item" % pid)
    wait_for(d, "item-form")
    choose(d, "f-measure", "m" + sql_value("SELECT id FROM support_measures WHERE code = %s" % sql_str(code)))
    fill(d, "f-budget", budget)
    d.find_element(By.ID, "f-m%d" % month).click()
    return press(d, "#save-item")


def test_plan_workflow_forms():
    _, code = dealer("huadong")
    year = empty_year()
    work = tempfile.mkdtemp(prefix="kehu-plan-")
    photo = os.path.join(work, "shelf.png")
    _png(photo)
    try:
        with Browser() as d:
            _as(d, "staff01")
            d.get(BASE + "/plans/new")
            wait_for(d, "new-plan-form")
            fill(d, "f-code", code)
            fill(d, "f-year", "19")
            press(d, "#new-plan-form button[type=submit]")
            check(d.find_element(By.ID, "err-year").is_displayed(), "the bad year is named at its field")
            fill(d, "f-year", str(year))
            check(press(d, "#new-plan-form button[type=submit]") == "已创建支援计划。", "plan created")
            pid = int(d.current_url.split("?")[0].rstrip("/").split("/")[-1])
            fill(d, "f-sales_target", "1500000")
            fill(d, "f-growth_target", "8")
            check(press(d, "#goals-form button[type=submit]") == "计划目标已保存。", "goals saved")
            check(d.find_element(By.ID, "f-sales_target").get_attribute("value").startswith("1500000"),
                  "the saved target shown")
            check(_add_measure(d, pid, "1.3", "900.00", 4) == "支援项目已保存。", "measure 1.3 saved")
            check(_add_measure(d, pid, "2.3", "500.00", 5) == "支援项目已保存。", "measure 2.3 saved")
            rows = d.find_elements(By.CSS_SELECTOR, "#open-items tr[data-line]")
            check(len(rows) == 2, "two measures listed: %d" % len(rows))
            line = rows[1].get_attribute("data-line")
            check(press(d, "#remove-%s button[type=submit]" % line) == "支援项目已删除。", "measure removed")
            check(len(d.find_elements(By.CSS_SELECTOR, "#open-items tr[data-line]")) == 1, "one measure left")
            check(press(d, "#act-submit button[type=submit]") == "已提交领导审批。", "submitted")

            _as(d, "leader1")
            d.get(BASE + "/plans/%d" % pid)
            fill(d, "f-comment", "请补充门店培训")
            check(press(d, "#return") == "已退回，并附审批意见。", "returned")
            check("请补充门店培训" in d.find_element(By.ID, "return-comment").text, "the comment shown")

            _as(d, "staff01")
            d.get(BASE + "/plans/%d" % pid)
            check(press(d, "#act-submit button[type=submit]") == "已提交领导审批。", "submitted again")
            _as(d, "leader1")
            d.get(BASE + "/plans/%d" % pid)
            check(press(d, "#approve") == "已批准，此版本现已生效。", "approved")

            _as(d, "staff01")
            d.get(BASE + "/plans/%d" % pid)
            check(press(d, "#act-start button[type=submit]") == "计划已开始执行。", "started")
            check("执行中" in d.find_element(By.ID, "plan-status").text, "in progress shown")
            d.find_element(By.CSS_SELECTOR, "#exec-details > summary").click()
            choose(d, "f-line_key", d.find_element(By.CSS_SELECTOR, "#f-line_key option[value]:not([value=''])")
                   .get_attribute("value"))
            set_value(d, "f-done_on", "%d-04-15" % year)
            fill(d, "f-actual_cost", "860.00")
            fill(d, "f-what_done", "门店陈列整改")
            d.find_element(By.ID, "f-file").send_keys(photo)
            check(press(d, "#exec-form #record") == "执行记录已保存。", "execution recorded")
            link = d.find_element(By.CSS_SELECTOR, "#executions a[href^='/plans/attachment/']")
            check("shelf.png" in link.text, "the attachment listed: %r" % link.text)

            d.find_element(By.CSS_SELECTOR, "details.revise > summary").click()
            fill(d, "f-comment", "增加培训项目")
            check(press(d, "#revise-form button[type=submit]").startswith("已生成新版本"), "revised")
            check(d.find_elements(By.ID, "open-revision"), "the new version is open")
            check(press(d, "#act-close button[type=submit]") == "计划已结束。", "closed")
            check(sql_value("SELECT status FROM support_plans WHERE id = %d" % pid) == "closed", "stored closed")
    finally:
        os.remove(photo)
        os.rmdir(work)
