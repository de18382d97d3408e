"""The demo data (bench/gen.c, loaded by scripts/seed.sh) as a new user
judges it: plans of past years are closed and none waits in the workflow for
long; every plan line and execution record speaks of its own measure, at a
cost that fits it, and a record's result agrees with its rating; seasonal
campaigns fall in their season; old complaints are closed and a complaint's
rating agrees with its comment and with the follow-up the rating triggers;
nothing that is done lies after the day the data was made.

Only the rows the generator wrote are judged (ids up to its files' row
counts in $KEHU_VAR/seed), against the day it ran (load.sql's date in
China), so rows that other tests add or a stack run for weeks do not count."""
import datetime
import os
import re

from lib import VAR, check, sql, sql_value

SEED = os.path.join(VAR, "seed")

# A word every description and execution record of the measure contains
# (any of them), by catalogue code or custom name (bench/gen_measures.h).
KEYWORDS = {
    "1.1": ("目标",), "1.2": ("经营方针",), "1.3": ("进修",), "1.4": ("预算",), "1.5": ("资金周转",),
    "1.6": ("组织",),
    "2.1": ("商品知识",), "2.2": ("动向",), "2.3": ("训练",), "2.4": ("商品管理", "库存"),
    "2.5": ("新客户",), "2.6": ("顾客",),
    "3.1": ("宣传单", "DM"), "3.2": ("海报", "广告板"), "3.3": ("文娱",), "3.4": ("广告",),
    "3.5": ("广告片",), "3.6": ("座谈会",), "3.7": ("广告费",),
    "4.1": ("招牌", "标示牌"), "4.2": ("展示窗", "陈列室"), "4.3": ("陈列", "POP"),
    "4.4": ("展示台", "陈列台", "台架"), "4.5": ("陈列器具", "展柜"),
    "4.6": ("吊旗", "吊牌", "横幅", "字幕", "彩旗"), "4.7": ("装潢", "商品排列"),
    "5.1": ("厂家",), "5.2": ("企划", "店庆"), "5.3": ("展示会",), "5.4": ("试饮", "试用"),
    "5.5": ("地毯式", "扫楼"), "5.6": ("竞赛",), "5.7": ("销售活动", "以旧换新", "团购"),
    "经销商年会赞助": ("年会",), "门店收银系统升级补贴": ("收银",), "区域配送车辆租赁补助": ("配送", "车辆"),
    "社区团购渠道试点": ("团购",), "节庆堆头陈列费": ("堆头",),
}

# What one plan line of a measure plausibly costs in a year (yuan): advice
# and information cost a visit or two, a showroom or television a lot.
COST = {
    "1.1": (300, 5000), "1.2": (300, 5000), "1.3": (1000, 20000), "1.4": (300, 5000),
    "1.5": (300, 4000), "1.6": (300, 6000),
    "2.1": (300, 8000), "2.2": (200, 3000), "2.3": (500, 15000), "2.4": (300, 6000),
    "2.5": (500, 30000), "2.6": (300, 12000),
    "3.1": (300, 20000), "3.2": (200, 20000), "3.3": (1000, 30000), "3.4": (3000, 60000),
    "3.5": (200, 5000), "3.6": (500, 15000), "3.7": (1000, 80000),
    "4.1": (1000, 40000), "4.2": (5000, 100000), "4.3": (200, 8000), "4.4": (1000, 30000),
    "4.5": (500, 20000), "4.6": (200, 6000), "4.7": (300, 15000),
    "5.1": (500, 40000), "5.2": (500, 30000), "5.3": (2000, 50000), "5.4": (500, 15000),
    "5.5": (500, 20000), "5.6": (500, 30000), "5.7": (500, 20000),
    "经销商年会赞助": (3000, 50000), "门店收银系统升级补贴": (1000, 15000),
    "区域配送车辆租赁补助": (3000, 40000), "社区团购渠道试点": (500, 20000), "节庆堆头陈列费": (500, 15000),
}

# A season named in a campaign's text, and the months it may fall in.
SEASONS = {"春节": (1, 2), "五一": (4, 5), "“618”": (5, 6), "暑期": (6, 7, 8), "国庆": (9, 10),
           "双十一": (10, 11), "端午": (5, 6)}

