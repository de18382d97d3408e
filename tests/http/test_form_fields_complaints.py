"""One case per field rule of the staff complaint forms (issue 15): the
seven step forms (the rules of cgi-bin/complaints/steps.c), the leader's
decision, reopening, the note composer and matching by a customer code.
Each case sends the form with one field wrong and the others right: 422,
the message at the field and in the banner, what was typed kept, nothing
written."""
from lib import audit_max, check, check_field_error, check_status, csrf_of, sign_in, sql_value
from test_complaints import _cleanup, _make

REQUIRED = "必填。"
CHOICE = "请从列表中选择。"
DATE = "请输入有效日期"
TOO_LONG = "内容过长。"
KEPT = "<b>保留</b>的文字"     # typed into another field of the form
LONG = "长" * 5001

# step -> (valid fields, the text field that carries KEPT)
STEPS = {
    1: ({"facts": KEPT, "assignee_id": "{staff01}"}, "facts"),
    2: ({"contact_channel": "phone", "contacted_at": "2026-11-20T10:30", "symptom": KEPT}, "symptom"),
    3: ({"analysis": KEPT, "explanation": "向客户说明原因"}, "analysis"),
    4: ({"remedy": "refund", "amount": "100", "detail": KEPT}, "detail"),
    5: ({"agreed_on": "2026-11-22", "agreement_terms": KEPT, "agreed_how": "signed"}, "agreement_terms"),
    6: ({"exec_department": "售后部", "executed_on": "2026-11-23", "compensation_paid_on": "2026-11-23",
         "exec_note": KEPT}, "exec_note"),
    7: ({"followed_on": "2026-11-24", "said": KEPT}, "said"),
}
# (step, field, bad value, message): one per rule.
STEP_CASES = (
    (1, "facts", "", REQUIRED), (1, "facts", LONG, TOO_LONG),
    (1, "assignee_id", "", REQUIRED), (1, "assignee_id", "abc", CHOICE),
    (1, "assignee_id", "999999", CHOICE),
    (2, "contact_channel", "", REQUIRED), (2, "contact_channel", "pigeon", CHOICE),
    (2, "contacted_at", "", REQUIRED), (2, "contacted_at", "2026-13-40T10:30", "有效的日期和时间"),
    (2, "symptom", "", REQUIRED), (2, "bought_when", "长" * 129, TOO_LONG),
    (2, "prev_brand", "长" * 129, TOO_LONG),
    (3, "analysis", "", REQUIRED), (3, "explanation", "", REQUIRED),
    (3, "explanation", LONG, TOO_LONG),
    (4, "remedy", "", REQUIRED), (4, "remedy", "gift", CHOICE),
    (4, "amount", "-5", "金额"), (4, "amount", "0", "必须大于 0"),
    (4, "detail", "", REQUIRED),
    (5, "agreed_on", "", REQUIRED), (5, "agreed_on", "2026-02-30", DATE),
    (5, "agreement_terms", "", REQUIRED), (5, "agreed_how", "", REQUIRED),
    (5, "agreed_how", "telepathy", CHOICE),
    (6, "exec_department", "", REQUIRED), (6, "exec_department", "长" * 129, TOO_LONG),
    (6, "executed_on", "", REQUIRED), (6, "executed_on", "11/23/2026", DATE),
    (6, "compensation_paid_on", "2026-11-31", DATE),
    (6, "compensation_paid_on", "", "请填写补偿送达日期"),     # the approved remedy pays money
    (7, "followed_on", "", REQUIRED), (7, "followed_on", "2026-11-240", DATE),
    (7, "said", "", REQUIRED),
)


def _fields(fields, staff01):
    return {k: v.replace("{staff01}", staff01) for k, v in fields.items()}


def _send(c, page, action, fields):
    version = sql_value("SELECT version FROM complaints WHERE id = %s" % page.rsplit("/", 1)[1])
    body = dict({"version": version}, **fields)
    body["_csrf"] = csrf_of(c.get(page).text)
    return c.post("%s/%s" % (page, action), body)


def _refused(c, page, action, fields, field, message, kept, what):
    before = audit_max()
    r = _send(c, page, action, fields)
    check_field_error(r, field, message, kept, what)
    check(audit_max() == before, "%s: wrote an audit row" % what)


def test_each_field_rule_of_the_step_forms():
    """The complaint is carried through the seven steps; before each step
    is recorded, each of its rules is broken once on the open form. The
    leader's decision is tried after the proposal (step 4), reopening once
    it is resolved, the composer and the match by code along the way."""
    _cleanup()
    try:
        cid, _ = _make(region="huadong")
        staff, leader = sign_in("staff01"), sign_in("leader1")
        staff01 = sql_value("SELECT id FROM users WHERE username = 'staff01'")
        page = "/complaints/%d" % cid
        for step in range(1, 8):
            valid, carrier = STEPS[step]
            valid = dict(_fields(valid, staff01), step=str(step))
            for n, field, value, message in STEP_CASES:
                if n != step:
                    continue
                # The other fields come back; so does a wrong text or date
                # (a menu shows its choices again).
                kept = [KEPT] if carrier != field else []
                if value and message != CHOICE:
                    kept.append(value)
                _refused(staff, page, "step", dict(valid, **{field: value}), field, message, kept,
                         "step %d %s=%r" % (step, field, value[:20]))
            check_status(_send(staff, page, "step", dict(valid, **{carrier: "第%d步" % step})),
                         303, "step %d" % step)
            if step == 4:
                for comment, message in (("", REQUIRED), ("长" * 2001, TOO_LONG)):
                    _refused(leader, page, "decide", {"decision": "return", "comment": comment},
                             "comment", message, [comment] if comment else [], "return with comment %r" % comment[:5])
                check_status(_send(leader, page, "decide", {"decision": "approve"}), 303, "approve")
        check_status(_send(staff, page, "close", {}), 303, "close")
        for reason, message in (("", REQUIRED), ("长" * 2001, TOO_LONG)):
            _refused(staff, page, "reopen", {"reason": reason}, "reason", message, [reason] if reason else [],
                     "reopen with reason %r" % reason[:5])
        for audience, body, message in (("internal", "", REQUIRED), ("customer", "长" * 2001, TOO_LONG)):
            _refused(staff, page, "message", {"audience": audience, "body": body}, "body", message,
                     [body] if body else [],
                     "%s message %r" % (audience, body[:5]))
        _refused(staff, page, "match", {"code": "NO-SUCH-CODE"}, "code", "没有找到此编号的客户档案",
                 ["NO-SUCH-CODE"], "match by an unknown code")
    finally:
        _cleanup()
