"""Home page, customer list (search, filters, paging), customer detail and
the regional managers' scope."""
import math
import re

from lib import (MSG_NOT_FOUND, Client, check, check_in, check_status,
                 customer_ids, element_text, result_count, sign_in, sql,
                 sql_str, sql_value, table_rows)

PER_PAGE = 20
REGION_COLUMN = 3          # name, code, kind, region, ...


def _region(code):
    """(id, name_zh) of a region by code."""
    rid, name = sql("SELECT id, name_zh FROM regions WHERE code = %s" % sql_str(code))[0]
    return int(rid), name


def _active_count(where="1"):
    return int(sql_value("SELECT COUNT(*) FROM customers c WHERE c.status = 'active' AND (%s)" % where))


def _search_where(q):
    """SQL condition matching what the list's search promises: a name
    fragment, a code prefix, a phone prefix, or a key person's exact name
    or phone prefix (all literal, no wildcards)."""
    lit = sql_str(q)
    n = len(q)
    return ("(LOCATE(%(q)s, c.name) > 0 OR LEFT(c.code, %(n)d) = %(q)s OR LEFT(c.phone, %(n)d) = %(q)s"
            " OR c.id IN (SELECT customer_id FROM customer_contacts"
            " WHERE name = %(q)s OR LEFT(phone, %(n)d) = %(q)s))" % {"q": lit, "n": n})


def _list(client, query=""):
    r = client.get("/customers" + query)
    check_status(r, 200, "list " + query)
    return r


def _region_cells(text):
    rows = table_rows(text, "customer-list") or []
    return [row[REGION_COLUMN]["text"] for row in rows]


def test_home_greets_and_counts():
    c = sign_in("staff01")
    r = c.get("/")
    check_status(r, 200)
    name = sql_value("SELECT display_name FROM users WHERE username = 'staff01'")
    check_in(name, r.text, "display name on the home page")
    values = re.findall(r'<span class="stat-value">\s*(\d+)\s*</span>', r.text)
    check(values, "no counts on the home page")
    check(int(values[0]) == _active_count(),
          "home shows %s customers, database has %d active" % (values[0], _active_count()))
    check_in('id="home-q"', r.text, "search box on the home page")


def test_home_counts_for_regional_manager():
    c = sign_in("rm_huadong")
    r = c.get("/")
    check_status(r, 200)
    rid, _ = _region("huadong")
    expected = _active_count("c.region_id = %d" % rid)
    values = re.findall(r'<span class="stat-value">\s*(\d+)\s*</span>', r.text)
    check(values and int(values[0]) == expected,
          "rm_huadong home count %s, expected %d" % (values[:1], expected))


def test_list_first_page():
    c = sign_in("staff01")
    r = _list(c)
    total = _active_count()
    check(result_count(r.text) == total, "result count %d, database %d" % (result_count(r.text), total))
    ids = customer_ids(r.text)
    check(len(ids) == PER_PAGE, "expected %d rows, got %d" % (PER_PAGE, len(ids)))
    check(len(set(ids)) == len(ids), "duplicate rows: %s" % ids)
    newest = [int(x[0]) for x in sql("SELECT id FROM customers WHERE status = 'active' ORDER BY id DESC LIMIT 20")]
    check(ids == newest, "first page is not the 20 newest active customers: %s vs %s" % (ids, newest))
    check(re.search(r'<a [^>]*rel="next"[^>]*href="[^"]*page=2"', r.text),
          'no rel="next" link to page 2')
    check('rel="prev"' not in r.text, "page 1 has a previous-page link")