# How a poor execution result says it fell short; a good one says none of it.
SHORT = ("未达", "不理想", "不明显")
# What a dissatisfied customer's comment says; a satisfied one says none of it.
UNHAPPY = ("不满意", "失望", "没有", "太慢", "太长", "差")


def _rows(table):
    """How many rows the generator wrote into table (None: no seed files,
    every row counts)."""
    path = os.path.join(SEED, table + ".tsv")
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def _demo(table, alias="t"):
    """An SQL condition keeping the generator's rows of table."""
    n = _rows(table)
    return "1" if n is None else "%s.id <= %d" % (alias, n)


def _seed_day():
    """The day the data was made (China time): load.sql's date, else today."""
    path = os.path.join(SEED, "load.sql")
    if os.path.exists(path):
        t = datetime.datetime.utcfromtimestamp(os.path.getmtime(path)) + datetime.timedelta(hours=8)
        return t.date()
    return datetime.date.fromisoformat(sql_value("SELECT CURDATE()"))


def _day(s):
    return datetime.date.fromisoformat(s[:10])


def _measure_sql():
    """Each demo plan line: plan id, year, status, measure (code or custom
    name), description, budget, months."""
    return sql("SELECT p.id, p.year, p.status, COALESCE(m.code, i.custom_name), i.description,"
               " i.budget, i.months, i.line_key FROM support_plans p"
               " JOIN support_plan_revisions v ON v.plan_id = p.id"
               " JOIN support_plan_items i ON i.revision_id = v.id"
               " LEFT JOIN support_measures m ON m.id = i.measure_id WHERE " + _demo("support_plans", "p"))


def test_past_plans_closed():
    seed = _seed_day()
    rows = sql("SELECT id, year, status FROM support_plans p WHERE year < %d AND %s"
               % (seed.year, _demo("support_plans", "p")))
    check(rows, "the demo data has last year's plans")
    # in January last year's plans may still be under way, never in the workflow
    ok = ("closed", "in_progress") if seed.month == 1 else ("closed",)
    bad = [r for r in rows if r[2] not in ok]
    check(not bad, "past years' plans not closed: %r" % bad[:5])


def test_no_plan_waits_long():
    seed = _seed_day()
    rows = sql("SELECT p.id, p.year, p.status, p.created_at, v.submitted_at, v.decided_at"
               " FROM support_plans p JOIN support_plan_revisions v ON v.id = p.open_rev_id"
               " WHERE p.status IN ('draft', 'submitted', 'returned') AND " + _demo("support_plans", "p"))
    check(rows, "some plans are in the workflow, for a leader to decide")
    for pid, year, status, created, submitted, decided in rows:
        since = {"draft": created, "submitted": submitted, "returned": decided}[status]
        check(since != "NULL" and (seed - _day(since)).days <= 60,
              "plan %s (%s) %s since %s" % (pid, year, status, since))
        # this year's, or next year's once its planning round has begun
        check(int(year) == seed.year or (int(year) == seed.year + 1 and seed >= datetime.date(seed.year, 11, 15)),
              "plan %s of %s is %s" % (pid, year, status))
    ahead = sql("SELECT id, status FROM support_plans p WHERE year > %d AND status IN"
                " ('in_progress', 'closed') AND %s" % (seed.year, _demo("support_plans", "p")))
    check(not ahead, "next year's plans under way: %r" % ahead[:5])


def test_plan_lines_fit_their_measure():
    rows = _measure_sql()
    check(rows, "plan lines")
    for pid, _year, _status, measure, desc, budget, _months, _key in rows:
        check(measure in KEYWORDS, "plan %s: unknown measure %r" % (pid, measure))
        check(any(k in desc for k in KEYWORDS[measure]),
              "plan %s, measure %s: description %r" % (pid, measure, desc))
        lo, hi = COST[measure]
        check(lo <= float(budget) <= hi, "plan %s, measure %s: budget %s" % (pid, measure, budget))


