"""The dashboard's thresholds page (/dashboard/settings): admins only, the
six numbers checked (whole numbers in range, drowsy < half-asleep <
dormant) with field errors that keep what was typed, CSRF, an audit row
for a change, and the dashboard linking to it for admins only."""
import re

from lib import (MSG_CSRF, check, check_in, check_not_in, check_status, csrf_of, sign_in, sql,
                 sql_value)

NAMES = ("sleep_doze_days", "sleep_half_days", "sleep_deep_days", "visit_days", "falling_pct",
         "behind_pct")


def _stored():
    return {r[0]: r[1] for r in sql("SELECT name, value FROM dashboard_settings")}


def _restore(values):
    for name, value in values.items():
        sql("UPDATE dashboard_settings SET value = %s WHERE name = '%s'" % (value, name))


def _field_value(html, name):
    m = re.search(r'<input id="f-%s" name="%s" type="number" value="([^"]*)"' % (name, name), html)
    return m and m.group(1)


def test_admin_saves_settings():
    before = _stored()
    a = sign_in("admin")
    try:
        dash = a.get("/dashboard")
        check_in('href="/dashboard/settings"', dash.text, "admins get a link to the settings")
        page = a.get("/dashboard/settings")
        check_status(page, 200, "settings form")
        for name in NAMES:
            check(_field_value(page.text, name) == before[name],
                  "%s shows %r, stored %r" % (name, _field_value(page.text, name), before[name]))
        check_in("一分钟", page.text, "the page says other processes take up to a minute")
        audit = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
        new = {"sleep_doze_days": "80", "sleep_half_days": "170", "sleep_deep_days": "400",
               "visit_days": "45", "falling_pct": "25", "behind_pct": "60"}
        r = a.post("/dashboard/settings", dict(new, _csrf=csrf_of(page.text)))
        check_status(r, 303, "saved")
        check(_stored() == new, "stored: %s" % _stored())
        rows = sql("SELECT action, entity, detail FROM audit_log WHERE id > %d" % audit)
        check(len(rows) == 1 and rows[0][0] == "dashboard_settings_changed",
              "one audit row: %s" % rows)
        check_in("visit_days %s -> 45" % before["visit_days"], rows[0][2], "audit detail")
        page = a.get("/dashboard/settings")
        check_in("看板设置已保存", page.text, "flash after saving")
        for name in NAMES:
            check(_field_value(page.text, name) == new[name], "%s after saving" % name)
        # the same values again: no change, no audit row
        audit = int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
        r = a.post("/dashboard/settings", dict(new, _csrf=csrf_of(page.text)))
        check_status(r, 303, "saved unchanged")
        check(sql_value("SELECT COUNT(*) FROM audit_log WHERE id > %d" % audit) == "0",
              "nothing changed, nothing audited")
    finally:
        _restore(before)


def test_invalid_settings_keep_what_was_typed():
    before = _stored()
    a = sign_in("admin")
    token = csrf_of(a.get("/dashboard/settings").text)
    cases = (
        ({"sleep_doze_days": "abc"}, "sleep_doze_days", "整数"),
        ({"visit_days": "0"}, "visit_days", "1 至 3650"),
        ({"falling_pct": "101"}, "falling_pct", "1 至 100"),
        ({"behind_pct": "-5"}, "behind_pct", "1 至 100"),
        ({"sleep_deep_days": ""}, "sleep_deep_days", "必填"),
        ({"sleep_half_days": "3.5"}, "sleep_half_days", "整数"),
        ({"sleep_doze_days": "200", "sleep_half_days": "150"}, "sleep_half_days", "大于瞌睡"),
        ({"sleep_half_days": "365", "sleep_deep_days": "365"}, "sleep_deep_days", "大于半睡"),
    )
    for change, bad, message in cases:
        fields = dict(before, **change)
        r = a.post("/dashboard/settings", dict(fields, _csrf=token))
        check_status(r, 422, "invalid %s" % change)
        check_in('id="err-%s"' % bad, r.text, "message at %s for %s" % (bad, change))
        check_in(message, r.text, "message text for %s" % change)
        for name in NAMES:
            check(_field_value(r.text, name) == fields[name],
                  "%s keeps %r after %s: %r" % (name, fields[name], change, _field_value(r.text, name)))
        check(_stored() == before, "nothing stored after %s" % change)


def test_only_admins_change_settings():
    before = _stored()
    for user in ("staff01", "leader1", "rm_huadong"):
        c = sign_in(user)
        dash = c.get("/dashboard")
        check_not_in('href="/dashboard/settings"', dash.text, "%s sees no settings link" % user)
        check_status(c.get("/dashboard/settings"), 403, "%s reads the settings" % user)
        r = c.post("/dashboard/settings", dict(before, visit_days="7", _csrf=csrf_of(dash.text)))
        check_status(r, 403, "%s saves the settings" % user)
    check(_stored() == before, "nothing changed by others")
    a = sign_in("admin")
    a.get("/dashboard/settings")
    r = a.post("/dashboard/settings", dict(before, visit_days="7"))
    check_status(r, 403, "without _csrf")
    check_in(MSG_CSRF, r.text, "the CSRF message")
    check(_stored() == before, "nothing changed without CSRF")
