"""Issue 17 on the customer file: the analysis header shows what the batch
stored in customer_analysis (ABC, stage with its strategy, sleep state with
its days, RFM, profit, lifetime value, the watch reasons with their
figures), says so when the batch has no row; the lifecycle override (reason
required, audited, shown as 人工调整, removable back to the proposal, a
stale version refused with 409, another region's manager 404); the edit
form offers 客户规模 and no longer the computed stage."""
import re

from lib import (MSG_NOT_FOUND, audit_max, check, check_field_error, check_in,
                 check_not_in, check_refused, check_status, csrf_of, element_text,
                 sign_in, sql, sql_str, sql_value)

PREFIX = "测试分析档案"


def _region(code):
    return sql_value("SELECT id FROM regions WHERE code = %s" % sql_str(code))


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM customers WHERE name LIKE %s" % sql_str(PREFIX + "%"))]
    if not ids:
        return
    idl = ", ".join(ids)
    for t in ("customer_life_overrides", "customer_analysis", "customer_bigrams", "customer_search"):
        sql("DELETE FROM %s WHERE customer_id IN (%s)" % (t, idl))
    sql("DELETE FROM customers WHERE id IN (%s)" % idl)


def _customer(suffix, region="huadong", lifecycle="one_time"):
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle) VALUES (%s, %s,"
        " 'dealer', %s, %s)" % (sql_str("TA" + suffix), sql_str(PREFIX + suffix), _region(region),
                                sql_str(lifecycle)))
    return int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str("TA" + suffix)))


def _analysis(cid, **over):
    row = {"abc_class": "'A'", "revenue": 123456789, "revenue_rank": 7,
           "life_proposed": "'loyal'", "sleep_state": 3, "interval_days": 60, "days_since": 200,
           "rfm_r": 2, "rfm_f": 4, "rfm_m": 5, "rfm_segment": 2, "profit": 1234567,
           "profit_rank": 9, "lifetime_value": 9876543, "watch_reasons": 1 | 8, "watch_score": 5,
           "late_tenths_earlier": 35, "late_tenths_recent": 127, "orders_earlier": 100,
           "orders_recent": 50, "unanswered": 0, "complaints_recent": 3}
    row.update(over)
    cols = ", ".join(row)
    vals = ", ".join(str(v) for v in row.values())
    sql("INSERT INTO customer_analysis (customer_id, region_id, run_id, %s)"
        " SELECT id, region_id, 0, %s FROM customers WHERE id = %d" % (cols, vals, cid))


def test_header_shows_the_stored_analysis():
    _cleanup()
    try:
        cid = _customer("1")
        _analysis(cid)
        c = sign_in("staff01")
        r = c.get("/customers/%d" % cid)
        check_status(r, 200, "file")
        check(element_text(r.text, "ana-revenue") == "1,234,567.89", "period revenue in yuan")
        check_in("大客户", element_text(r.text, "ana-abc"), "ABC name")
        stage = element_text(r.text, "ana-stage")
        check_in("忠诚客户", stage, "the proposed stage")
        check_in("系统建议", stage, "marked as proposed")
        check(element_text(r.text, "ana-strategy") == "策略：发挥最大潜能,提高利用效率",
              "source 002's strategy beside it: %r" % element_text(r.text, "ana-strategy"))
        check_in("半睡客户", element_text(r.text, "ana-sleep"), "sleep state")
        check(element_text(r.text, "ana-days-since") == "200", "days since the last purchase")
        check(element_text(r.text, "ana-interval") == "60", "usual interval")
        check_in("R2 F4 M5", element_text(r.text, "ana-rfm"), "RFM scores")
        check(element_text(r.text, "ana-segment") == "重要保持客户", "RFM segment 2")
        check(element_text(r.text, "ana-profit-value") == "12,345.67", "profit")
        check(element_text(r.text, "ana-lifetime-value") == "98,765.43", "lifetime value")
        watch = element_text(r.text, "ana-watch")
        check_in("隐性不满预警", watch, "watch badge")
        check_in('href="/analysis/watch"', r.text, "links to the watch list")
        check_in("3.5", element_text(r.text, "ana-watch-late"), "late figure earlier")
        check_in("12.7", element_text(r.text, "ana-watch-late"), "late figure recent")
        check_in("3", element_text(r.text, "ana-watch-complaints"), "complaints figure")
        check_not_in('id="ana-watch-orders"', r.text, "a reason not flagged is not shown")
        check_not_in('id="analysis-none"', r.text, "no not-run notice")
        as_of = sql_value("SELECT MAX(as_of) FROM analysis_runs WHERE status = 'done'")
        if as_of and as_of != "NULL":
            check_in(as_of, element_text(r.text, "analysis-as-of"), "the run's day")
        # Not on the watch list, awake: no badge.
        sql("UPDATE customer_analysis SET watch_reasons = 0, watch_score = 0, sleep_state = 1"
            " WHERE customer_id = %d" % cid)
        r = c.get("/customers/%d" % cid)
        check_not_in('id="ana-watch"', r.text, "no badge without a reason")
        check_in("活跃客户", element_text(r.text, "ana-sleep"), "awake")
    finally:
        _cleanup()


