"""The complaint queue past its count's cap (COMPLAINT_COUNT_CAP, 1,000):
the count says 1000+, and deep pages, where each worker keeps for a minute
the position a page starts at (its anchor, db/complaint_list.c), show the
rows SQL gives, newest and oldest first, for the office and for a regional
manager, every time they are asked for (the first time a page is read by
its offset, afterwards from its anchor). Complaints are made with SQL,
three to a minute (ties broken by id), and removed afterwards; they name a
product made for the run (inactive, so in no menu), so a run within a
minute of the last one does not meet the anchors and counts kept for that
one's rows (an anchor may be up to a minute behind the rows: kept, not
read again), nor does any other test."""
import random
import re

from lib import check, sign_in, sql, sql_str, sql_value, user_id
from test_complaints import TABLES, _queue_ids, _region

PREFIX = "TQP"
N = 1100


def _make_many(region):
    code = "%s%08d" % (PREFIX, random.randint(0, 99999999))
    # inactive: in no menu (the workers keep those a minute after it is gone)
    sql("INSERT INTO products (code, name, category_id, active) SELECT %s, %s, MIN(id), 0"
        " FROM product_categories" % (sql_str(code), sql_str("分页测试 " + code)))
    product = int(sql_value("SELECT id FROM products WHERE code = %s" % sql_str(code)))
    sql("INSERT INTO complaints (tracking_no, region_id, product_id, kind, reason, contact_name,"
        " contact_phone, description, step, status, received_at, source)"
        " SELECT CONCAT('%s', LPAD(seq, 6, '0')), %d, %d, 'complaint', 'quality', '分页测试',"
        " '13900000000', '分页测试', 1, 'open',"
        " NOW() - INTERVAL 400 DAY - INTERVAL (seq DIV 3) MINUTE, 'web'"
        " FROM seq_1_to_%d" % (PREFIX, region, product, N))
    sql("INSERT INTO complaint_handling (complaint_id)"
        " SELECT id FROM complaints WHERE tracking_no LIKE '%s%%'" % PREFIX)
    return product


def _cleanup():
    ids = [r[0] for r in sql("SELECT id FROM complaints WHERE tracking_no LIKE '%s%%'" % PREFIX)]
    if not ids:
        sql("DELETE FROM products WHERE code LIKE '%s%%'" % PREFIX)
        return
    idl = ", ".join(ids)
    for t in TABLES:
        sql("DELETE FROM %s WHERE complaint_id IN (%s)" % (t, idl))
    sql("DELETE FROM complaints WHERE id IN (%s)" % idl)
    sql("DELETE FROM products WHERE code LIKE '%s%%'" % PREFIX)


def _count(text):
    m = re.search(r'id="result-count"[^>]*>.*?<strong>(\d+)</strong>(\+?)', text, re.S)
    check(m, "no result count")
    return m.group(1) + m.group(2)


def _pages_match_sql(c, who, product, where):
    where += " AND product_id = %d" % product
    for sort, order in (("", "received_at DESC, id DESC"), ("&sort=oldest", "received_at, id")):
        query = "status=open&product=%d%s" % (product, sort)
        r, _ = _queue_ids(c, query)
        check(_count(r.text) == "1000+", "%s%s: count %s" % (who, sort, _count(r.text)))
        for page in (11, 12, 40, 56):
            want = [int(x[0]) for x in sql(
                "SELECT id FROM complaints c WHERE status = 'open' AND %s ORDER BY %s"
                " LIMIT 20 OFFSET %d" % (where, order, (page - 1) * 20))]
            # both workers, each at least twice: read by offset, then by anchor
            for _ in range(5):
                _, ids = _queue_ids(c, "%s&page=%d" % (query, page))
                check(ids == want, "%s%s page %d: %r, SQL %r" % (who, sort, page, ids, want))


def test_deep_pages_past_the_cap():
    _cleanup()
    region = _region("huadong")
    try:
        product = _make_many(region)
        _pages_match_sql(sign_in("staff01"), "staff01", product, "1 = 1")
        rm_regions = [int(x[0]) for x in sql(
            "SELECT region_id FROM user_regions WHERE user_id = %d" % user_id("rm_huadong"))]
        check(rm_regions == [region], "rm_huadong manages huadong only: %r" % rm_regions)
        _pages_match_sql(sign_in("rm_huadong"), "rm_huadong", product, "c.region_id = %d" % region)
        # a count past the cap is kept a minute: with 200 of the rows gone
        # (fewer than the cap), page 1 still says 1000+ from a worker that
        # counted them above, the exact number from one that did not
        gone = [r[0] for r in sql("SELECT id FROM complaints WHERE product_id = %d"
                                  " ORDER BY id LIMIT 200" % product)]
        sql("DELETE FROM complaint_handling WHERE complaint_id IN (%s)" % ", ".join(gone))
        sql("DELETE FROM complaints WHERE id IN (%s)" % ", ".join(gone))
        exact = sql_value("SELECT COUNT(*) FROM complaints WHERE status = 'open'"
                          " AND product_id = %d" % product)
        c = sign_in("staff01")
        counts = [_count(_queue_ids(c, "status=open&product=%d" % product)[0].text)
                  for _ in range(6)]
        check(set(counts) <= {"1000+", exact} and "1000+" in counts,
              "kept count: %r (exact %s)" % (counts, exact))
        # the last page counts its own rows: the exact number, no "+"
        c = sign_in("staff01")
        total = int(sql_value("SELECT COUNT(*) FROM complaints WHERE status = 'open'"
                              " AND product_id = %d" % product))
        last = (total - 1) // 20 + 1
        r, ids = _queue_ids(c, "status=open&product=%d&page=%d" % (product, last))
        check(len(ids) == total - (last - 1) * 20, "last page %d rows of %d" % (len(ids), total))
        check(_count(r.text) == str(total), "last page's count %s, SQL %d" % (_count(r.text), total))
    finally:
        _cleanup()
