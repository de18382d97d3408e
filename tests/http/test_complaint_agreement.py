"""Step 5's handling agreement (处理协议, /complaints/{id}/agreement) and the
answers to a price complaint at step 4 (issue 15). Complaints are made
with SQL as in test_complaints.py, whose helpers these tests share."""
import re

from lib import check, check_in, check_not_in, check_status, sign_in, sql, sql_value, user_id
from test_complaints import STEP_FIELDS, _cleanup, _make, _post, _step, _version

PRICE_REMEDIES = ("price_check", "reexplain", "apology_gift")


def _to_step5(staff, leader, cid, remedy="compensation", amount="150", detail="补偿 150 元"):
    """Steps 1-4 recorded and the proposal approved by leader."""
    check_status(_step(staff, cid, 1, facts="客户反映价格比别处贵",
                       assignee_id=str(user_id("staff01"))), 303, "step 1")
    check_status(_step(staff, cid, 2, **STEP_FIELDS[2]), 303, "step 2")
    check_status(_step(staff, cid, 3, **STEP_FIELDS[3]), 303, "step 3")
    check_status(_step(staff, cid, 4, remedy=remedy, amount=amount, detail=detail), 303,
                 "proposal %s" % remedy)
    check_status(_post(leader, cid, "decide", dict(decision="approve", version=_version(cid))),
                 303, "approved")


def _remedy_options(page):
    m = re.search(r'<select id="f-remedy"[^>]*>(.*?)</select>', page, re.S)
    check(m, "the step 4 form has a remedy menu")
    return re.findall(r'<option value="([^"]+)"', m.group(1))


def test_agreement_page_content():
    _cleanup()
    try:
        staff, leader = sign_in("staff01"), sign_in("leader1")
        cid, tn = _make(region="huadong", reason="quality", company="测试单位有限公司")
        # Before approval: no link from steps 1-4, and the page says it is a preview.
        check_not_in('id="agreement-link"', staff.get("/complaints/%d" % cid).text,
                     "no agreement link before step 5")
        r = staff.get("/complaints/%d/agreement" % cid)
        check_status(r, 200, "the preview")
        check_in('id="agreement-draft"', r.text, "the preview says it cannot be signed")
        _to_step5(staff, leader, cid)
        page = staff.get("/complaints/%d" % cid).text
        check_in('href="/complaints/%d/agreement" id="agreement-link"' % cid, page,
                 "step 5 links to the agreement")
        r = staff.get("/complaints/%d/agreement" % cid)
        check_status(r, 200, "the agreement")
        t = r.text
        check_not_in('id="agreement-draft"', t, "approved: no preview notice")
        for what, s in (("title", "客户投诉处理协议"), ("tracking number", tn),
                        ("customer", "测试投诉人"), ("company", "测试单位有限公司"),
                        ("reason", "对产品的功能或品质怀疑"), ("description", "净水器漏水"),
                        ("remedy", "补偿"), ("amount", "¥150.00"), ("detail", "补偿 150 元"),
                        ("approver", "id=\"sign-approver\""), ("customer's signature", 'id="sign-customer"'),
                        ("company's signature", 'id="sign-company"'), ("print button", 'data-print'),
                        ("company name", "恒泰电器")):
            check_in(s, t, "the agreement shows the %s" % what)
        approver = sql_value("SELECT display_name FROM users WHERE username = 'leader1'")
        check(re.search(r'id="agreement-approver">%s · \d{4}-\d\d-\d\d<' % re.escape(approver), t),
              "the approver and the approval date")
        check_in('class="fill-in"', t, "blank lines for the hand-written dates")
        # Step 5 recorded: the agreed date and the terms are on the sheet, and later
        # steps still link to it.
        check_status(_step(staff, cid, 5, **STEP_FIELDS[5]), 303, "step 5")
        t = staff.get("/complaints/%d/agreement" % cid).text
        check(re.search(r'id="agreement-agreed-on">2026-11-22<', t), "the agreed date")
        check_in(STEP_FIELDS[5]["agreement_terms"], t, "the terms")
        check_in('id="agreement-link"', staff.get("/complaints/%d" % cid).text,
                 "step 6 still links to the agreement")
    finally:
        _cleanup()


