"""The staff home page's reminders: upcoming birthdays of key people and the
user's open next actions from the contact log, region scoping included.
Each test sets up its rows with the SQL helper and restores them afterwards.
The birthday tests assume the demo data's size (a salesperson has fewer
than 15 key people with a birthday in the next days)."""
import re
import secrets

from lib import check, check_in, check_not_in, check_status, sign_in, sql, sql_str, sql_value, user_id


def _table(html_text, table_id):
    """The HTML of <table id=table_id> ('' when the page has none)."""
    m = re.search(r'<table[^>]*\bid="%s"[^>]*>(.*?)</table>' % table_id, html_text, re.S)
    return m.group(1) if m else ""


def _row_ids(html_text, table_id):
    return [int(x) for x in re.findall(r'<tr[^>]*\bdata-id="(\d+)"', _table(html_text, table_id))]


def _row_html(html_text, table_id, row_id):
    m = re.search(r'<tr[^>]*\bdata-id="%d".*?</tr>' % row_id, _table(html_text, table_id), re.S)
    return m.group(0) if m else ""


def _home(user):
    r = sign_in(user).get("/")
    check_status(r, 200, "home page of " + user)
    return r


def _set_birthdays(changes):
    """{contact id: days from today}; returns the old birthdays to restore."""
    ids = ",".join(str(i) for i in changes)
    old = dict((int(i), b) for i, b in sql(
        "SELECT id, COALESCE(birthday, 'NULL') FROM customer_contacts WHERE id IN (%s)" % ids))
    for cid, days in changes.items():
        # born 40 years ago: any birth year works, the month and day count
        sql("UPDATE customer_contacts SET birthday = CURDATE() - INTERVAL 40 YEAR"
            " + INTERVAL %d DAY WHERE id = %d" % (days, cid))
    return old


def _restore_birthdays(old):
    for cid, b in old.items():
        sql("UPDATE customer_contacts SET birthday = %s WHERE id = %d"
            % ("NULL" if b == "NULL" else "'%s'" % b, cid))


def _key_people(where, n):
    """n key people of n different active customers matching where (c.*)."""
    rows = sql("SELECT MIN(k.id), c.id FROM customer_contacts k JOIN customers c ON c.id = k.customer_id"
               " WHERE c.status = 'active' AND %s GROUP BY c.id ORDER BY c.id LIMIT %d" % (where, n))
    check(len(rows) == n, "need %d customers with key people where %s, found %d" % (n, where, len(rows)))
    return [(int(k), int(c)) for k, c in rows]


def test_birthday_in_5_days_listed_40_days_not():
    uid = user_id("staff01")
    (near, near_cust), (far, _) = _key_people("c.owner_id = %d" % uid, 2)
    old = _set_birthdays({near: 5, far: 40})
    try:
        r = _home("staff01")
        ids = _row_ids(r.text, "birthdays")
        check(near in ids, "key person %d (birthday in 5 days, own customer) not in the list %s" % (near, ids))
        check(far not in ids, "key person %d (birthday in 40 days) listed" % far)
        row = _row_html(r.text, "birthdays", near)
        check_in('href="/customers/%d"' % near_cust, row, "link to the customer")
        check_in("5 天后", row, "days to go")
        name = sql_value("SELECT name FROM customer_contacts WHERE id = %d" % near)
        check_in(name, row, "the key person's name")
        check_in("我负责", row, "own customer marked")
        # own customers first: once a row is not the user's, none after it is
        mine = ["我负责" in _row_html(r.text, "birthdays", i) for i in ids]
        check(mine == sorted(mine, reverse=True), "own customers not first: %s" % mine)
    finally:
        _restore_birthdays(old)


