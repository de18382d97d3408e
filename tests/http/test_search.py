"""Customer list at work: search (Chinese fragments through the Mroonga
index and through the scan plan for common fragments, code and phone
prefixes, key people), every filter, sorting, page links that keep the
filters, and the regional manager's scope under every filter and sort.

Expected results come from SQL on the same database (LOCATE for name
fragments), so the tests hold for any generated data set."""
import re
import urllib.parse

from lib import (check, check_in, check_status, customer_ids, result_count,
                 sign_in, sql, sql_str, sql_value, table_rows)

PER_PAGE = 20
REGION_COLUMN = 3


def _q(value):
    return urllib.parse.quote(value, safe="")


def _list(client, query):
    r = client.get("/customers?" + query)
    check_status(r, 200, "list ?" + query)
    return r


def _where_q(q):
    """What the search box promises: name contains q, code or phone starts
    with q, or a key person is named q or has a phone starting with q."""
    lit = sql_str(q)
    n = len(q)
    return ("(LOCATE(%(q)s, c.name) > 0 OR LEFT(c.code, %(n)d) = %(q)s"
            " OR LEFT(c.phone, %(n)d) = %(q)s OR c.id IN (SELECT customer_id"
            " FROM customer_contacts WHERE name = %(q)s OR LEFT(phone, %(n)d) = %(q)s))"
            % {"q": lit, "n": n})


def _ids(where, order="c.id DESC", limit=None):
    sql_text = "SELECT c.id FROM customers c WHERE %s ORDER BY %s" % (where, order)
    if limit:
        sql_text += " LIMIT %d" % limit
    return [int(x[0]) for x in sql(sql_text)]


def _count(where):
    return int(sql_value("SELECT COUNT(*) FROM customers c WHERE %s" % where))


def _walk(client, query, limit_pages=60):
    """Every id the list shows for a query, following rel=next."""
    seen, page = [], 1
    while page <= limit_pages:
        r = _list(client, query + "&page=%d" % page)
        ids = customer_ids(r.text)
        seen += ids
        if 'rel="next"' not in r.text or not ids:
            return seen, r
        page += 1
    raise AssertionError("more than %d pages for %s" % (limit_pages, query))


