"""One case per field rule of the public complaint-status forms (issue 15):
looking a complaint up by its number and phone, and rating it. Each case
sends the form with one field wrong and the others right: 422, the
message at the field and in the banner, what was typed shown again
(escaped), nothing written (no rating, no counted failure)."""
from lib import check, check_field_error, sql_value
from test_complaint_public import PublicClient, file_complaint
from test_complaint_public_status import fails, look_up, rate, resolve

REQUIRED = "必填"
KEPT = "<b>保留</b>的评价"

# (field, bad value, message) of the status form: number and phone.
LOOKUP = (("tracking_no", "", REQUIRED), ("tracking_no", "12345", "受理编号的格式"),
          ("tracking_no", "<b>TS</b>", "受理编号的格式"), ("tracking_no", "T" * 21, "过长"),
          ("phone", "", REQUIRED), ("phone", "12a", "电话号码"))
# (field, bad value, message) of the rating form: score and comment.
RATING = (("score", "", REQUIRED), ("score", "9", "1 到 5 分"), ("score", "x", "1 到 5 分"),
          ("score", "55", "过长"), ("comment", "长" * 1001, "过长"))


def test_each_field_rule_of_the_status_forms():
    _, tn, phone, cid = file_complaint()
    c = PublicClient()
    for field, value, message in LOOKUP:
        body = dict({"tracking_no": tn, "phone": phone}, **{field: value})
        r = look_up(c, body["tracking_no"], body["phone"])
        kept = [body["tracking_no"]] if field == "phone" else []
        kept += [value] if value and field == "tracking_no" else []
        check_field_error(r, field, message, kept, "status: %s=%r" % (field, value[:20]))
    check(fails(c.addr) == 0, "a malformed look-up counted as a failure")
    resolve(cid)
    # A second visitor address: nginx allows one address a burst of 20
    # requests (5 a second after that), and the two loops send 22.
    c = PublicClient()
    for field, value, message in RATING:
        body = dict({"score": "2", "comment": KEPT}, **{field: value})
        r = rate(c, tn, phone, body["score"], body["comment"])
        kept = [KEPT] if field == "score" else [value]
        check_field_error(r, field, message, kept, "rating: %s=%r" % (field, value[:20]))
        check(sql_value("SELECT rated_at IS NULL FROM complaints WHERE id = %d" % cid) == "1",
              "rating: %s=%r stored a rating" % (field, value[:20]))