def test_agreement_scope():
    """A regional manager reads their own region's agreement; another
    region's complaint by a guessed id is a 404, as is no complaint."""
    _cleanup()
    try:
        mine, mine_tn = _make(region="huadong")
        other, other_tn = _make(region="huabei")
        nowhere, _ = _make(region=None)
        rm = sign_in("rm_huadong")
        r = rm.get("/complaints/%d/agreement" % mine)
        check_status(r, 200, "own region")
        check_in(mine_tn, r.text, "own region's agreement")
        for cid in (other, nowhere):
            r = rm.get("/complaints/%d/agreement" % cid)
            check_status(r, 404, "another region's agreement by URL")
            check_not_in(other_tn, r.text, "nothing of it on the 404 page")
        top = int(sql_value("SELECT MAX(id) FROM complaints"))
        check_status(rm.get("/complaints/%d/agreement" % (top + 1000)), 404, "no such complaint")
        check_status(sign_in("staff01").get("/complaints/%d/agreement" % other), 200,
                     "office staff read every region")
    finally:
        _cleanup()


def test_price_complaint_offers_source_answers():
    """Reason price (对价格很在意): step 4 offers the source's answers beside
    the usual remedies; other reasons do not, and the data-access layer
    refuses them there even when posted by hand."""
    _cleanup()
    try:
        staff, leader = sign_in("staff01"), sign_in("leader1")
        price, _ = _make(reason="price", step=4, answered=True)
        quality, _ = _make(reason="quality", step=4, answered=True)
        offered = _remedy_options(staff.get("/complaints/%d" % price).text)
        for remedy in ("replace", "repair", "refund", "compensation") + PRICE_REMEDIES:
            check(remedy in offered, "price complaint offers %s: %r" % (remedy, offered))
        page = staff.get("/complaints/%d" % price).text
        for label in ("核查是否同行竞争降价或客户资料有误", "重新解释", "道歉并赠予小纪念品"):
            check_in(label, page, "the source's wording in the menu")
        offered = _remedy_options(staff.get("/complaints/%d" % quality).text)
        for remedy in PRICE_REMEDIES:
            check(remedy not in offered, "quality complaint does not offer %s" % remedy)
        r = _step(staff, quality, 4, remedy="apology_gift", amount="", detail="赠送小礼品")
        check_status(r, 422, "a price answer for a quality complaint")
        check_in('id="form-errors"', r.text, "the form comes back with its banner")
        check(sql_value("SELECT COUNT(*) FROM complaint_proposals WHERE complaint_id=%d" % quality)
              == "0", "nothing stored")
        # Each price answer is stored, decided and shown like the others.
        check_status(_step(staff, price, 4, remedy="apology_gift", amount="30",
                           detail="致歉并赠送价值 30 元的小纪念品"), 303, "apology with a gift")
        check(sql("SELECT remedy, amount FROM complaint_proposals WHERE complaint_id=%d" % price)
              == [["apology_gift", "30.00"]], "stored")
        # The inbox lists the ten oldest items: older than every demo one, so
        # it is listed however many the demo data leaves waiting.
        sql("UPDATE complaint_proposals SET proposed_at = '2000-01-01' WHERE complaint_id=%d" % price)
        check_in("道歉并赠予小纪念品", leader.get("/").text, "the leaders' inbox names it")
        check_status(_post(leader, price, "decide", dict(decision="return", comment="先核查同行价格",
                                                         version=_version(price))), 303, "returned")
        check_status(_step(staff, price, 4, remedy="price_check", amount="",
                           detail="核查同行是否降价，资料有误则重新说明"), 303, "price check")
        check_status(_post(leader, price, "decide", dict(decision="approve", version=_version(price))),
                     303, "approved")
        page = staff.get("/complaints/%d" % price).text
        check_in("核查是否同行竞争降价或客户资料有误", page, "the approved remedy on the complaint page")
        t = staff.get("/complaints/%d/agreement" % price).text
        check(re.search(r'id="agreement-remedy-name"><strong>核查是否同行竞争降价或客户资料有误<', t),
              "the agreement names the approved price answer")
        check_in("对价格很在意", t, "the agreement names the reason in the source's words")
        # Execution: no amount, so no paid date is asked.
        check_status(_step(staff, price, 5, **STEP_FIELDS[5]), 303, "step 5")
        check_status(_step(staff, price, 6, exec_department="销售部", executed_on="2026-11-23"), 303,
                     "step 6 without a paid date")
        check(sql_value("SELECT step FROM complaints WHERE id=%d" % price) == "7", "on to step 7")
    finally:
        _cleanup()