def test_no_row_says_not_computed():
    _cleanup()
    try:
        cid = _customer("2", lifecycle="target")
        r = sign_in("staff01").get("/customers/%d" % cid)
        check_status(r, 200, "file")
        check_in("尚未计算", element_text(r.text, "analysis-none"), "says the batch has not run")
        check_not_in('id="ana-rfm"', r.text, "no figures without a row")
        check_in("目标客户", element_text(r.text, "ana-stage"), "the stored stage still shown")
    finally:
        _cleanup()


def _post(c, cid, **fields):
    page = c.get("/customers/%d" % cid)
    fields["_csrf"] = csrf_of(page.text)
    return c.post("/customers/%d/lifecycle" % cid, fields)


def _version_on_page(c, cid):
    r = c.get("/customers/%d" % cid)
    return re.search(r'name="life_version" value="(\d+)"', r.text).group(1)


def test_override_reason_audit_remove_and_conflict():
    _cleanup()
    try:
        cid = _customer("3")
        _analysis(cid, life_proposed="'one_time'")
        c = sign_in("staff01")
        # reason required: a field error, nothing stored
        before = audit_max()
        r = _post(c, cid, life_version=_version_on_page(c, cid), life_stage="loyal", life_reason="  ")
        check_field_error(r, "life_reason", "必填", what="empty reason")
        check(audit_max() == before, "an empty reason writes nothing")
        r = _post(c, cid, life_version="0", life_stage="loyal", life_reason="长" * 501)
        check_field_error(r, "life_reason", "内容过长", what="reason over 500 characters")
        r = _post(c, cid, life_version="0", life_stage="bogus", life_reason="原因")
        check_field_error(r, "life_stage", "请从列表中选择", what="unknown stage")
        check(sql_value("SELECT COUNT(*) FROM customer_life_overrides WHERE customer_id = %d" % cid)
              == "0", "no override after refusals")
        # set
        reason = "年度框架协议已签，按忠诚客户维护"
        r = _post(c, cid, life_version=_version_on_page(c, cid), life_stage="loyal",
                  life_reason=reason)
        check_status(r, 303, "override saved")
        row = sql("SELECT stage, reason, set_by, version FROM customer_life_overrides"
                  " WHERE customer_id = %d" % cid)[0]
        check(row[0] == "loyal" and row[1] == reason, "override stored: %r" % (row,))
        check(row[2] == sql_value("SELECT id FROM users WHERE username = 'staff01'"), "set_by")
        check(sql_value("SELECT lifecycle FROM customers WHERE id = %d" % cid) == "loyal",
              "customers.lifecycle is the effective stage")
        audit = sql("SELECT detail FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                    " AND action = 'lifecycle_override'" % cid)
        check(len(audit) == 1 and reason in audit[0][0] and "one_time → loyal" in audit[0][0],
              "audited with the change and reason: %r" % audit)
        page = c.get("/customers/%d" % cid)
        stage = element_text(page.text, "ana-stage")
        check_in("人工调整", stage, "shown as an override")
        check_in("一次客户", element_text(page.text, "ana-override-note"), "the proposal beside it")
        check_in(reason, element_text(page.text, "ana-override-reason"), "the reason shown")
        history = c.get("/customers/%d?tab=history" % cid)
        check_in("调整生命周期", history.text, "the change log names it")
        check_in(reason, history.text, "the change log keeps the reason")
        # stale: a form drawn before the override (version 0) is refused
        before = audit_max()
        r = _post(c, cid, life_version="0", life_stage="potential", life_reason="旧表单")
        check_refused(r, 409, before, "stale version")
        check(sql_value("SELECT stage FROM customer_life_overrides WHERE customer_id = %d" % cid)
              == "loyal", "stale post changed nothing")
        # remove: back to the proposal
        version = sql_value("SELECT version FROM customer_life_overrides WHERE customer_id = %d" % cid)
        r = _post(c, cid, life_version=version, remove="1")
        check_status(r, 303, "override removed")
        check(sql_value("SELECT COUNT(*) FROM customer_life_overrides WHERE customer_id = %d" % cid)
              == "0", "override row gone")
        check(sql_value("SELECT lifecycle FROM customers WHERE id = %d" % cid) == "one_time",
              "back to customer_analysis.life_proposed")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE entity = 'customer' AND entity_id = %d"
                        " AND action = 'lifecycle_proposal'" % cid) == "1", "removal audited")
        before = audit_max()
        r = _post(c, cid, life_version=version, remove="1")
        check_refused(r, 409, before, "removing twice")
    finally:
        _cleanup()


