"""The complaint clocks in business hours (schema/042, docs/sla-clock.md):
the working calendar's form (/admin/calendar: saved, each bad field, no
CSRF, a stale version, other roles), due times counted in working hours
(a complaint received on Friday at 17:00 is due on Monday at the right
minute, a holiday moves it), the wait for the customer's agreement (step
5) stopping both clocks, the queue and complaint page showing business
hours, and the overview's percentiles equal to the ones computed here
from the same calendar. Expected times are computed in this file by a
calendar of its own, not read back from the application."""
import contextlib
import csv
import datetime
import io
import html
import os
import random
import re
import statistics
import subprocess

from lib import (BUILD, ROOT, check, check_in, check_status, csrf_of, element_text, sign_in,
                 sql, sql_str, sql_value, table_rows)

PREFIX = "TSLA"
TABLES = ("complaint_followups", "complaint_events", "complaint_messages",
          "complaint_proposals", "complaint_attachments", "complaint_handling")
HOURS = "08:30-12:00 13:30-17:30"
SPANS = ((8 * 3600 + 1800, 12 * 3600), (13 * 3600 + 1800, 17 * 3600 + 1800))
FMT = "%Y-%m-%d %H:%M:%S"


# -- the calendar, computed here ------------------------------------------

class Calendar:
    def __init__(self, weekdays=(1, 2, 3, 4, 5), spans=SPANS, holidays=(), workdays=()):
        self.weekdays, self.spans = set(weekdays), spans
        self.holidays, self.workdays = set(holidays), set(workdays)

    def works(self, day):
        if day in self.holidays:
            return False
        return day in self.workdays or day.isoweekday() in self.weekdays

    def _spans(self, day):
        base = datetime.datetime.combine(day, datetime.time())
        for a, b in self.spans:
            yield base + datetime.timedelta(seconds=a), base + datetime.timedelta(seconds=b)

    def between(self, t0, t1):
        """Working seconds in [t0, t1)."""
        total, day = 0, t0.date()
        while t1 > t0 and day <= t1.date():
            if self.works(day):
                for a, b in self._spans(day):
                    a, b = max(a, t0), min(b, t1)
                    if b > a:
                        total += int((b - a).total_seconds())
            day += datetime.timedelta(days=1)
        return total

    def add(self, t, secs):
        day = t.date()
        while secs > 0:
            if self.works(day):
                for a, b in self._spans(day):
                    a = max(a, t)
                    if b <= a:
                        continue
                    if (b - a).total_seconds() >= secs:
                        return a + datetime.timedelta(seconds=secs)
                    secs -= int((b - a).total_seconds())
            day += datetime.timedelta(days=1)
        return t


def _dt(s):
    return datetime.datetime.strptime(s, FMT)


# -- the calendar as stored, and the form ---------------------------------

@contextlib.contextmanager
def stored_calendar():
    """The tests change the calendar; it is put back afterwards (and its
    version moved on, so every program reads it again)."""
    row = sql("SELECT weekdays, hours, first_response_minutes, resolution_minutes"
              " FROM work_calendar WHERE id = 1")[0]
    days = sql("SELECT day, kind, note FROM work_calendar_days")
    try:
        yield
    finally:
        sql("DELETE FROM work_calendar_days")
        if days:
            sql("INSERT INTO work_calendar_days (day, kind, note) VALUES " + ", ".join(
                "(%s, %s, %s)" % (sql_str(d), sql_str(k), sql_str(n)) for d, k, n in days))
        sql("UPDATE work_calendar SET weekdays = %s, hours = %s, first_response_minutes = %s,"
            " resolution_minutes = %s, version = version + 1 WHERE id = 1"
            % (sql_str(row[0]), sql_str(row[1]), row[2], row[3]))


def _calendar_fields(admin, **change):
    page = admin.get("/admin/calendar")
    check_status(page, 200, "calendar form")
    fields = {"_csrf": csrf_of(page.text),
              "version": re.search(r'name="version" value="(\d+)"', page.text).group(1),
              "hours": HOURS, "first_hours": "8", "resolution_hours": "40",
              "holidays": "", "workdays": ""}
    for d in range(1, 6):
        fields["wd%d" % d] = "1"
    fields.update(change)
    return {k: v for k, v in fields.items() if v is not None}