def test_birthdays_of_other_owners_listed_for_staff():
    # staff may see every customer: another salesperson's key person shows too
    # (with its owner), when the own ones leave room
    uid = user_id("staff01")
    ((kid, _),) = _key_people("c.owner_id <> %d AND c.owner_id IS NOT NULL" % uid, 1)
    old = _set_birthdays({kid: 0})
    try:
        own_today = int(sql_value(
            "SELECT COUNT(*) FROM customer_contacts k JOIN customers c ON c.id = k.customer_id"
            " WHERE c.owner_id = %d AND c.status = 'active' AND k.birthday_md BETWEEN"
            " MONTH(CURDATE()) * 100 + DAY(CURDATE()) AND MONTH(CURDATE() + INTERVAL 30 DAY) * 100"
            " + DAY(CURDATE() + INTERVAL 30 DAY)" % uid))
        if own_today >= 15:
            return   # the list is full of own customers: nothing to check here
        r = _home("staff01")
        check(kid in _row_ids(r.text, "birthdays"), "another owner's key person (birthday today) missing")
        check_in("今天", _row_html(r.text, "birthdays", kid), "birthday today")
    finally:
        _restore_birthdays(old)


def _region_where(rm, inside):
    return ("c.region_id %s (SELECT region_id FROM user_regions WHERE user_id = %d)"
            % ("IN" if inside else "NOT IN", user_id(rm)))


def test_regional_manager_sees_only_own_region_birthdays():
    rm = "rm_huadong"
    ((inside, _),) = _key_people(_region_where(rm, True), 1)
    ((outside, _),) = _key_people(_region_where(rm, False), 1)
    old = _set_birthdays({inside: 1, outside: 1})
    try:
        r = _home(rm)
        ids = _row_ids(r.text, "birthdays")
        check(outside not in ids, "key person %d of another region listed for %s" % (outside, rm))
        check(inside in ids, "key person %d of the manager's own region missing: %s" % (inside, ids))
        bad = sql("SELECT k.id FROM customer_contacts k JOIN customers c ON c.id = k.customer_id"
                  " WHERE k.id IN (%s) AND NOT %s" % (",".join(str(i) for i in ids),
                                                       _region_where(rm, True)))
        check(not bad, "birthdays of other regions shown to %s: %s" % (rm, bad))
    finally:
        _restore_birthdays(old)


def _overdue_count(html_text):
    m = re.search(r'id="overdue-count"[^>]*><span class="stat-value">(\d+)', html_text)
    check(m, "no overdue count on the home page")
    return int(m.group(1))


def _add_action(customer_id, staff, text, due_days, done=0):
    sql("INSERT INTO contact_log (customer_id, channel, contacted_on, staff_id, people, heard,"
        " next_action, next_due, done) VALUES (%d, 'visit', CURDATE() - INTERVAL 20 DAY, %d, %s, %s,"
        " %s, CURDATE() + INTERVAL %d DAY, %d)"
        % (customer_id, user_id(staff), sql_str("测试联系人"), sql_str("测试：听到的情况"),
           sql_str(text), due_days, done))
    return int(sql_value("SELECT MAX(id) FROM contact_log WHERE next_action = %s" % sql_str(text)))


def _remove_actions(ids):
    if ids:
        sql("DELETE FROM contact_log WHERE id IN (%s)" % ",".join(str(i) for i in ids))