def test_list_paging_to_the_end():
    c = sign_in("staff01")
    total = _active_count()
    pages = math.ceil(total / PER_PAGE)
    p1 = customer_ids(_list(c, "?page=1").text)
    p2 = customer_ids(_list(c, "?page=2").text)
    check(len(p2) == PER_PAGE and not set(p1) & set(p2), "page 2 overlaps page 1 or is short")
    check(min(p1) > max(p2), "page 2 is not after page 1 in id order")
    last = _list(c, "?page=%d" % pages)
    rows = customer_ids(last.text)
    check(len(rows) == total - PER_PAGE * (pages - 1),
          "last page (%d) has %d rows, expected %d" % (pages, len(rows), total - PER_PAGE * (pages - 1)))
    check('rel="next"' not in last.text, "last page has a next link")
    check('rel="prev"' in last.text, "last page has no prev link")
    beyond = _list(c, "?page=%d" % (pages + 5))
    check(customer_ids(beyond.text) == [], "a page past the end lists rows")


def test_list_rows_link_to_detail():
    c = sign_in("staff01")
    r = _list(c)
    rows = table_rows(r.text, "customer-list")
    check(rows, "no customer-list table")
    for row in rows:
        links = [h for cell in row for h in cell["hrefs"]]
        check(any(re.match(r"^/customers/[1-9]\d*$", h) for h in links),
              "row without a /customers/<id> link: %s" % [x["text"] for x in row])
    first = customer_ids(r.text)[0]
    name = sql_value("SELECT name FROM customers WHERE id = %d" % first)
    # The name is the first column: the one a wide table keeps in view
    # (followed by the sleep and watch tags of issue 17, when any).
    check(rows[0][0]["text"].startswith(name), "first row's first cell is %r, the name is %r"
          % (rows[0][0]["text"], name))


def test_search_chinese_fragment():
    c = sign_in("staff01")
    name = sql_value("SELECT name FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 7")
    frag = name[2:4]
    r = _list(c, "?q=" + "".join("%%%02X" % b for b in frag.encode()))
    expected = _active_count(_search_where(frag))
    got = result_count(r.text)
    check(got == expected, "search %r: %d results, database says %d" % (frag, got, expected))
    check(got >= 1, "search %r found nothing" % frag)
    names = [row[0]["text"] for row in table_rows(r.text, "customer-list")]
    check(len(names) == min(got, PER_PAGE), "rows %d vs count %d" % (len(names), got))
    # The search box keeps the query.
    check_in('value="%s"' % frag, r.text, "query kept in the search box")


def test_search_full_name_finds_customer():
    c = sign_in("staff01")
    cid, name = sql("SELECT id, name FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 42")[0]
    r = _list(c, "?q=" + "".join("%%%02X" % b for b in name.encode()))
    check(int(cid) in customer_ids(r.text), "searching %r does not list customer %s" % (name, cid))


def test_search_by_code_and_phone():
    c = sign_in("staff01")
    cid, code, phone = sql("SELECT id, code, phone FROM customers WHERE status = 'active'"
                           " AND phone <> '' ORDER BY id LIMIT 1 OFFSET 11")[0]
    r = _list(c, "?q=" + code)
    check(customer_ids(r.text) == [int(cid)], "code %s lists %s" % (code, customer_ids(r.text)))
    prefix = phone[:8]
    r = _list(c, "?q=" + prefix.replace("+", "%2B").replace(" ", "+"))
    expected = _active_count(_search_where(prefix))
    check(result_count(r.text) == expected,
          "phone prefix %r: %d results, database %d" % (prefix, result_count(r.text), expected))


def test_search_nothing_found():
    c = sign_in("staff01")
    r = _list(c, "?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%AE%A2%E6%88%B7XYZ")
    check(result_count(r.text) == 0, "nonsense search found rows")
    check_in('id="no-results"', r.text, "empty-result message")
    check(table_rows(r.text, "customer-list") is None, "table shown for no results")


def test_filter_region_and_kind():
    c = sign_in("staff01")
    rid, rname = _region("huabei")
    r = _list(c, "?region=%d" % rid)
    expected = _active_count("c.region_id = %d" % rid)
    check(result_count(r.text) == expected, "region filter: %d vs %d" % (result_count(r.text), expected))
    cells = _region_cells(r.text)
    check(cells and all(x == rname for x in cells), "region filter shows other regions: %s" % set(cells))
    r = _list(c, "?kind=dealer")
    expected = _active_count("c.kind = 'dealer'")
    check(result_count(r.text) == expected, "kind filter: %d vs %d" % (result_count(r.text), expected))
    r = _list(c, "?kind=dealer&region=%d" % rid)
    expected = _active_count("c.kind = 'dealer' AND c.region_id = %d" % rid)
    check(result_count(r.text) == expected, "kind+region: %d vs %d" % (result_count(r.text), expected))
    # An unknown kind is ignored, not an error.
    r = _list(c, "?kind=bogus")
    check(result_count(r.text) == _active_count(), "unknown kind filtered the list")


