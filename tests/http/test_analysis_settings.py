"""The analysis settings page (/analysis/settings): everyone signed in reads
it, admins only save (403 for the others, as the access matrix says); each
field is checked (a number, its range, the settings that bound each other)
with the message at that field; a save is versioned (409 with the other
save shown), audited with what changed, and asks for a recomputation; the
button 立即重新计算 asks for one by hand."""
import re

from lib import (audit_max, check, check_in, check_not_in, check_refused, check_status, csrf_of,
                 sign_in, sql, sql_value)

FIELDS = ("period_months", "abc_a_pct", "abc_b_pct", "life_period_days", "life_periods_n",
          "life_periods_m", "sleep_interval_days", "sleep_drowsy_pct", "sleep_half_pct",
          "sleep_dormant_pct", "rfm_high_from", "watch_window_days", "watch_late_rise_days",
          "watch_order_drop_pct", "watch_min_complaints", "worst_tail_pct", "discount_bp",
          "run_at")
# One value out of range for each field (with the others as stored).
OUT_OF_RANGE = {"period_months": "37", "abc_a_pct": "0", "abc_b_pct": "95",
                "life_period_days": "0", "life_periods_n": "9", "life_periods_m": "65",
                "sleep_interval_days": "0", "sleep_drowsy_pct": "0", "sleep_half_pct": "100",
                "sleep_dormant_pct": "200", "rfm_high_from": "6", "watch_window_days": "6",
                "watch_late_rise_days": "366", "watch_order_drop_pct": "101",
                "watch_min_complaints": "0", "worst_tail_pct": "0", "discount_bp": "100.01",
                "run_at": "24:00"}


def _stored():
    row = sql("SELECT " + ", ".join(f for f in FIELDS if f != "run_at") +
              ", TIME_FORMAT(run_at, '%H:%i'), version FROM analysis_settings WHERE id = 1")[0]
    return dict(zip(FIELDS + ("version",), row))


def _form(page):
    """The form's fields as the page shows them."""
    out = {}
    for name in FIELDS + ("version",):
        m = re.search(r'name="%s"[^>]*value="([^"]*)"' % name, page)
        check(m, "no field %s on the page" % name)
        out[name] = m.group(1)
    return out


def _restore(values):
    sets = ", ".join("%s = %s" % (f, "'%s'" % values[f] if f == "run_at" else values[f])
                     for f in FIELDS)
    sql("UPDATE analysis_settings SET %s WHERE id = 1" % sets)


def test_others_read_admins_save():
    for user in ("staff01", "rm_huadong", "leader1"):
        c = sign_in(user)
        page = c.get("/analysis/settings")
        check_status(page, 200, "%s reads the settings" % user)
        check_in('name="abc_a_pct"', page.text, "the settings are shown to %s" % user)
        check_in("readonly", page.text, "read-only for %s" % user)
        check_not_in('id="save-settings"', page.text, "no save button for %s" % user)
        check_not_in('id="run-now-button"', page.text, "no recompute button for %s" % user)
        before = audit_max()
        form = dict(_form(page.text), _csrf=csrf_of(page.text))
        check_refused(c.post("/analysis/settings", form), 403, before, "%s saves" % user)
        check_refused(c.post("/analysis/settings/run", {"_csrf": form["_csrf"],
                                                        "reason": "manual"}),
                      403, before, "%s asks for a run" % user)