def test_other_region_manager_gets_404():
    _cleanup()
    try:
        cid = _customer("4", region="huadong")
        _analysis(cid)
        other = sign_in("rm_huanan")
        check_status(other.get("/customers/%d" % cid), 404, "another region's file")
        page = other.get("/customers")
        before = audit_max()
        r = other.post("/customers/%d/lifecycle" % cid,
                       {"_csrf": csrf_of(page.text), "life_version": "0", "life_stage": "loyal",
                        "life_reason": "越权"})
        check_refused(r, 404, before, "override outside the region", MSG_NOT_FOUND)
        check(sql_value("SELECT lifecycle FROM customers WHERE id = %d" % cid) == "one_time",
              "stage unchanged")
        own = sign_in("rm_huadong")
        r = _post(own, cid, life_version="0", life_stage="potential", life_reason="本区调整")
        check_status(r, 303, "the region's own manager may")
    finally:
        _cleanup()


def test_edit_form_offers_size_not_stage():
    _cleanup()
    try:
        cid = _customer("5")
        c = sign_in("staff01")
        form = c.get("/customers/%d/edit" % cid)
        check_in('name="size_class"', form.text, "客户规模 on the form")
        check_not_in('name="lifecycle"', form.text, "the computed stage is not typed")
        fields = {"_csrf": csrf_of(form.text), "name": PREFIX + "5", "kind": "dealer",
                  "region_id": _region("huadong"), "code": "TA5", "size_class": "medium",
                  "lifecycle": "target",
                  "version": re.search(r'name="version" value="(\d+)"', form.text).group(1)}
        r = c.post("/customers/%d/edit" % cid, fields)
        check_status(r, 303, "saved")
        row = sql("SELECT size_class, lifecycle FROM customers WHERE id = %d" % cid)[0]
        check(row[0] == "medium", "size stored: %r" % row[0])
        check(row[1] == "one_time", "a posted stage is ignored: %r" % row[1])
        check_in("中型", element_text(c.get("/customers/%d" % cid).text, "size-class"), "size on the file")
        fields["size_class"] = "huge"
        fields["version"] = sql_value("SELECT version FROM customers WHERE id = %d" % cid)
        check_field_error(c.post("/customers/%d/edit" % cid, fields), "size_class", "请从列表中选择", what="bad size")
    finally:
        _cleanup()