def _save_calendar(admin, **change):
    r = admin.post("/admin/calendar", _calendar_fields(admin, **change))
    check_status(r, 303, "calendar saved %s" % change)
    return r


def _max_audit():
    return int(sql_value("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def test_calendar_form_saves_and_refuses():
    with stored_calendar():
        admin = sign_in("admin")
        audit = _max_audit()
        _save_calendar(admin, hours="13:30～17:30，8:30-12:00", first_hours="7.5",
                       resolution_hours="37.5", wd6="1",
                       holidays="2026-10-01 国庆节\r\n\r\n2026-10-02", workdays="2026-10-10 调休")
        row = sql("SELECT weekdays, hours, first_response_minutes, resolution_minutes, version"
                  " FROM work_calendar WHERE id = 1")[0]
        check(row[:4] == ["123456", HOURS, "450", "2250"], "stored %s" % row)
        days = sql("SELECT day, kind, note FROM work_calendar_days ORDER BY day")
        check(days == [["2026-10-01", "holiday", "国庆节"], ["2026-10-02", "holiday", ""],
                       ["2026-10-10", "workday", "调休"]], "days %s" % days)
        check(sql_value("SELECT detail FROM audit_log WHERE id > %d AND entity = 'work_calendar'"
                        " ORDER BY id DESC LIMIT 1" % audit).endswith(
                            "to weekdays=123456 hours=%s first=450 resolution=2250 holidays=2"
                            " workdays=1" % HOURS), "audited")
        page = admin.get("/admin/calendar").text
        check_in('id="f-wd6" name="wd6" value="1" checked', page, "Saturday ticked")
        check_in("2026-10-01 国庆节", page, "holidays shown as lines")
        check_in('id="calendar-updated"', page, "who changed it last")

        # each bad field: a 422 with the message at the field, nothing stored
        version = row[4]
        cases = (({"wd1": None, "wd2": None, "wd3": None, "wd4": None, "wd5": None}, "weekdays"),
                 ({"hours": ""}, "hours"), ({"hours": "8:30 to 12"}, "hours"),
                 ({"hours": "08:30-12:00 11:00-17:30"}, "hours"), ({"hours": "12:00-08:30"}, "hours"),
                 ({"first_hours": "abc"}, "first_hours"), ({"first_hours": "0"}, "first_hours"),
                 ({"first_hours": ""}, "first_hours"), ({"resolution_hours": "-3"}, "resolution_hours"),
                 ({"resolution_hours": "4"}, "resolution_hours"),
                 ({"holidays": "2026-10-32"}, "holidays"), ({"holidays": "十月一日"}, "holidays"),
                 ({"holidays": "2026-10-01 " + "长" * 33}, "holidays"),
                 ({"workdays": "2026/10/10"}, "workdays"),
                 ({"holidays": "2026-10-10", "workdays": "2026-10-10"}, "workdays"))
        for change, field in cases:
            r = admin.post("/admin/calendar", _calendar_fields(admin, **change))
            check_status(r, 422, "bad %s" % change)
            check_in('id="err-%s"' % field, r.text, "message at %s for %s" % (field, change))
            check_in('id="form-errors"', r.text, "banner for %s" % change)
        check(sql_value("SELECT version FROM work_calendar WHERE id = 1") == version,
              "a rejected form stored nothing")
        # the typed values come back
        r = admin.post("/admin/calendar", _calendar_fields(admin, hours="8:30 to 12"))
        check_in('value="8:30 to 12"', r.text, "what was typed is kept")

        # no CSRF token; another role
        r = admin.post("/admin/calendar", _calendar_fields(admin, _csrf=""))
        check_status(r, 403, "no CSRF")
        staff = sign_in("staff01")
        check_status(staff.get("/admin/calendar"), 403, "staff reads no calendar form")
        fields = _calendar_fields(admin)
        fields["_csrf"] = csrf_of(staff.get("/").text)
        check_status(staff.post("/admin/calendar", fields), 403, "staff saves no calendar")

        # a stale version: 409 with what is stored now, the form kept
        stale = _calendar_fields(admin, hours="09:00-17:00")
        _save_calendar(admin, hours="08:00-12:00 13:00-17:00")
        r = admin.post("/admin/calendar", stale)
        check_status(r, 409, "stale version")
        check_in('id="conflict"', r.text, "conflict shown")
        check_in("08:00-12:00 13:00-17:00", element_text(r.text, "conflict-current"),
                 "the stored hours shown")
        check_in('value="09:00-17:00"', r.text, "the typed hours kept")
        check(sql_value("SELECT hours FROM work_calendar WHERE id = 1") == "08:00-12:00 13:00-17:00",
              "the other save stands")


# -- complaints ------------------------------------------------------------

def _insert(received, step=1, status="open", first=None, resolved=None, region=1,
            first_due=None, waiting=None):
    tn = "%s%08d-%04d" % (PREFIX, random.randint(0, 99999999), random.randint(0, 9999))
    def v(x):
        return sql_str(x) if x else "NULL"
    sql("INSERT INTO complaints (tracking_no, region_id, kind, reason, contact_name,"
        " contact_phone, description, step, status, received_at, first_response_due,"
        " first_response_at, resolved_at, waiting_since, source) VALUES (%s, %d, 'complaint',"
        " 'quality', '时钟测试', '13900000000', '时钟测试', %d, %s, %s, %s, %s, %s, %s, 'web')"
        % (sql_str(tn), region, step, sql_str(status), sql_str(received), v(first_due), v(first),
           v(resolved), v(waiting)))
    cid = int(sql_value("SELECT id FROM complaints WHERE tracking_no = %s" % sql_str(tn)))
    sql("INSERT INTO complaint_handling (complaint_id) VALUES (%d)" % cid)
    return cid


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM complaints WHERE tracking_no LIKE '%s%%'" % PREFIX)]
    if ids:
        idl = ", ".join(ids)
        for t in TABLES:
            sql("DELETE FROM %s WHERE complaint_id IN (%s)" % (t, idl))
        sql("DELETE FROM complaints WHERE id IN (%s)" % idl)


def _backfill():
    """kehu-sla: the clocks of rows written with SQL, as after LOAD DATA;
    run as seed.sh runs it, with the stack's environment (scripts/env.sh)."""
    p = subprocess.run(["bash", "-c", '. "$KEHU_ROOT/scripts/env.sh" && exec "$KEHU_BUILD/kehu-sla"'
                        ' backfill'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=120, env=dict(os.environ, KEHU_ROOT=ROOT, KEHU_BUILD=BUILD))
    check(p.returncode == 0, "kehu-sla failed: %s" % p.stdout.decode("utf-8", "replace"))


def _clock(page, element_id):
    """The text of a clock (spans inside spans: element_text stops early),
    up to the end of its paragraph or card label."""
    m = re.search(r'id="%s"[^>]*>(.*?)(?:</p>|<span class="stat-label")' % element_id, page, re.S)
    check(m, "no %s" % element_id)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())


def _row(cid, cols):
    return sql("SELECT %s FROM complaints WHERE id = %d" % (cols, cid))[0]


def _last_friday(weeks_back=2):
    today = datetime.date.fromisoformat(sql_value("SELECT CURDATE()"))
    d = today - datetime.timedelta(days=(today.isoweekday() - 5) % 7 + 7 * weeks_back)
    return datetime.datetime.combine(d, datetime.time(17, 0))


def test_friday_1700_is_due_monday_and_a_holiday_moves_it():
    with stored_calendar():
        admin = sign_in("admin")
        _save_calendar(admin, first_hours="8", resolution_hours="40")
        friday = _last_friday()
        monday = friday + datetime.timedelta(days=3)
        try:
            cid = _insert(friday.strftime(FMT))
            _backfill()
            due, res_due = _row(cid, "first_response_due, resolution_due")
            # half an hour on Friday, Monday's 7.5 h: Monday at closing time
            check(due == monday.strftime("%Y-%m-%d 17:30:00"), "first response due %s" % due)
            cal = Calendar()
            check(due == cal.add(friday, 8 * 3600).strftime(FMT), "the test's calendar agrees")
            # 0.5 h + a week's 37.5 h + 2 h: the Monday after at 10:30
            check(res_due == (monday + datetime.timedelta(days=7)).strftime("%Y-%m-%d 10:30:00"),
                  "resolution due %s" % res_due)

            # that Monday a holiday: due on Tuesday, same minute
            _save_calendar(admin, holidays=monday.strftime("%Y-%m-%d 测试假日"))
            cid2 = _insert(friday.strftime(FMT))
            _backfill()
            due2 = _row(cid2, "first_response_due")[0]
            check(due2 == (monday + datetime.timedelta(days=1)).strftime("%Y-%m-%d 17:30:00"),
                  "after the holiday %s" % due2)
            check(_row(cid, "first_response_due")[0] == due,
                  "a promise already made does not move")
            # a 调休 Saturday worked: due on that Saturday
            _save_calendar(admin, workdays=(friday + datetime.timedelta(days=1)).strftime(
                "%Y-%m-%d"))
            cid3 = _insert(friday.strftime(FMT))
            _backfill()
            due3 = _row(cid3, "first_response_due")[0]
            check(due3 == (friday + datetime.timedelta(days=1)).strftime("%Y-%m-%d 17:30:00"),
                  "调休 Saturday %s" % due3)
        finally:
            _cleanup()


def test_public_form_complaint_due_in_business_hours():
    """A complaint filed now gets its due times from the calendar in C."""
    from test_complaint_public import file_complaint
    with stored_calendar():
        _save_calendar(sign_in("admin"), first_hours="2", resolution_hours="16")
        cid = file_complaint()[3]
        received, due, res_due = _row(cid, "received_at, first_response_due, resolution_due")
        cal = Calendar()
        check(due == cal.add(_dt(received), 2 * 3600).strftime(FMT),
              "due %s for %s" % (due, received))
        check(res_due == cal.add(_dt(received), 16 * 3600).strftime(FMT),
              "resolution due %s" % res_due)


def _post_step(c, cid, step, fields):
    page = c.get("/complaints/%d" % cid)
    check_status(page, 200, "complaint page")
    f = {"_csrf": csrf_of(page.text), "step": str(step),
         "version": sql_value("SELECT version FROM complaints WHERE id = %d" % cid)}
    f.update(fields)
    r = c.post("/complaints/%d/step" % cid, f)
    check_status(r, 303, "step %d" % step)


def test_waiting_for_the_customer_pauses_both_clocks():
    with stored_calendar():
        _save_calendar(sign_in("admin"), first_hours="8", resolution_hours="40")
        cal = Calendar()
        friday = _last_friday(weeks_back=3)
        received = friday - datetime.timedelta(days=4, hours=7)      # Monday 10:00
        waiting = friday - datetime.timedelta(days=1, hours=1)       # Thursday 16:00
        res_due = cal.add(received, 40 * 3600)
        try:
            cid = _insert(received.strftime(FMT), step=5,
                          first=(received + datetime.timedelta(hours=1)).strftime(FMT),
                          first_due=cal.add(received, 8 * 3600).strftime(FMT),
                          waiting=waiting.strftime(FMT))
            sql("UPDATE complaints SET resolution_due = %s WHERE id = %d"
                % (sql_str(res_due.strftime(FMT)), cid))
            staff = sign_in("staff01")
            page = staff.get("/complaints/%d" % cid).text
            check_in('id="resolution-clock"', page, "the resolution clock shown")
            check_in("等待客户", _clock(page, "resolution-clock"), "shown as paused")
            _post_step(staff, cid, 5, dict(agreed_on="2026-11-22", agreement_terms="退款 100 元",
                                           agreed_how="signed"))
            now = _dt(sql_value("SELECT NOW()"))
            paused, waiting_now, moved = _row(cid, "paused_minutes, waiting_since, resolution_due")
            want = cal.between(waiting, now) // 60
            check(abs(int(paused) - want) <= 1, "paused %s min, computed %d" % (paused, want))
            check(waiting_now == "NULL", "the pause ended")
            check(moved == cal.add(res_due, int(paused) * 60).strftime(FMT),
                  "resolution due moved by the pause: %s" % moved)
            # step 6 resolves it: business minutes less the pause
            _post_step(staff, cid, 6, dict(exec_department="售后服务部", executed_on="2026-11-25",
                                           exec_note="已退款"))
            resolved, bmin = _row(cid, "resolved_at, resolution_bmin")
            want = (cal.between(received, _dt(resolved)) - int(paused) * 60) // 60
            check(abs(int(bmin) - want) <= 1, "resolution %s business min, computed %d"
                  % (bmin, want))
        finally:
            _cleanup()


def test_queue_and_page_show_business_hours():
    with stored_calendar():
        _save_calendar(sign_in("admin"), first_hours="8", resolution_hours="40")
        cal = Calendar()
        friday = _last_friday(weeks_back=1)
        try:
            answered = _insert(friday.strftime(FMT), step=2,
                               first=(friday + datetime.timedelta(days=3, hours=-8)).strftime(FMT))
            _backfill()
            check(_row(answered, "first_response_bmin")[0] == "60",
                  "Friday 17:00 to Monday 09:00 is one business hour")
            staff = sign_in("staff01")
            page = staff.get("/complaints/%d" % answered).text
            check_in("1 工作小时", _clock(page, "sla-clock"), "answered in business hours")
            # an open one due in the future: the hours left and the due time beside them
            now = _dt(sql_value("SELECT NOW()"))
            due = cal.add(now, 30 * 3600)
            open_one = _insert(now.strftime(FMT), first_due=due.strftime(FMT))
            _backfill()
            left = cal.between(now, due) / 3600
            clock = _clock(staff.get("/complaints/%d" % open_one).text, "sla-clock")
            m = re.search(r"剩余 ([0-9.]+) 工作小时", clock)
            check(m and abs(float(m.group(1)) - left) <= 0.1,
                  "hours left %r, computed %.2f" % (clock, left))
            check_in(due.strftime("%m-%d %H:%M"), clock, "the wall-clock due time beside it")
            r = staff.get("/complaints?status=open&sort=oldest")
            check_status(r, 200, "queue")
            en = sign_in("staff02")
            en.post("/account/lang", {"_csrf": csrf_of(en.get("/").text), "lang": "en",
                                      "back": "/"})
            clock_en = _clock(en.get("/complaints/%d" % open_one).text, "sla-clock")
            check_in("working h left", clock_en, "English %r" % clock_en)
            en.post("/account/lang", {"_csrf": csrf_of(en.get("/").text), "lang": "zh-CN",
                                      "back": "/"})
        finally:
            _cleanup()


def _queue_ids(client, query):
    r = client.get("/complaints?" + query)
    check_status(r, 200, "queue " + query)
    return [int(i) for i in re.findall(r'<tr[^>]*data-id="(\d+)"', r.text)]


def _explain(query):
    """(type, key) of the complaints table in the plan of query."""
    rows = sql("EXPLAIN " + query)
    row = next(r for r in rows if r[2] == "c")
    return row[3], row[5]


def test_due_soon_and_overdue_stay_index_reads():
    with stored_calendar():
        _save_calendar(sign_in("admin"), first_hours="8", resolution_hours="40")
        cal = Calendar()
        now = _dt(sql_value("SELECT NOW()"))
        try:
            soon = _insert(now.strftime(FMT), first_due=cal.add(now, 3600).strftime(FMT))
            later = _insert(now.strftime(FMT), first_due=cal.add(now, 3 * 3600).strftime(FMT))
            late = _insert((now - datetime.timedelta(days=3)).strftime(FMT),
                           first_due=(now - datetime.timedelta(minutes=5)).strftime(FMT))
            staff = sign_in("staff01")
            ids = _queue_ids(staff, "due=soon")
            check(soon in ids and later not in ids and late not in ids,
                  "due within 2 working hours: %s (soon %d, later %d, late %d)"
                  % (ids, soon, later, late))
            check(late in _queue_ids(staff, "overdue=1"), "the overdue view")
            page = staff.get("/complaints?due=soon").text
            check_in('id="due-soon" name="due" type="checkbox" value="soon" checked', page,
                     "the filter shown as chosen")
            check_in("due=soon", page, "kept in the page links")
            # both read an index range, never the table
            end = cal.add(now, 2 * 3600).strftime(FMT)
            for where in ("c.first_response_due < NOW()",
                          "c.first_response_due >= NOW() AND c.first_response_due < '%s'" % end):
                kind, key = _explain(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c FORCE INDEX (overdue)"
                    " WHERE c.status = 'open' AND c.first_response_at IS NULL AND %s LIMIT 1001) t"
                    % where)
                check(kind == "range" and key == "overdue", "count %s: %s on %s" % (where, kind, key))
                kind, key = _explain(
                    "SELECT c.id FROM complaints c FORCE INDEX (response_due) WHERE c.status = 'open'"
                    " AND c.first_response_at IS NULL AND %s ORDER BY c.first_response_due, c.id"
                    " LIMIT 21" % where)
                check(kind == "range" and key == "response_due", "page %s: %s on %s" % (where, kind, key))
        finally:
            _cleanup()


def _overview_hours(client, month):
    r = client.get("/complaints/overview?from=%s&to=%s&region=1" % (month, month))
    check_status(r, 200, "overview")
    rows = table_rows(r.text, "t-hours")
    return [[c["text"] for c in row] for row in rows]


def _p(values, q):
    """PERCENTILE_CONT over the histogram's buckets (0.1 h below 10 h, 1 h
    below 100 h, 10 h above: schema/010), as the overview."""
    def bucket(hours):
        t = int(round(hours * 3600)) // 360
        return (t if t < 100 else t // 10 * 10 if t < 1000 else t // 100 * 100) / 10
    vals = sorted(bucket(v) for v in values)
    rank = q * (len(vals) - 1)
    lo = int(rank)
    hi = min(lo + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (rank - lo)


def test_overview_counts_business_hours():
    month = "2019-05"
    with stored_calendar():
        admin = sign_in("admin")
        _save_calendar(admin, first_hours="8", resolution_hours="40")
        cal = Calendar()
        # Friday evening, Monday late morning, Wednesday afternoon of May 2019
        rows = (("2019-05-10 17:00:00", "2019-05-13 09:00:00", "2019-05-14 10:30:00"),
                ("2019-05-13 11:00:00", "2019-05-13 14:00:00", "2019-05-15 11:00:00"),
                ("2019-05-15 16:00:00", "2019-05-16 09:30:00", None))
        try:
            sql("DELETE FROM complaints WHERE tracking_no LIKE '%s%%' OR (received_at >= '2019-05-01'"
                " AND received_at < '2019-06-01' AND region_id = 1 AND tracking_no LIKE 'TSLA%%')"
                % PREFIX)
            for received, first, resolved in rows:
                _insert(received, step=7 if resolved else 3, first=first, resolved=resolved)
            before = _overview_hours(admin, month)
            wall = [(_dt(f) - _dt(r)).total_seconds() / 3600 for r, f, _ in rows]
            check(before[0][1] == "%.1f" % _p(wall, 0.5),
                  "before kehu-sla the rows count wall-clock hours: %s" % before)
            _backfill()
            after = _overview_hours(admin, month)
            first = [cal.between(_dt(r), _dt(f)) / 3600 for r, f, _ in rows]
            res = [cal.between(_dt(r), _dt(x)) / 3600 for r, _, x in rows if x]
            check(first == [1.0, 1.5, 2.5] and res == [10.0, 15.0], "the test's own figures")
            check(after[0][1:] == ["%.1f" % _p(first, 0.5), "%.1f" % _p(first, 0.9)],
                  "first response p50/p90 %s, computed %s" % (after[0], first))
            check(after[1][1:] == ["%.1f" % _p(res, 0.5), "%.1f" % _p(res, 0.9)],
                  "resolution p50/p90 %s, computed %s" % (after[1], res))
            check(statistics.median(first) == 1.5, "median")
            # the export gives the same business hours per complaint
            r = admin.get("/complaints/overview.csv?from=%s&to=%s&region=1" % (month, month))
            check_status(r, 200, "export")
            table = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"), newline="")))
            fcol = next(i for i, h in enumerate(table[0]) if h.startswith("首次响应"))
            rcol = next(i for i, h in enumerate(table[0]) if h.startswith("解决用时"))
            got = sorted((float(row[fcol]), row[rcol]) for row in table[1:]
                         if row[0].startswith(PREFIX))
            check(got == [(1.0, "10.0"), (1.5, "15.0"), (2.5, "")], "export hours %s" % got)
        finally:
            _cleanup()