def test_executions_fit_their_measure():
    rows = sql("SELECT e.id, COALESCE(m.code, i.custom_name), e.what_done, e.result, e.rating"
               " FROM support_executions e JOIN support_plans p ON p.id = e.plan_id"
               " JOIN support_plan_items i ON i.revision_id = p.approved_rev_id AND i.line_key = e.line_key"
               " LEFT JOIN support_measures m ON m.id = i.measure_id WHERE " + _demo("support_executions", "e"))
    check(rows, "execution records")
    for eid, measure, what, result, rating in rows:
        check(any(k in what for k in KEYWORDS[measure]),
              "record %s, measure %s: what was done %r" % (eid, measure, what))
        if rating != "NULL" and int(rating) <= 2:
            check(any(w in result for w in SHORT), "record %s rated %s: result %r" % (eid, rating, result))
        if rating != "NULL" and int(rating) >= 4:
            check(not any(w in result for w in SHORT + ("但",)),
                  "record %s rated %s: result %r" % (eid, rating, result))


def _season_of(text):
    return [months for name, months in SEASONS.items() if name in text]


def test_campaigns_in_season():
    seasonal = 0
    for iid, day, desc in sql("SELECT id, granted_on, description FROM customer_incentives t"
                              " WHERE kind = 'promotion' AND " + _demo("customer_incentives")):
        for months in _season_of(desc):
            seasonal += 1
            check(_day(day).month in months, "promotion %s %r granted on %s" % (iid, desc, day))
    check(seasonal, "some promotions belong to a season")
    for pid, _year, _status, measure, desc, _budget, bits, _key in _measure_sql():
        seasons = _season_of(desc)
        check(seasons or measure not in ("5.1", "节庆堆头陈列费"),
              "plan %s: campaign %s names no season: %r" % (pid, measure, desc))
        for months in seasons:
            planned = [m for m in range(1, 13) if int(bits) >> (m - 1) & 1]
            check(planned and all(m in months for m in planned),
                  "plan %s: %r planned in months %r" % (pid, desc, planned))
    for eid, day, what in sql("SELECT id, done_on, what_done FROM support_executions t WHERE "
                              + _demo("support_executions")):
        for months in _season_of(what):
            check(_day(day).month in months, "record %s %r done on %s" % (eid, what, day))


def test_old_complaints_closed():
    seed = _seed_day()
    rows = sql("SELECT id, received_at, step FROM complaints t WHERE status = 'open' AND "
               + _demo("complaints"))
    check(rows, "some recent complaints are still being handled")
    old = [r for r in rows if (seed - _day(r[1])).days > 60]
    check(not old, "open complaints received more than 60 days before the data: %r" % old[:5])


def test_ratings_agree_with_comments():
    rows = sql("SELECT id, satisfaction, COALESCE(satisfaction_comment, ''), reopen_count,"
               " (SELECT MAX(at) FROM complaint_events e WHERE e.complaint_id = t.id AND e.event = 'rated'),"
               " (SELECT MAX(at) FROM complaint_events e WHERE e.complaint_id = t.id AND e.event = 'reopened')"
               " FROM complaints t WHERE satisfaction IS NOT NULL AND " + _demo("complaints"))
    check(len(rows) >= 20, "rated complaints: %d" % len(rows))
    for cid, score, comment, reopens, rated, reopened in rows:
        s = int(score)
        if s <= 2 and comment:
            check(any(w in comment for w in UNHAPPY), "complaint %s rated %d: %r" % (cid, s, comment))
        if s >= 4:
            check(not any(w in comment for w in UNHAPPY), "complaint %s rated %d: %r" % (cid, s, comment))
        check(rated != "NULL", "complaint %s: rated without a 'rated' event" % cid)
        # as on the public form: a score below 4 reopens the follow-up
        if s < 4:
            check(int(reopens) >= 1 and reopened != "NULL" and reopened >= rated,
                  "complaint %s rated %d: reopened %s times, at %s (rated %s)" % (cid, s, reopens, reopened, rated))
    scores = [int(r[1]) for r in rows]
    happy = sum(1 for s in scores if s >= 4) / len(scores)
    check(0.55 <= happy <= 0.95, "share of 4 and 5: %.2f" % happy)
    check(scores.count(1) <= scores.count(5), "more 1s than 5s")