def test_detail_page():
    c = sign_in("staff01")
    cid, name = sql("SELECT c.id, c.name FROM customers c WHERE c.status = 'active' AND"
                    " EXISTS (SELECT 1 FROM customer_contacts k WHERE k.customer_id = c.id)"
                    " ORDER BY c.id LIMIT 1 OFFSET 3")[0]
    r = c.get("/customers/%s" % cid)
    check_status(r, 200)
    check(element_text(r.text, "customer-name") == name,
          "heading %r, expected %r" % (element_text(r.text, "customer-name"), name))
    people = table_rows(r.text, "key-people")
    check(people is not None, "no key-people table for a customer with contacts")
    expected = [x[0] for x in sql("SELECT name FROM customer_contacts WHERE customer_id = %s" % cid)]
    shown = sorted(row[0]["text"] for row in people)
    check(shown == sorted(expected), "key people %s, database %s" % (shown, expected))
    code = sql_value("SELECT code FROM customers WHERE id = %s" % cid)
    check_in(code, r.text, "customer code on the detail page")


def test_detail_unknown_id_404():
    c = sign_in("staff01")
    for path in ("/customers/99999999", "/customers/999999999999999999"):
        r = c.get(path)
        check_status(r, 404, path)
        check_in(MSG_NOT_FOUND, r.text, "not-found message for " + path)
        check_in('<p class="error-code">404</p>', r.text, "error page for " + path)


def test_regional_manager_cannot_open_other_region():
    cid = int(sql_value("SELECT c.id FROM customers c JOIN regions r ON r.id = c.region_id"
                        " WHERE r.code = 'huabei' AND c.status = 'active' ORDER BY c.id LIMIT 1"))
    rm = sign_in("rm_huadong")
    r = rm.get("/customers/%d" % cid)
    check_status(r, 404, "rm_huadong opening a 华北 customer")
    check_in(MSG_NOT_FOUND, r.text, "scope message")
    staff = sign_in("staff01")
    check_status(staff.get("/customers/%d" % cid), 200, "staff01 opening the same customer")
    own = int(sql_value("SELECT c.id FROM customers c JOIN regions r ON r.id = c.region_id"
                        " WHERE r.code = 'huadong' AND c.status = 'active' ORDER BY c.id LIMIT 1"))
    check_status(rm.get("/customers/%d" % own), 200, "rm_huadong opening a 华东 customer")


def test_regional_manager_scope_follows_region_assignment():
    """The session reads a manager's regions from users.region_list (kept by
    triggers on user_regions, schema/019): a region given or taken away
    counts from the manager's next request, in the same session."""
    cid = int(sql_value("SELECT c.id FROM customers c JOIN regions r ON r.id = c.region_id"
                        " WHERE r.code = 'huabei' AND c.status = 'active' ORDER BY c.id LIMIT 1"))
    uid = int(sql_value("SELECT id FROM users WHERE username = 'rm_huadong'"))
    rid = int(sql_value("SELECT id FROM regions WHERE code = 'huabei'"))
    own = int(sql_value("SELECT id FROM regions WHERE code = 'huadong'"))
    rm = sign_in("rm_huadong")
    check_status(rm.get("/customers/%d" % cid), 404, "before 华北 is assigned")
    try:
        sql("INSERT INTO user_regions (user_id, region_id) VALUES (%d, %d)" % (uid, rid))
        want = ",".join(str(x) for x in sorted((own, rid)))
        got = sql_value("SELECT region_list FROM users WHERE id = %d" % uid)
        check(got == want, "region_list after insert: %r, expected %r" % (got, want))
        check_status(rm.get("/customers/%d" % cid), 200, "after 华北 is assigned")
    finally:
        sql("DELETE FROM user_regions WHERE user_id = %d AND region_id = %d" % (uid, rid))
    got = sql_value("SELECT region_list FROM users WHERE id = %d" % uid)
    check(got == str(own), "region_list after delete: %r, expected %r" % (got, str(own)))
    check_status(rm.get("/customers/%d" % cid), 404, "after 华北 is taken away")
    # Every user's list matches user_regions.
    bad = sql_value("SELECT COUNT(*) FROM users u WHERE u.region_list <> COALESCE((SELECT"
                    " GROUP_CONCAT(region_id ORDER BY region_id) FROM user_regions ur"
                    " WHERE ur.user_id = u.id), '')")
    check(bad == "0", "%s users' region_list differs from user_regions" % bad)