def test_overdue_actions_of_the_user_only():
    tag = secrets.token_hex(4)
    ((_, cust),) = _key_people("1 = 1", 1)
    added = []
    try:
        # due yesterday: the most recently overdue come first, so it is listed
        # whatever else is overdue
        overdue = _add_action(cust, "staff01", "逾期未办 %s <i>x</i>" % tag, -1)
        added.append(overdue)
        done = _add_action(cust, "staff01", "逾期已办 %s" % tag, -1, done=1)
        added.append(done)
        others = _add_action(cust, "staff02", "他人事项 %s" % tag, -1)
        added.append(others)
        soon = _add_action(cust, "staff01", "三天后到期 %s" % tag, 3)
        added.append(soon)
        later = _add_action(cust, "staff01", "十天后到期 %s" % tag, 10)
        added.append(later)
        r = _home("staff01")
        ids = _row_ids(r.text, "actions")
        check(overdue in ids, "the user's overdue undone action %d missing: %s" % (overdue, ids))
        check(done not in ids, "a done action is listed")
        check(others not in ids, "another user's action is listed")
        check(soon in ids, "an action due in 3 days is missing")
        check(later not in ids, "an action due in 10 days is listed")
        check(ids.index(overdue) < ids.index(soon), "overdue actions should come first")
        row = _row_html(r.text, "actions", overdue)
        check_in('href="/customers/%d"' % cust, row, "link to the customer")
        check_in("逾期 1 天", row, "how long overdue")
        check_in("&lt;i&gt;x&lt;/i&gt;", row, "markup in the next action escaped")
        check_not_in("<i>x</i>", r.text, "markup in the next action")
        check(_overdue_count(r.text) >= 1, "overdue count")
        # the other user sees theirs, not staff01's
        ids2 = _row_ids(_home("staff02").text, "actions")
        check(others in ids2 and overdue not in ids2, "staff02's list: %s" % ids2)
    finally:
        _remove_actions(added)


def test_regional_manager_never_sees_action_of_another_region():
    rm = "rm_huadong"
    tag = secrets.token_hex(4)
    ((_, inside),) = _key_people(_region_where(rm, True), 1)
    ((_, outside),) = _key_people(_region_where(rm, False), 1)
    added = []
    before = _overdue_count(_home(rm).text)
    try:
        a_in = _add_action(inside, rm, "本区域事项 %s" % tag, -1)
        added.append(a_in)
        a_out = _add_action(outside, rm, "外区域事项 %s" % tag, -1)
        added.append(a_out)
        r = _home(rm)
        ids = _row_ids(r.text, "actions")
        check(a_in in ids, "the manager's action in their region is missing: %s" % ids)
        check(a_out not in ids, "an action on a customer of another region is listed")
        check_not_in("外区域事项 %s" % tag, r.text, "another region's action text")
        count = _overdue_count(r.text)
        check(count == before + 1, "overdue count went from %d to %d, expected one more"
              " (the other region's not counted)" % (before, count))
    finally:
        _remove_actions(added)


def test_home_in_english():
    c = sign_in("staff01")
    r = c.get("/")
    csrf = re.search(r'name="_csrf" value="([^"]*)"', r.text).group(1)
    c.post("/account/lang", {"_csrf": csrf, "lang": "en", "back": "/"})
    try:
        r = c.get("/")
        check_status(r, 200, "home in English")
        check_in("Upcoming birthdays", r.text, "birthdays heading")
        check_in("Follow-ups", r.text, "actions heading")
    finally:
        c.post("/account/lang", {"_csrf": csrf, "lang": "zh-CN", "back": "/"})


def test_birthday_list_matches_the_database():
    # the whole list, for a salesperson, a manager of two regions and the
    # admin: own customers first, then by date, as a plain query orders them
    window = ("k.birthday_md BETWEEN MONTH(CURDATE()) * 100 + DAY(CURDATE()) AND"
              " MONTH(CURDATE() + INTERVAL 30 DAY) * 100 + DAY(CURDATE() + INTERVAL 30 DAY)")
    if sql_value("SELECT MONTH(CURDATE() + INTERVAL 30 DAY) < MONTH(CURDATE())") == "1":
        window = ("(k.birthday_md >= MONTH(CURDATE()) * 100 + DAY(CURDATE()) OR k.birthday_md <="
                  " MONTH(CURDATE() + INTERVAL 30 DAY) * 100 + DAY(CURDATE() + INTERVAL 30 DAY))")
        order = "k.birthday_md < MONTH(CURDATE()) * 100 + DAY(CURDATE()), "
    else:
        order = ""
    for user in ("staff01", "rm_central", "admin"):
        uid = user_id(user)
        scope = ""
        if user.startswith("rm_"):
            scope = " AND " + _region_where(user, True)
        want = [int(r[0]) for r in sql(
            "SELECT k.id FROM customer_contacts k JOIN customers c ON c.id = k.customer_id"
            " WHERE c.status = 'active' AND %s%s ORDER BY (c.owner_id <=> %d) DESC, %s"
            " k.birthday_md, k.customer_id, k.id LIMIT 15" % (window, scope, uid, order))]
        got = _row_ids(_home(user).text, "birthdays")
        check(got == want, "%s: birthdays %s, the database says %s" % (user, got, want))