def _fragment(common):
    """A two-character fragment of an active customer's name: one found in
    many names (the scan plan), or in few (the Mroonga lookups)."""
    names = [x[0] for x in sql("SELECT name FROM customers WHERE status = 'active'"
                               " ORDER BY id LIMIT 200")]
    counts = {}
    for name in names:
        for i in range(len(name) - 1):
            frag = name[i:i + 2]
            if all("\u4e00" <= ch <= "\u9fff" for ch in frag):
                counts[frag] = counts.get(frag, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    check(ranked, "no Chinese fragments in the names")
    if common:
        return ranked[0][0]
    # Rare: in at most 2 names of the whole table (well under the 0.5% at
    # which the list switches from the index lookups to the scan plan).
    rare = [f for f, n in ranked if n == 1]
    for frag in rare[len(rare) // 2:] + rare[:len(rare) // 2]:
        if int(sql_value("SELECT COUNT(*) FROM customers WHERE LOCATE(%s, name) > 0" % sql_str(frag))) <= 2:
            return frag
    return ranked[-1][0]


def _check_search_exact(q):
    c = sign_in("staff01")
    where = "c.status = 'active' AND " + _where_q(q)
    expected = _ids(where)
    check(expected, "fragment %r matches nothing in SQL" % q)
    r = _list(c, "q=" + _q(q))
    got_count = result_count(r.text)
    if len(expected) <= 1000:
        check(got_count == len(expected), "search %r: count %d, SQL %d" % (q, got_count, len(expected)))
    # Every page of the list, in order, equals the SQL answer.
    shown, _ = _walk(c, "q=" + _q(q), limit_pages=(len(expected) // PER_PAGE) + 2)
    check(shown == expected, "search %r: list %s... vs SQL %s... (%d vs %d rows)"
          % (q, shown[:5], expected[:5], len(shown), len(expected)))


def test_search_rare_fragment_exact():
    """A fragment in few names: found through the Mroonga bigram index."""
    _check_search_exact(_fragment(common=False))


def test_search_common_fragment_exact():
    """A fragment in many names: found by the scan plan, same answer."""
    _check_search_exact(_fragment(common=True))


def test_search_code_prefix_and_exact():
    c = sign_in("staff01")
    cid, code = sql("SELECT id, code FROM customers WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET 30")[0]
    r = _list(c, "q=" + _q(code))
    check(customer_ids(r.text) == [int(cid)], "code %s lists %s" % (code, customer_ids(r.text)))
    prefix = code[:-1]
    expected = _ids("c.status = 'active' AND " + _where_q(prefix))
    r = _list(c, "q=" + _q(prefix))
    check(result_count(r.text) == len(expected), "code prefix %s: %d vs %d"
          % (prefix, result_count(r.text), len(expected)))
    check(customer_ids(r.text) == expected[:PER_PAGE], "code prefix order")
    check(int(cid) in expected, "prefix result lacks the customer")


def test_search_phone_prefix():
    c = sign_in("staff01")
    phone = sql_value("SELECT phone FROM customers WHERE status = 'active' AND phone LIKE '0%-%'"
                      " ORDER BY id LIMIT 1 OFFSET 5")
    prefix = phone[:phone.index("-") + 3]
    expected = _ids("c.status = 'active' AND " + _where_q(prefix))
    r = _list(c, "q=" + _q(prefix))
    check(result_count(r.text) == len(expected), "phone prefix %r: %d vs %d"
          % (prefix, result_count(r.text), len(expected)))
    check(customer_ids(r.text) == expected[:PER_PAGE], "phone prefix rows")


def test_search_key_person_name_and_phone():
    c = sign_in("staff01")
    cid, name, phone = sql("SELECT k.customer_id, k.name, k.phone FROM customer_contacts k"
                           " JOIN customers c ON c.id = k.customer_id WHERE c.status = 'active'"
                           " ORDER BY k.id LIMIT 1 OFFSET 17")[0]
    r = _list(c, "q=" + _q(name))
    expected = _ids("c.status = 'active' AND " + _where_q(name))
    check(int(cid) in customer_ids(r.text) or int(cid) in expected[PER_PAGE:],
          "key person %s does not find customer %s" % (name, cid))
    check(result_count(r.text) == len(expected), "key person %s: %d vs %d"
          % (name, result_count(r.text), len(expected)))
    r = _list(c, "q=" + _q(phone))
    check(int(cid) in customer_ids(r.text), "key person phone %s does not find customer %s" % (phone, cid))


def test_search_metacharacters_are_text():
    c = sign_in("staff01")
    for q in ['"', "\\", "%", "_", "*", "+-", "()", "' OR 1=1 --", '") OR ("']:
        r = _list(c, "q=" + _q(q))
        expected = _count("c.status = 'active' AND " + _where_q(q))
        check(result_count(r.text) == expected, "search %r: %d vs SQL %d"
              % (q, result_count(r.text), expected))


def _filters():
    """(query, SQL condition) for each filter, with values from the data."""
    region = sql_value("SELECT id FROM regions WHERE code = 'huanan'")
    owner = sql_value("SELECT owner_id FROM customers WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1")
    city = sql_value("SELECT city FROM customers WHERE status = 'active' GROUP BY city ORDER BY COUNT(*) DESC, city LIMIT 1")
    postal = sql_value("SELECT LEFT(postal_code, 2) FROM customers WHERE status = 'active' AND postal_code <> ''"
                       " ORDER BY id LIMIT 1")
    return [
        ("region=%s" % region, "c.region_id = %s" % region),
        ("kind=organisation", "c.kind = 'organisation'"),
        ("stage=loyal", "c.lifecycle = 'loyal'"),
        ("stage=potential", "c.lifecycle = 'potential'"),
        ("class=A", "c.abc_class = 'A'"),
        ("class=C", "c.abc_class = 'C'"),
        ("owner=%s" % owner, "c.owner_id = %s" % owner),
        ("city=" + _q(city), "c.city = %s" % sql_str(city)),
        ("postal=" + postal, "LEFT(c.postal_code, %d) = %s" % (len(postal), sql_str(postal))),
        ("stage=loyal&class=B&region=%s" % region,
         "c.lifecycle = 'loyal' AND c.abc_class = 'B' AND c.region_id = %s" % region),
    ]


def test_each_filter_counts_and_rows():
    c = sign_in("staff01")
    for query, cond in _filters():
        where = "c.status = 'active' AND " + cond
        expected = _ids(where)
        r = _list(c, query)
        check(result_count(r.text) == len(expected), "filter %s: %d vs SQL %d"
              % (query, result_count(r.text), len(expected)))
        check(customer_ids(r.text) == expected[:PER_PAGE], "filter %s: first page differs" % query)


def test_bad_filter_values_ignored():
    c = sign_in("staff01")
    total = _count("c.status = 'active'")
    for query in ("stage=bogus", "class=Z", "class=a%27", "owner=abc", "postal=12a",
                  "sort=name;DROP", "dir=sideways", "region=-1", "archived=2", "page=0"):
        r = _list(c, query)
        check(result_count(r.text) == total, "%s changed the list (%d vs %d)"
              % (query, result_count(r.text), total))


def test_include_archived():
    c = sign_in("staff01")
    archived = _ids("c.status = 'archived'")
    check(archived, "the demo data has no archived customer")
    r = _list(c, "q=" + _q(sql_value("SELECT code FROM customers WHERE id = %d" % archived[0])))
    check(customer_ids(r.text) == [], "archived customer listed without the filter")
    r = _list(c, "archived=1&q=" + _q(sql_value("SELECT code FROM customers WHERE id = %d" % archived[0])))
    check(customer_ids(r.text) == [archived[0]], "archived customer not listed with archived=1")
    r = _list(c, "archived=1")
    check(result_count(r.text) == _count("c.status <> 'merged'"), "archived=1 count")


SORTS = {
    "code": "c.code %s",
    "name": "c.name %s, c.id %s",
    "region": "c.region_id %s, c.id %s",
    "lifecycle": "c.lifecycle %s, c.id %s",
    "class": "c.abc_class %s, c.id %s",
    "purchase": "c.last_purchase_on %s, c.id %s",
}


def _order(key, d):
    spec = SORTS[key]
    return spec % ((d,) * spec.count("%s"))


def test_sorting_orders_rows():
    c = sign_in("staff01")
    for key in SORTS:
        for d in ("asc", "desc"):
            expected = _ids("c.status = 'active'", _order(key, d.upper()), PER_PAGE * 2)
            r = _list(c, "sort=%s&dir=%s" % (key, d))
            check(customer_ids(r.text) == expected[:PER_PAGE], "sort %s %s: first page differs" % (key, d))
            r2 = _list(c, "sort=%s&dir=%s&page=2" % (key, d))
            check(customer_ids(r2.text) == expected[PER_PAGE:], "sort %s %s: page 2 differs" % (key, d))
            check('aria-sort="%s"' % ("ascending" if d == "asc" else "descending") in r.text,
                  "sorted column not marked for %s %s" % (key, d))


def test_sort_with_search_and_filter():
    c = sign_in("staff01")
    frag = _fragment(common=True)
    where = "c.status = 'active' AND c.kind = 'dealer' AND " + _where_q(frag)
    expected = _ids(where, _order("name", "ASC"), PER_PAGE)
    r = _list(c, "q=%s&kind=dealer&sort=name&dir=asc" % _q(frag))
    check(customer_ids(r.text) == expected, "search+filter+sort rows differ")


def test_every_filter_with_every_sort():
    """Filtered lists take other plans (a sort on the filtered column is the
    id order; a small filtered set is read first and sorted): the rows must
    be the same as SQL's order either way."""
    c = sign_in("staff01")
    for query, cond in _filters():
        for key in SORTS:
            for d in ("asc", "desc"):
                expected = _ids("c.status = 'active' AND %s" % cond, _order(key, d.upper()), PER_PAGE)
                r = _list(c, "%s&sort=%s&dir=%s" % (query, key, d))
                check(customer_ids(r.text) == expected, "?%s sorted %s %s: rows differ" % (query, key, d))


def test_regional_manager_sorted_pages():
    """Two regions are read one branch each and merged: pages 1 and 2 of
    every sort, with and without a filter, are SQL's order."""
    c = sign_in("rm_central")
    scope = ("c.status = 'active' AND c.region_id IN"
             " (SELECT id FROM regions WHERE code IN ('huazhong', 'xibei'))")
    for query, cond in (("", "1"), ("kind=dealer", "c.kind = 'dealer'")):
        for key in SORTS:
            for d in ("asc", "desc"):
                expected = _ids("%s AND %s" % (scope, cond), _order(key, d.upper()), PER_PAGE * 2)
                r = _list(c, "%s&sort=%s&dir=%s" % (query, key, d))
                check(customer_ids(r.text) == expected[:PER_PAGE], "rm ?%s %s %s: page 1 differs" % (query, key, d))
                r = _list(c, "%s&sort=%s&dir=%s&page=2" % (query, key, d))
                check(customer_ids(r.text) == expected[PER_PAGE:], "rm ?%s %s %s: page 2 differs" % (query, key, d))


def test_page_links_keep_filters_and_sort():
    c = sign_in("staff01")
    region = sql_value("SELECT id FROM regions WHERE code = 'huadong'")
    query = "kind=dealer&region=%s&sort=purchase&dir=desc" % region
    r = _list(c, query)
    check(result_count(r.text) > PER_PAGE, "need more than a page for this test")
    m = re.search(r'<a [^>]*rel="next"[^>]*href="([^"]*)"', r.text)
    check(m, "no next link")
    href = m.group(1).replace("&amp;", "&")
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)
    for k, v in (("kind", "dealer"), ("region", str(region)), ("sort", "purchase"),
                 ("dir", "desc"), ("page", "2")):
        check(params.get(k) == [v], "next link %s lacks %s=%s" % (href, k, v))
    where = "c.status = 'active' AND c.kind = 'dealer' AND c.region_id = %s" % region
    expected = _ids(where, _order("purchase", "DESC"), PER_PAGE * 2)
    r2 = c.get(href)
    check_status(r2, 200, "following next")
    check(customer_ids(r2.text) == expected[PER_PAGE:], "page 2 via the link differs")
    # Numbered links and the sort links keep the filters too.
    for h in re.findall(r'href="(/customers\?[^"]*)"', r.text):
        h = h.replace("&amp;", "&")
        p = urllib.parse.parse_qs(urllib.parse.urlsplit(h).query)
        if "page" in p or "sort" in p:
            check(p.get("kind") == ["dealer"] and p.get("region") == [str(region)],
                  "link %s drops the filters" % h)
    # The search box form keeps the filters as selected values.
    check(re.search(r'<option value="dealer" selected>', r2.text), "kind not kept in the form")


def test_search_box_and_export_links_carry_query():
    c = sign_in("staff01")
    frag = _fragment(common=False)
    r = _list(c, "q=%s&class=C&sort=name" % _q(frag))
    check_in('value="%s"' % frag, r.text, "query kept in the box")
    for fmt in ("csv", "xlsx"):
        m = re.search(r'href="(/customers/export\.%s\?[^"]*)"' % fmt, r.text)
        check(m, "no %s export link" % fmt)
        p = urllib.parse.parse_qs(urllib.parse.urlsplit(m.group(1).replace("&amp;", "&")).query)
        check(p.get("q") == [frag] and p.get("class") == ["C"] and p.get("sort") == ["name"],
              "%s export link %s lacks the filters" % (fmt, m.group(1)))


def _rm_region():
    rid, name = sql("SELECT id, name_zh FROM regions WHERE code = 'huadong'")[0]
    return int(rid), name


def test_regional_manager_scope_under_filters_and_sorts():
    rm = sign_in("rm_huadong")
    rid, rname = _rm_region()
    own = "c.region_id = %d" % rid
    queries = [(q, cond) for q, cond in _filters()]
    frag = _fragment(common=True)
    queries += [("q=" + _q(frag), _where_q(frag)),
                ("q=" + _q(_fragment(common=False)), _where_q(_fragment(common=False))),
                ("archived=1", None)]
    for key in SORTS:
        for d in ("asc", "desc"):
            queries.append(("sort=%s&dir=%s" % (key, d), "1"))
    for query, cond in queries:
        r = _list(rm, query)
        rows = table_rows(r.text, "customer-list") or []
        bad = [row[REGION_COLUMN]["text"] for row in rows if row[REGION_COLUMN]["text"] != rname]
        check(not bad, "rm_huadong ?%s shows regions %s" % (query, set(bad)))
        ids = customer_ids(r.text)
        if ids:
            outside = sql_value("SELECT COUNT(*) FROM customers WHERE id IN (%s) AND region_id <> %d"
                                % (",".join(map(str, ids)), rid))
            check(outside == "0", "rm_huadong ?%s lists %s foreign customers" % (query, outside))
        if cond is not None:
            expected = _count("c.status = 'active' AND %s AND %s" % (own, cond))
            check(result_count(r.text) == expected, "rm_huadong ?%s: count %d, expected %d"
                  % (query, result_count(r.text), expected))
        else:
            expected = _count("c.status <> 'merged' AND %s" % own)
            check(result_count(r.text) == expected, "rm_huadong ?%s count" % query)


def test_regional_manager_deep_pages_stay_in_scope():
    rm = sign_in("rm_central")
    allowed = {x[0] for x in sql("SELECT name_zh FROM regions WHERE code IN ('huazhong', 'xibei')")}
    for query in ("sort=name&dir=desc", "sort=region&dir=asc", "sort=class&dir=desc"):
        seen, _ = _walk(rm, query)
        expected = _count("c.status = 'active' AND c.region_id IN"
                          " (SELECT id FROM regions WHERE code IN ('huazhong', 'xibei'))")
        check(len(seen) == expected, "rm_central ?%s walked %d rows, expected %d" % (query, len(seen), expected))
        names = {x[0] for x in sql("SELECT DISTINCT r.name_zh FROM customers c JOIN regions r ON r.id = c.region_id"
                                   " WHERE c.id IN (%s)" % ",".join(map(str, seen)))}
        check(names <= allowed, "rm_central ?%s reached %s" % (query, names - allowed))


def test_name_bigrams_follow_create_and_rename_at_once():
    """Chinese texts of two or more ideographs are found through the name
    bigrams (customer_bigrams), written in the same transaction as the
    name: a new or renamed customer is found by the very next search, the
    old name no longer finds it, and a longer text whose first and last
    bigrams occur apart in a name does not match it."""
    from test_customer_file import PREFIX, _cleanup, _create, _edit_fields
    _cleanup()
    c = sign_in("staff01")

    def found(q, cid):
        expected = _ids("c.status = 'active' AND " + _where_q(q))
        r = _list(c, "q=" + _q(q))
        check(customer_ids(r.text) == expected[:PER_PAGE], "search %r: %s vs SQL %s"
              % (q, customer_ids(r.text), expected[:PER_PAGE]))
        check(result_count(r.text) == len(expected), "search %r: count %d, SQL %d"
              % (q, result_count(r.text), len(expected)))
        return cid in expected

    try:
        cid = _create(c, name=PREFIX + "龘靐商靐齉行")
        check(sql_value("SELECT COUNT(*) FROM customer_bigrams WHERE customer_id = %d" % cid)
              == str(len(PREFIX + "龘靐商靐齉行") - 1), "bigram rows of the new customer")
        check(found("龘靐", cid), "new customer not found by a 2-character fragment")
        check(found("龘靐商靐", cid), "new customer not found by a 4-character fragment")
        check(not found("龘靐齉", cid), "first and last bigrams apart matched")
        f = _edit_fields(c, cid)
        f["name"] = PREFIX + "鼆鼊齉行"
        r = c.post("/customers/%d/edit" % cid, f)
        check_status(r, 303, "rename")
        check(found("鼆鼊", cid), "renamed customer not found by its new name at once")
        check(found("鼊齉行", cid), "renamed customer not found by a 3-character fragment")
        check(not found("龘靐", cid), "renamed customer still found by its old name")
        check(sql_value("SELECT COUNT(*) FROM customer_bigrams WHERE customer_id = %d"
                        " AND bigram = '龘靐'" % cid) == "0", "old bigram rows left")
        # Replacing a customer's bigrams reads that customer's rows only
        # (schema/020): a scan of the table locked every row it read and
        # took seconds at a million customers.
        # Each bigram carries the customer's region (schema/022), also
        # after the customer moves to another region.
        def regions_of_bigrams():
            return sql_value("SELECT GROUP_CONCAT(DISTINCT COALESCE(b.region_id, 'NULL'))"
                             " FROM customer_bigrams b WHERE b.customer_id = %d" % cid)
        here = sql_value("SELECT region_id FROM customers WHERE id = %d" % cid)
        check(regions_of_bigrams() == here, "bigram regions %s, customer's %s"
              % (regions_of_bigrams(), here))
        other = sql_value("SELECT id FROM regions WHERE id <> %s ORDER BY id LIMIT 1" % here)
        sql("UPDATE customers SET region_id = %s WHERE id = %d" % (other, cid))
        check(regions_of_bigrams() == other, "bigram regions %s after moving to %s"
              % (regions_of_bigrams(), other))
        check(found("鼆鼊", cid), "moved customer not found")
        r = _list(c, "q=%s&region=%s" % (_q("鼆鼊"), other))
        check(cid in customer_ids(r.text), "moved customer not found in its new region")
        r = _list(c, "q=%s&region=%s" % (_q("鼆鼊"), here))
        check(cid not in customer_ids(r.text), "moved customer still found in its old region")
        plan = sql("EXPLAIN DELETE FROM customer_bigrams WHERE customer_id = %d" % cid)[0]
        check(plan[3] != "ALL" and plan[5] == "customer_id",
              "deleting one customer's bigrams scans the table: %s" % plan)
    finally:
        _cleanup()
