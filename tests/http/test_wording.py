"""The screens use the source texts' wording (issue 15, docs/wording.md):
each page names a concept in the words of /work/shared/sources/ and not
in the paraphrase it used before; the language files name the tracking
number with one term, the complaint reasons with one set of words, and
the seven steps with one set of names and sentences."""
import glob
import os
import re

from lib import (ROOT, check, check_in, check_not_in, check_status, sign_in, sql, sql_value,
                 unescape)
from test_complaints import _cleanup, _make

# Terms of the sources (simplified Chinese of 003's traditional text).
STEP_NAMES = ["登记确认", "沟通了解", "分析说明", "领导批准", "签处理协议", "反馈实施", "跟踪落实"]
STEP_SENTENCES = ["建立客户意见表（或投诉登记表）", "详细了解客户提出异议的内容",
                  "分析这些问题的有关信息", "待领导批准后", "客户同意处理方案后，签下处理协议",
                  "将协议反馈回企业有关部门实施", "直到客户答复满意为止"]
REASONS = ["对产品的功能或品质怀疑", "对服务的态度不满意", "对价格很在意"]
FINANCE = ["流动资产率", "净利润率", "资产回报率", "回款周期", "存货周期"]
NEEDS = ["产品种类的调整", "渠道结构的变化", "人事变更", "下级客户的订货情况", "产品库存情况",
         "资金周转率", "竞争对手状况", "利润实现指标"]
KEY_PEOPLE = ["采购经理", "财务总监", "销售经理", "配送经理", "总经理", "董事长"]
ABC = {"A": "大客户", "B": "一般客户", "C": "小客户"}
TRACKING = "受理编号"

# What the screens said before for the same things.
OLD_STEPS = ["联系客户", "签订协议", "实施补偿", "记录并确认信息的正确性"]
OLD_REASONS = ["别处更便宜", "产品功能或质量", "产品功能或品质<", ">服务态度<"]
OLD_FINANCE = ["流动比率", "销售净利率", "资产收益率", "应收账款周转天数", "存货周转天数"]
OLD_NEEDS = ["产品线变化", ">渠道结构变化", "人事变动", "下游订单", ">库存<", ">资金周转<",
             "竞争对手动向", ">利润目标<"]
OLD_KEY_PEOPLE = ["物流经理"]
OLD_TRACKING = ["跟踪号", "受理号", "投诉编号", "投诉单号", "查询编号"]

LANG = os.path.join(ROOT, "conf", "lang")


def _text(html):
    """The page's text and attribute values, entities decoded."""
    return unescape(html)


def _absent(words, page, what):
    for w in words:
        check_not_in(w, page, "%s: the old wording %r" % (what, w))


def test_complaint_screens_use_source_wording():
    _cleanup()
    try:
        staff = sign_in("staff01")
        cid, tn = _make(reason="price", step=3, answered=True)
        pages = {
            "queue": staff.get("/complaints").text,
            "complaint": staff.get("/complaints/%d" % cid).text,
            "receipt": staff.get("/complaints/%d/receipt" % cid).text,
            "overview": staff.get("/complaints/overview").text,
            "public form": staff.get("/complaint").text,
            "intake form": staff.get("/complaints/new").text,
        }
        for what, page in pages.items():
            _absent(OLD_STEPS + OLD_REASONS + OLD_TRACKING, _text(page), what)
        for n in STEP_NAMES:
            for what in ("queue", "complaint", "receipt", "overview"):
                check_in(n, pages[what], "%s names step %s" % (what, n))
        for s in STEP_SENTENCES:
            # the staff stepper and the customer's steps show the same sentences
            check_in(s, pages["complaint"], "the complaint page's step sentence")
            check_in(s, pages["receipt"], "the receipt's step sentence")
        for r in REASONS:
            for what in ("queue", "public form", "intake form"):
                check_in(r, pages[what], "%s offers the reason %s" % (what, r))
        check_in(">对价格很在意<", pages["complaint"], "the complaint's reason")
        check_in(TRACKING, pages["receipt"], "the receipt names the tracking number")
        check_in(TRACKING, pages["public form"], "the public form names the tracking number")
        status = staff.get("/complaint/status").text
        check_in(TRACKING, status, "the status lookup names the tracking number")
        _absent(OLD_TRACKING, status, "status lookup")
        csv = staff.get("/complaints/overview.csv").raw.decode("utf-8-sig")
        check(csv.split(",")[0] == TRACKING, "the export's first column is %r" % csv[:20])
        _absent(OLD_TRACKING, csv.splitlines()[0], "export header")
    finally:
        _cleanup()


