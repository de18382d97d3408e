"""Every POST form the templates render, sent with what a user would type
(form_posts.py) but without its _csrf, with an empty one and with another
session's (issue 15): 403, the 表单已过期 page, and nothing written (no audit
row: every change writes one). form_cases.tsv names this test for the csrf
case of each form in form_posts.FORMS."""
from form_posts import FORMS, ids
from lib import MSG_CSRF, Client, audit_max, check, check_refused, sign_in, sql


OTHER_TOKEN = "0123456789abcdef" * 4


def test_every_post_form_without_its_token_writes_nothing():
    rows = ids()
    clients = {}
    for key, (who, build) in sorted(FORMS.items()):
        if who not in clients:
            clients[who] = Client() if who == "out" else sign_in(who)
            if who == "out":
                clients[who].get("/login")     # the pre-session cookie
        c = clients[who]
        path, fields = build(rows)
        for token in (None, "", OTHER_TOKEN):
            body = dict(fields) if token is None else dict(fields, _csrf=token)
            before = audit_max()
            r = c.post(path, body)
            check_refused(r, 403, before, "%s (%s) with _csrf %r" % (key, path, token), MSG_CSRF)
    check("kehu_session" not in clients["out"].cookies, "signed in without a token")
    check(sql("SELECT lang FROM users WHERE username = 'staff09'")[0][0] != "en",
          "the language changed without a token")
