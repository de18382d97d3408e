"""Small scope leaks (issue 13, finding 10): the budget page of a region
outside a regional manager's scope (or of no region) is a 404, and a merged
customer does not reveal a survivor that lies in another region."""
import re

from lib import check, check_in, check_not_in, check_status, csrf_of, element_text, sign_in, sql, sql_value
from test_customer_file import PREFIX, _cleanup, _create, _region


def test_budget_other_or_unknown_region_404():
    rm = sign_in("rm_huadong")
    own = _region("huadong")
    check_status(rm.get("/plans/budget?region=%s" % own), 200, "own region")
    for region in (_region("huabei"), _region("xibei"), "999", "abc"):
        for fmt in ("", "&format=csv"):
            r = rm.get("/plans/budget?region=%s%s" % (region, fmt))
            check_status(r, 404, "RM, region %s%s" % (region, fmt))
            check_not_in("attachment", r.header("Content-Disposition") or "", "a CSV of another region")
    r = rm.get("/plans/budget?region=%s" % _region("huabei"))
    check_in("不在您负责的区域内", r.text, "readable 404")
    # Office staff see every region, but an unknown one is still a 404.
    staff = sign_in("staff01")
    check_status(staff.get("/plans/budget?region=%s" % _region("huabei")), 200, "staff, any region")
    check_status(staff.get("/plans/budget?region=999"), 404, "staff, unknown region")


def test_merged_survivor_in_other_region_hidden():
    _cleanup()
    leader = sign_in("leader1")
    try:
        keep = _create(leader, name=PREFIX + "乙公司", region_id=_region("huabei"))
        gone = _create(leader, name=PREFIX + "乙公司（重复）", region_id=_region("huadong"))
        code = sql_value("SELECT code FROM customers WHERE id = %d" % gone)
        keep_code = sql_value("SELECT code FROM customers WHERE id = %d" % keep)
        r = leader.get("/customers/%d/merge?other=%s" % (keep, code))
        r = leader.post("/customers/%d/merge" % keep, {"_csrf": csrf_of(r.text), "gone": gone})
        check_status(r, 303, "merge")
        # The leader sees the survivor's link.
        notice = element_text(leader.get("/customers/%d" % gone).text, "merged-notice")
        check_in("#%d" % keep, notice, "leader sees the survivor")
        # The 华东 manager sees the merged record but not the 华北 survivor.
        rm = sign_in("rm_huadong")
        r = rm.get("/customers/%d" % gone)
        check_status(r, 200, "merged customer of the manager's region")
        notice = element_text(r.text, "merged-notice")
        check_in("您负责区域以外", notice or "", "says it went outside the region")
        check_not_in("/customers/%d\"" % keep, r.text, "link to the survivor")
        check_not_in("#%d" % keep, r.text, "the survivor's id")
        check_not_in(keep_code, r.text, "the survivor's code")
        check_not_in(PREFIX + "乙公司<", r.text, "the survivor's name")
        hist = rm.get("/customers/%d?tab=history" % gone)
        check_status(hist, 200, "history tab")
        check_not_in("merged_into=%d" % keep, hist.text, "the survivor's id in the history")
        check_in("merged_into=%d" % keep, leader.get("/customers/%d?tab=history" % gone).text,
                 "the leader's history names the survivor")
        # Survivor in the manager's own region: the link stays.
        sql("UPDATE customers SET region_id = %s WHERE id = %d" % (_region("huadong"), keep))
        notice = element_text(rm.get("/customers/%d" % gone).text, "merged-notice")
        check(re.search(r"#%d\b" % keep, notice or ""), "own-region survivor linked: %r" % notice)
    finally:
        _cleanup()