def test_customer_screens_use_source_wording():
    staff = sign_in("staff01")
    cid = int(sql_value("SELECT MIN(customer_id) FROM customer_financials"))
    finance = _text(staff.get("/customers/%d?tab=finance" % cid).text)
    for w in FINANCE:
        check_in(w, finance, "the finance tab's indicator %s" % w)
    _absent(OLD_FINANCE, finance, "finance tab")
    needs = _text(staff.get("/customers/%d?tab=needs" % cid).text)
    for w in NEEDS:
        check_in(">%s<" % w, needs, "the needs category %s" % w)
    _absent(OLD_NEEDS, needs, "needs tab")
    people = _text(staff.get("/customers/%d?tab=people" % cid).text)
    for w in KEY_PEOPLE:
        check_in(">%s<" % w, people, "the key person's title %s" % w)
    _absent(OLD_KEY_PEOPLE, people, "key people tab")
    listing = _text(staff.get("/customers").text)
    for letter, name in ABC.items():
        # the option's text is the class and its name, then the count of the last run
        check(re.search(r">%s %s(?: \(\d+\))?</option>" % (letter, name), listing),
              "the class filter names %s" % letter)
    a = int(sql_value("SELECT MIN(id) FROM customers WHERE abc_class = 'A'"))
    page = staff.get("/customers/%d" % a).text
    check(re.search(r'id="abc-class">.*?>A<.*?大客户</span>', page, re.S),
          "the customer file shows A beside 大客户")


def _hdf(path):
    """key path -> value of one language file (L.… keys only)."""
    out, stack = {}, []
    for line in open(path, encoding="utf-8"):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^(\S+)\s*\{$", s)
        if m:
            stack.append(m.group(1))
        elif s == "}":
            stack.pop()
        else:
            m = re.match(r"^(\S+)\s*=\s*(.*)$", s)
            if m:
                out[".".join(stack + [m.group(1)])] = m.group(2)
    return out


def _strings(lang):
    merged = {}
    for path in sorted(glob.glob(os.path.join(LANG, lang, "*.hdf"))):
        for k, v in _hdf(path).items():
            merged[k] = (v, os.path.basename(path))
    return merged


def test_one_term_for_the_tracking_number():
    """Every language string that names a complaint's number uses the one
    term: 受理编号 in Chinese, "tracking number" in English."""
    zh, en = _strings("zh-CN"), _strings("en")
    for key, (v, f) in zh.items():
        for old in OLD_TRACKING:
            check(old not in v, "%s %s says %r, not %s" % (f, key, old, TRACKING))
    pattern = re.compile(r"\b(tracking no\b|reference number|case number|ticket number|"
                         r"complaint number)", re.I)
    for key, (v, f) in en.items():
        m = pattern.search(v)
        check(not m, "%s %s says %r, not 'tracking number'" % (f, key, m and m.group(0)))
    # The keys of this concept, in both languages, say exactly the term.
    for key in ("L.Complaints.TrackingNo", "L.Public.Field.tracking_no", "L.Public.Receipt.Number",
                "L.Stats.Col.Tracking"):
        check(zh[key][0] == TRACKING, "%s is %r" % (key, zh[key][0]))
        check(en[key][0] == "Tracking number", "en %s is %r" % (key, en[key][0]))


def test_one_set_of_reasons_and_steps():
    """The staff pages, the public form and the overview name the reasons
    alike; the steps have one set of names (L.StepName) and one set of
    sentences (L.Complaints.StepTitle), used by staff and customers."""
    for lang in ("zh-CN", "en"):
        s = _strings(lang)
        for r in ("quality", "service", "price", "delivery"):
            words = {s["L.%s.%s" % (group, r)][0]
                     for group in ("ComplaintReason", "Public.Reason", "Stats.Reason")}
            check(len(words) == 1, "%s reason %s has one wording: %r" % (lang, r, words))
        check(not [k for k in s if k.startswith("L.Public.Steps.")],
              "%s: no second set of step sentences" % lang)
    zh = _strings("zh-CN")
    check([zh["L.StepName.%d" % i][0] for i in range(1, 8)] == STEP_NAMES,
          "the step names are %r" % [zh["L.StepName.%d" % i][0] for i in range(1, 8)])
    check([zh["L.ComplaintReason.%s" % r][0] for r in ("quality", "service", "price")] == REASONS,
          "the reasons in the source's words")
    for i, s in enumerate(STEP_SENTENCES, 1):
        check(s in zh["L.Complaints.StepTitle.%d" % i][0], "step %d's sentence from the source" % i)