def test_each_field_is_checked():
    a = sign_in("admin")
    page = a.get("/analysis/settings")
    check_status(page, 200, "settings form")
    form = dict(_form(page.text), _csrf=csrf_of(page.text))
    stored = _stored()
    shown = dict(stored, discount_bp=str(int(stored["discount_bp"]) // 100)
                 if int(stored["discount_bp"]) % 100 == 0 else stored["discount_bp"])
    check(form["abc_a_pct"] == stored["abc_a_pct"] and form["run_at"] == stored["run_at"],
          "the form shows what is stored: %s vs %s" % (form, shown))
    before = audit_max()
    for name in FIELDS:
        for value, message in ((OUT_OF_RANGE[name], "超出允许的范围"), ("abc", "请输入有效的数值")):
            r = a.post("/analysis/settings", dict(form, **{name: value}))
            check_status(r, 422, "%s = %s" % (name, value))
            m = re.search(r'id="err-%s"[^>]*>([^<]*)' % name, r.text)
            check(m and message in m.group(1), "%s = %s: message at the field: %s"
                  % (name, value, m and m.group(1)))
            check_in('value="%s"' % value, r.text, "%s: what was typed is kept" % name)
    r = a.post("/analysis/settings", dict(form, abc_a_pct=""))
    check_status(r, 422, "an empty field")
    check(audit_max() == before and _stored() == stored, "refused posts changed nothing")


def test_save_conflict_audit_and_run_request():
    original = _stored()
    a = sign_in("admin")
    try:
        page = a.get("/analysis/settings")
        form = dict(_form(page.text), _csrf=csrf_of(page.text))
        version = int(original["version"])
        new_a = "65" if original["abc_a_pct"] != "65" else "60"
        before = audit_max()
        r = a.post("/analysis/settings", dict(form, abc_a_pct=new_a, discount_bp="8.5",
                                              run_at="03:15"))
        check_status(r, 303, "saved")
        now = _stored()
        check(now["abc_a_pct"] == new_a and now["discount_bp"] == "850" and
              now["run_at"] == "03:15" and int(now["version"]) == version + 1,
              "stored: %s" % now)
        rows = sql("SELECT action, entity, detail FROM audit_log WHERE id > %d ORDER BY id"
                   % before)
        check(len(rows) == 2 and rows[0][:2] == ["update", "analysis_settings"],
              "audit: the update, then the run request: %s" % rows)
        check_in("abc_a_pct %s>%s" % (original["abc_a_pct"], new_a), rows[0][2], "what changed")
        check_in("run_at %d>195" % (int(original["run_at"][:2]) * 60 + int(original["run_at"][3:])),
                 rows[0][2], "the time in minutes")
        check(rows[1][:2] == ["analysis_requested", "analysis_run"] and
              rows[1][2] == "reason settings", "a run asked for: %s" % rows[1])
        run = int(sql_value("SELECT entity_id FROM audit_log WHERE id > %d AND action ="
                            " 'analysis_requested'" % before))
        check(sql_value("SELECT COUNT(*) FROM analysis_runs WHERE id = %d" % run) == "1",
              "the run request row exists")
        page = a.get("/analysis/settings")
        check_in("分析设置已保存", page.text, "flash")
        check_in('data-id="%d"' % run, page.text, "the request in the recent runs")
        # the same form again (its version is now old): 409, theirs shown, nothing saved
        before = audit_max()
        r = a.post("/analysis/settings", dict(form, abc_a_pct="50"))
        check_refused(r, 409, before, "stale save")
        check_in('id="conflict"', r.text, "the conflict is explained")
        check_in('value="50"', r.text, "what was typed is kept")
        check_in('name="version" value="%d"' % (version + 1), r.text, "the current version")
        check(_stored()["abc_a_pct"] == new_a, "the stale post changed nothing")
        # the same values again: nothing written, nothing audited
        page = a.get("/analysis/settings")
        r = a.post("/analysis/settings", dict(_form(page.text), _csrf=csrf_of(page.text)))
        check_status(r, 303, "unchanged save")
        check(audit_max() == before and _stored()["version"] == str(version + 1),
              "an unchanged save writes nothing")
        # 立即重新计算
        r = a.post("/analysis/settings/run", {"_csrf": csrf_of(page.text), "reason": "manual"})
        check_status(r, 303, "run asked for")
        check(sql("SELECT action, detail FROM audit_log WHERE id > %d" % before) ==
              [["analysis_requested", "reason manual"]], "the request is audited")
        check_refused(a.post("/analysis/settings/run", {"_csrf": csrf_of(page.text)}), 400,
                      audit_max(), "a post that is not the button")
    finally:
        _restore(original)