def _open_complaints_shown(client):
    m = re.search(r'<span class="stat-value">(\d+)</span><span class="stat-label">[^<]*投诉', client.get("/").text)
    check(m, "open complaints figure on the home page")
    return int(m.group(1))


def test_open_complaints_figure_matches_the_register():
    """The figure comes from the monthly summary kept by triggers: it must
    follow a new complaint, a closed one, and a manager's scope."""
    staff = sign_in("staff01")
    expected = int(sql_value("SELECT COUNT(*) FROM complaints WHERE status = 'open'"))
    check(_open_complaints_shown(staff) == expected, "staff: open complaints")
    rm = sign_in("rm_huadong")
    rm_expected = int(sql_value(
        "SELECT COUNT(*) FROM complaints c JOIN user_regions ur ON ur.region_id = c.region_id"
        " AND ur.user_id = (SELECT id FROM users WHERE username = 'rm_huadong') WHERE c.status = 'open'"))
    check(_open_complaints_shown(rm) == rm_expected, "rm_huadong: open complaints of the region")
    cid = sql_value("SELECT id FROM complaints WHERE status = 'open' ORDER BY id LIMIT 1")
    sql("UPDATE complaints SET status = 'closed', closed_at = NOW() WHERE id = %s" % cid)
    try:
        check(_open_complaints_shown(staff) == expected - 1, "a closed complaint leaves the figure")
    finally:
        sql("UPDATE complaints SET status = 'open', closed_at = NULL WHERE id = %s" % cid)
    check(_open_complaints_shown(staff) == expected, "reopened: back in the figure")


def test_every_home_card_is_a_link():
    """Issue 14: the four figures at the top all lead somewhere."""
    r = _home("staff01")
    stats = re.search(r'<div class="stats">(.*?)</div>\s*(?:<|$)', r.text, re.S)
    check(stats, "the figures are on the page")
    cards = re.findall(r'<(a|div) class="stat[^"]*"(?: href="([^"]*)")?', stats.group(1))
    check(len(cards) == 4, "four cards: %r" % cards)
    check(all(tag == "a" and href for tag, href in cards), "every card is a link: %r" % cards)
    me = sql_value("SELECT id FROM users WHERE username = 'staff01'")
    check(("a", "/customers?owner=%s" % me) in cards, "my customers lead to my list: %r" % cards)


def test_menu_marks_every_page_of_a_group():
    """Every page of a group marks its menu entry (on a phone the menu
    scrolls to it), also pages whose handler names no section."""
    pid = sql_value("SELECT MIN(id) FROM support_plans")
    cases = [("admin", "/admin/users", "/admin"), ("admin", "/admin/products", "/admin"),
             ("admin", "/admin/regions", "/admin"), ("admin", "/", "/"),
             ("staff01", "/customers/new", "/customers"), ("staff01", "/complaints/new", "/complaints"),
             ("staff01", "/complaints/overview", "/complaints"), ("staff01", "/plans/budget", "/plans"),
             ("staff01", "/plans/%s" % pid, "/plans"), ("admin", "/dashboard/settings", "/dashboard")]
    clients = {}
    for user, path, href in cases:
        c = clients.get(user) or clients.setdefault(user, sign_in(user))
        r = c.get(path)
        check_status(r, 200, path)
        active = re.findall(r'<a href="([^"]*)" class="active" aria-current="page">', r.text)
        check(active == [href], "%s as %s: active menu entries %r, want %r" % (path, user, active, href))
