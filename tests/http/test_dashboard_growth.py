"""The dashboard's "fastest and slowest growing" lists (issue 14): the
fastest list holds only dealers that grew, the slowest list the lowest
growth (declines included) among the dealers not already in the fastest
list, and dealers without last year's sales (no growth figure) are in
neither but counted in a note.

The smallest region's active dealers are archived for the test and
replaced by dealers with known sales, so that fewer than ten grew and the
region has fewer than twenty dealers; everything is put back afterwards."""
import re

from lib import check, check_status, element_text, sign_in, sql, sql_str, sql_value, table_rows


def _region_with_fewest_dealers():
    return int(sql_value(
        "SELECT r.id FROM regions r LEFT JOIN customers c ON c.region_id = r.id"
        " AND c.kind = 'dealer' AND c.status = 'active' GROUP BY r.id"
        " ORDER BY COUNT(c.id), r.id LIMIT 1"))


def _dealer(region, tag, ly, ytd):
    """A dealer of region with last year's same-period sales ly and this
    year's ytd (None: no order that year)."""
    code = "TGRW%s%d" % (tag, int(sql_value("SELECT COALESCE(MAX(id), 0) + 1 FROM customers")))
    sql("INSERT INTO customers (code, name, kind, region_id, lifecycle, abc_class) VALUES"
        " (%s, %s, 'dealer', %d, 'loyal', 'B')" % (sql_str(code), sql_str("增长测试" + code), region))
    cid = int(sql_value("SELECT id FROM customers WHERE code = %s" % sql_str(code)))
    for suffix, when, amount in (("L", "CURDATE() - INTERVAL 1 YEAR", ly), ("T", "CURDATE()", ytd)):
        if amount is None:
            continue
        sql("INSERT INTO orders (order_no, customer_id, ordered_on, total) VALUES"
            " (%s, %d, %s, %d)" % (sql_str(code + suffix), cid, when, amount))
        sql("INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
            " SELECT id, 1, 1, %d, %d FROM orders WHERE order_no = %s"
            % (amount, amount, sql_str(code + suffix)))
    return cid


def _drop(ids):
    if not ids:
        return
    inl = ",".join(str(i) for i in ids)
    sql("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id IN (%s))" % inl)
    sql("DELETE FROM orders WHERE customer_id IN (%s)" % inl)
    sql("DELETE FROM customers WHERE id IN (%s)" % inl)


def _list(page, table_id):
    """(customer id, growth) of a list's rows, in page order."""
    rows = table_rows(page, table_id) or []
    out = []
    for r in rows:
        cid = int(re.search(r"/customers/(\d+)", r[0]["hrefs"][0]).group(1))
        out.append((cid, float(r[1]["text"].rstrip("%").replace(",", ""))))
    return out


def _check_lists(page, region, what):
    top, bottom = _list(page, "t-top"), _list(page, "t-bottom")
    graded = {int(r[0]): float(r[1]) for r in sql(
        "SELECT customer_id, growth FROM dash_dealers WHERE region_id = %d"
        " AND growth IS NOT NULL" % region)}
    check(all(g > 0 for _, g in top), "%s: fastest list with growth <= 0: %s" % (what, top))
    both = {c for c, _ in top} & {c for c, _ in bottom}
    check(not both, "%s: dealers in both lists: %s" % (what, sorted(both)))
    # the fastest: the (at most) ten highest positive growths, highest first
    want_top = sorted(((c, g) for c, g in graded.items() if g > 0), key=lambda x: (-x[1], -x[0]))[:10]
    check(top == want_top, "%s: fastest %s, expected %s" % (what, top, want_top))
    # the slowest: the lowest ten growths (declines first) of the rest
    rest = {c: g for c, g in graded.items() if c not in {c for c, _ in top}}
    want_bottom = sorted(rest.items(), key=lambda x: (x[1], x[0]))[:10]
    check(bottom == want_bottom, "%s: slowest %s, expected %s" % (what, bottom, want_bottom))
    return top, bottom


def test_growth_lists_few_dealers():
    region = _region_with_fewest_dealers()
    archived = [int(r[0]) for r in sql(
        "SELECT id FROM customers WHERE region_id = %d AND kind = 'dealer' AND status = 'active'"
        % region)]
    made = []
    try:
        if archived:
            sql("UPDATE customers SET status = 'archived' WHERE id IN (%s)"
                % ",".join(str(i) for i in archived))
        # 4 grew, 1 stayed level, 5 fell (one to nothing), 2 had no sales last year
        for ytd in (1100, 1200, 1500, 2000, 1000, 900, 800, 500, 100, None):
            made.append(_dealer(region, "A", 1000, ytd))
        new = [_dealer(region, "N", None, 500), _dealer(region, "N", None, None)]
        made += new
        check(int(sql_value("SELECT COUNT(*) FROM dash_dealers WHERE region_id = %d" % region)) == 12,
              "the test region holds its twelve dealers")
        c = sign_in("admin")
        r = c.get("/dashboard?region=%d" % region)
        check_status(r, 200, "dashboard of the test region")
        top, bottom = _check_lists(r.text, region, "12 dealers, 4 grew")
        check(len(top) == 4 and len(bottom) == 6, "4 fastest and 6 slowest: %s / %s" % (top, bottom))
        check(bottom[0][1] == -100.0 and bottom[-1][1] == 0.0,
              "the slowest start at the largest decline: %s" % bottom)
        note = element_text(r.text, "top-note") or ""
        check("只有 4 家" in note, "the note on the fastest list: %r" % note)
        nobase = element_text(r.text, "growth-nobase") or ""
        check("2" in nobase and "去年同期" in nobase, "the dealers without growth: %r" % nobase)
        for cid in new:
            check("/customers/%d\"" % cid not in r.text.split('id="growth"', 1)[1],
                  "a dealer without last year's sales in a growth list")
        # 10 more that grew a little: 14 grew of 20 graded; the slowest
        # then include the smallest growths left over after the fastest ten
        for ytd in (1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1095):
            made.append(_dealer(region, "B", 1000, ytd))
        r = sign_in("admin").get("/dashboard?region=%d" % region)
        check_status(r, 200, "dashboard of the test region")
        top, bottom = _check_lists(r.text, region, "22 dealers, 14 grew")
        check(len(top) == 10 and len(bottom) == 10, "ten and ten: %s / %s" % (top, bottom))
        check([g for _, g in bottom][-4:] == [1.0, 2.0, 3.0, 4.0],
              "the slowest end with the smallest growths: %s" % bottom)
        check(element_text(r.text, "top-note") is None, "no 'only N grew' note with ten growers")
    finally:
        _drop(made)
        if archived:
            sql("UPDATE customers SET status = 'active' WHERE id IN (%s)"
                % ",".join(str(i) for i in archived))
    check(int(sql_value("SELECT COUNT(*) FROM dash_dealers WHERE region_id = %d" % region))
          == len(archived), "the region's dealers are back")