# Things done, by table: columns that cannot lie after the data was made.
DONE = {
    "orders": ("ordered_on", "delivered_on", "created_at"),
    "payments": ("paid_on",),
    "complaints": ("received_at", "first_response_at", "resolved_at", "closed_at", "rated_at", "updated_at"),
    "complaint_events": ("at",),
    "contact_log": ("contacted_on", "created_at"),
    "customer_incentives": ("granted_on",),
    "service_records": ("served_on",),
    "quotes": ("quoted_on",),
    "customer_dynamics": ("noted_on",),
    "customers": ("created_at", "last_purchase_on"),
    "support_executions": ("done_on", "recorded_at"),
    "support_plan_revisions": ("created_at", "submitted_at", "decided_at"),
    "support_plans": ("created_at", "updated_at", "closed_at"),
}


def test_nothing_done_after_the_data():
    seed = _seed_day().isoformat()
    for table, cols in DONE.items():
        for col in cols:
            n = sql_value("SELECT COUNT(*) FROM %s t WHERE %s >= '%s' AND %s" % (table, col, seed, _demo(table)))
            check(n == "0", "%s.%s: %s rows on or after %s" % (table, col, n, seed))


def test_closed_complaints_followed_up():
    """As the staff pages require: step 7 closes only after a follow-up
    with the customer, after a reopen only after a new one."""
    rows = sql("SELECT t.id, t.reopen_count,"
               " (SELECT COUNT(*) FROM complaint_followups f WHERE f.complaint_id = t.id AND f.at <= t.closed_at),"
               " (SELECT COUNT(*) FROM complaint_events f WHERE f.complaint_id = t.id AND f.event = 'followup'"
               "  AND f.id > (SELECT MAX(e.id) FROM complaint_events e WHERE e.complaint_id = t.id"
               "  AND e.event = 'reopened') AND f.at <= t.closed_at)"
               " FROM complaints t WHERE t.status = 'closed' AND " + _demo("complaints"))
    check(rows, "closed complaints")
    for cid, reopens, followups, since_reopen in rows:
        check(int(followups) >= 1, "complaint %s closed without a follow-up" % cid)
        check(reopens == "0" or int(since_reopen) >= 1,
              "complaint %s closed after its reopen without a new follow-up" % cid)


def test_rebates_follow_purchases():
    """A quarter's sales rebate goes to a dealer that bought in that quarter."""
    rows = sql("SELECT t.id, t.customer_id, t.description FROM customer_incentives t"
               " WHERE t.kind = 'rebate' AND " + _demo("customer_incentives"))
    check(rows, "rebates")
    for iid, cid, desc in rows:
        m = re.match(r"(\d{4})年第(\d)季度", desc)
        check(m, "rebate %s: %r names no quarter" % (iid, desc))
        y, q = int(m.group(1)), int(m.group(2))
        n = sql_value("SELECT COUNT(*) FROM orders WHERE customer_id = %s AND ordered_on BETWEEN"
                      " '%d-%02d-01' AND LAST_DAY('%d-%02d-01')" % (cid, y, 3 * q - 2, y, 3 * q))
        check(n != "0", "rebate %s for %s: customer %s bought nothing then" % (iid, desc, cid))


def test_next_actions_not_forgotten_for_months():
    seed = _seed_day()
    old = sql("SELECT id, next_due FROM contact_log t WHERE done = 0 AND next_due < '%s' - INTERVAL 60 DAY"
              " AND %s" % (seed.isoformat(), _demo("contact_log")))
    check(not old, "next actions overdue for more than 60 days: %r" % old[:5])


# ---- The behaviour the analysis pages exist to find (issue 17) -------------
# bench/gen.c gives a share of customers each behaviour by fixed index slot
# (docs/analysis.md "Demo data"); these checks find them by their history,
# as the analysis would, so they hold whichever customers carry them.

def _window_days(seed):
    """as_of, and the first days of the recent and earlier 90-day windows."""
    d = seed.isoformat()
    return "'%s'" % d, "'%s' - INTERVAL 90 DAY" % d, "'%s' - INTERVAL 180 DAY" % d


def test_late_payers_getting_later():
    as_of, recent, earlier = _window_days(_seed_day())
    late = ("GREATEST(0, DATEDIFF(COALESCE(t.paid_on, %s), t.due_on))" % as_of)
    rows = sql("SELECT t.customer_id,"
               " AVG(IF(t.due_on >= {r}, {late}, NULL)), SUM(t.due_on >= {r}),"
               " AVG(IF(t.due_on < {r}, {late}, NULL)), SUM(t.due_on < {r})"
               " FROM payments t WHERE t.due_on >= {e} AND t.due_on < {a} AND {demo}"
               " GROUP BY t.customer_id".format(r=recent, e=earlier, a=as_of, late=late,
                                                 demo=_demo("payments")))
    rising = [r for r in rows if int(r[2]) >= 2 and int(r[4]) >= 2
              and float(r[1]) - float(r[3]) >= 7]
    check(len(rising) >= 5, "customers whose payments got 7+ days later (2+ in each window): %d"
          % len(rising))