def test_regional_manager_list_only_own_region():
    rm = sign_in("rm_huadong")
    rid, rname = _region("huadong")
    expected = _active_count("c.region_id = %d" % rid)
    total = None
    seen = []
    page = 1
    while True:
        r = _list(rm, "?page=%d" % page)
        if total is None:
            total = result_count(r.text)
            check(total == expected, "rm_huadong sees %d customers, expected %d" % (total, expected))
        cells = _region_cells(r.text)
        bad = [x for x in cells if x != rname]
        check(not bad, "rm_huadong list page %d shows regions %s" % (page, set(bad)))
        ids = customer_ids(r.text)
        seen += ids
        if 'rel="next"' not in r.text or not ids:
            break
        page += 1
    check(len(seen) == expected, "walked %d rows over %d pages, expected %d" % (len(seen), page, expected))
    outside = sql_value("SELECT COUNT(*) FROM customers WHERE id IN (%s) AND region_id <> %d"
                        % (",".join(map(str, seen)), rid))
    check(outside == "0", "%s listed customers are outside 华东" % outside)


def test_regional_manager_filters_cannot_widen_scope():
    rm = sign_in("rm_huadong")
    rid, _ = _region("huabei")
    r = _list(rm, "?region=%d" % rid)
    check(result_count(r.text) == 0, "rm_huadong filtering on 华北 sees %d rows" % result_count(r.text))
    code = sql_value("SELECT c.code FROM customers c JOIN regions r ON r.id = c.region_id"
                     " WHERE r.code = 'huabei' AND c.status = 'active' ORDER BY c.id LIMIT 1")
    r = _list(rm, "?q=" + code)
    check(result_count(r.text) == 0, "rm_huadong finds 华北 customer %s by code" % code)
    # The region menu offers only the manager's own region.
    menu = re.search(r'<select id="region".*?</select>', r.text, re.S)
    check(menu, "no region menu")
    options = re.findall(r'<option value="(\d+)"', menu.group(0))
    own, _ = _region("huadong")
    check(set(options) - {"0"} == {str(own)}, "region menu offers %s" % options)


def test_regional_manager_two_regions():
    rm = sign_in("rm_central")
    names = [x[0] for x in sql("SELECT name_zh FROM regions WHERE code IN ('huazhong', 'xibei')")]
    expected = _active_count("c.region_id IN (SELECT id FROM regions WHERE code IN ('huazhong', 'xibei'))")
    r = _list(rm)
    check(result_count(r.text) == expected, "rm_central sees %d, expected %d" % (result_count(r.text), expected))
    cells = set(_region_cells(r.text))
    check(cells and cells <= set(names), "rm_central list shows regions %s" % cells)
    other = int(sql_value("SELECT c.id FROM customers c JOIN regions r ON r.id = c.region_id"
                          " WHERE r.code = 'dongbei' ORDER BY c.id LIMIT 1"))
    check_status(rm.get("/customers/%d" % other), 404, "rm_central opening a 东北 customer")


def test_anonymous_list_redirects():
    r = Client().get("/customers")
    check_status(r, 303)
    check(r.location.endswith("/login?next=%2Fcustomers"), "Location %r" % r.location)