def test_seasonal_buyers():
    rows = sql("SELECT o.customer_id FROM orders o WHERE %s GROUP BY o.customer_id"
               " HAVING COUNT(*) >= 3 AND COUNT(DISTINCT MONTH(o.ordered_on)) <= 3"
               " AND COUNT(DISTINCT YEAR(o.ordered_on)) >= 2" % _demo("orders", "o"))
    check(len(rows) >= 5, "customers buying only in the same 1-3 months of each year: %d" % len(rows))


def test_slowing_buyers_order_less():
    as_of, recent, earlier = _window_days(_seed_day())
    rows = sql("SELECT o.customer_id, SUM(IF(o.ordered_on >= {r}, o.total, 0)),"
               " SUM(IF(o.ordered_on < {r}, o.total, 0)) FROM orders o"
               " WHERE o.ordered_on >= {e} AND o.ordered_on < {a} AND {demo} GROUP BY o.customer_id"
               .format(r=recent, e=earlier, a=as_of, demo=_demo("orders", "o")))
    falling = [r for r in rows if float(r[2]) > 0 and float(r[1]) <= 0.7 * float(r[2])]
    check(len(falling) >= 5, "customers whose last 90 days' orders fell 30 %%+: %d" % len(falling))


def _sleep_state(days, today):
    """docs/analysis.md, Sleepers, with the default settings: 0 awake,
    2 瞌睡, 3 半睡, 4 沉睡."""
    gaps = sorted(b - a for a, b in zip(days, days[1:]))
    if len(gaps) == 0:
        interval = 90
    elif len(gaps) % 2:
        interval = gaps[len(gaps) // 2]
    else:
        interval = (gaps[len(gaps) // 2 - 1] + gaps[len(gaps) // 2]) // 2
    since = today - days[-1]
    for state, pct in ((4, 400), (3, 250), (2, 150)):
        if since * 100 >= pct * interval:
            return state
    return 0


def test_sleepers_by_their_own_rhythm():
    seed = _seed_day()
    today = seed.toordinal()
    days = {}
    for cid, d in sql("SELECT DISTINCT o.customer_id, o.ordered_on FROM orders o WHERE %s"
                      " ORDER BY 1, 2" % _demo("orders", "o")):
        days.setdefault(cid, []).append(_day(d).toordinal())
    # regular buyers (6+ purchase days) that stopped: the slowing ones
    states = [_sleep_state(v, today) for v in days.values() if len(v) >= 6]
    for state, name in ((2, "瞌睡"), (3, "半睡"), (4, "沉睡")):
        n = states.count(state)
        check(n >= 3, "regular buyers %s by their own rhythm: %d" % (name, n))


def test_next_actions_past_due():
    seed = _seed_day()
    n = int(sql_value("SELECT COUNT(DISTINCT t.customer_id) FROM contact_log t WHERE t.done = 0"
                      " AND t.next_due < '%s' AND %s" % (seed.isoformat(), _demo("contact_log"))))
    check(n >= 5, "customers with a next action past due and not done: %d" % n)


def test_repeated_complaints():
    seed = _seed_day()
    rows = sql("SELECT t.customer_id, COUNT(*) FROM complaints t WHERE t.customer_id IS NOT NULL"
               " AND t.received_at >= '%s' - INTERVAL 90 DAY AND %s GROUP BY t.customer_id"
               " HAVING COUNT(*) >= 2" % (seed.isoformat(), _demo("complaints")))
    check(len(rows) >= 5, "customers with 2+ complaints in the last 90 days: %d" % len(rows))
    ids = ",".join(r[0] for r in rows)
    # each with its whole trail, in the customer's own region
    bad = sql("SELECT t.id FROM complaints t JOIN customers c ON c.id = t.customer_id"
              " WHERE t.customer_id IN (%s) AND (t.region_id <> c.region_id OR NOT EXISTS"
              " (SELECT 1 FROM complaint_events e WHERE e.complaint_id = t.id"
              " AND e.event = 'registered')) AND %s" % (ids, _demo("complaints")))
    check(not bad, "repeat complaints without a trail or in another region: %r" % bad[:5])


def test_non_customers_converted():
    seed = _seed_day()
    rows = sql("SELECT c.id, c.non_customer FROM customers c JOIN orders o ON o.customer_id = c.id"
               " WHERE c.non_customer IS NOT NULL AND %s GROUP BY c.id HAVING MIN(o.ordered_on)"
               " >= '%s' - INTERVAL 180 DAY" % (_demo("customers", "c"), seed.isoformat()))
    check(len(rows) >= 5, "non-customers who made a first purchase lately: %d" % len(rows))
    kinds = {r[1] for r in rows}
    check(kinds == {"quasi", "refusing", "unexplored"}, "converted non-customers of each kind: %r" % kinds)


def test_products_cost_below_price():
    bad = sql("SELECT id, list_price, unit_cost FROM products t WHERE (unit_cost <= 0"
              " OR unit_cost >= list_price) AND " + _demo("products"))
    check(not bad, "products without a unit cost below list price: %r" % bad[:5])


def test_profitability_has_every_term():
    since = "'%s' - INTERVAL 12 MONTH" % _seed_day().isoformat()
    rev = ("SELECT o.customer_id c, SUM(l.amount - l.quantity * p.unit_cost) v FROM orders o"
           " JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id"
           " WHERE o.ordered_on >= {s} AND {d} GROUP BY o.customer_id"
           .format(s=since, d=_demo("orders", "o")))
    inc = ("SELECT t.customer_id c, -SUM(t.amount) v FROM customer_incentives t"
           " WHERE t.granted_on >= {s} AND {d} GROUP BY t.customer_id"
           .format(s=since, d=_demo("customer_incentives")))
    sup = ("SELECT p.customer_id c, -SUM(t.actual_cost) v FROM support_executions t"
           " JOIN support_plans p ON p.id = t.plan_id WHERE t.done_on >= {s} AND {d}"
           " GROUP BY p.customer_id".format(s=since, d=_demo("support_executions")))
    comp = ("SELECT t.customer_id c, -SUM(x.amount) v FROM complaints t"
            " JOIN complaint_proposals x ON x.complaint_id = t.id"
            " JOIN complaint_handling h ON h.complaint_id = t.id"
            " WHERE x.remedy = 'compensation' AND x.decision = 'approved'"
            " AND h.compensation_paid_on >= {s} AND t.customer_id IS NOT NULL AND {d}"
            " GROUP BY t.customer_id".format(s=since, d=_demo("complaints")))
    for name, q in (("rebates and promotions", inc), ("support spend", sup), ("compensation", comp)):
        check(sql("SELECT COUNT(*) FROM (%s) x WHERE v < 0" % q)[0][0] != "0", "no %s in the last year" % name)
    rows = sql("SELECT c, SUM(v) FROM (%s UNION ALL %s UNION ALL %s UNION ALL %s) x GROUP BY c"
               % (rev, inc, sup, comp))
    losing = [r for r in rows if float(r[1]) < 0]
    check(len(losing) >= 5, "customers unprofitable over the last year: %d" % len(losing))
    check(len(losing) <= len(rows) // 3, "most customers should earn money: %d of %d lose"
          % (len(losing), len(rows)))


def test_size_classes():
    rows = sql("SELECT COALESCE(c.size_class, '-'), COUNT(*), AVG(COALESCE(s.v, 0)) FROM customers c"
               " LEFT JOIN (SELECT customer_id, SUM(total) v FROM orders GROUP BY customer_id) s"
               " ON s.customer_id = c.id WHERE %s GROUP BY 1" % _demo("customers", "c"))
    by = {r[0]: (int(r[1]), float(r[2])) for r in rows}
    total = sum(n for n, _ in by.values())
    check(by.get("-", (0, 0))[0] * 5 < total, "most customers have a size class: %r" % by)
    for k in ("large", "medium", "small", "micro"):
        check(k in by, "no %s customers: %r" % (k, by))
    check(by["large"][1] > by["medium"][1] > by["micro"][1],
          "larger customers buy more on average: %r" % by)
