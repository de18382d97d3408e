"""Guessed ids that name no row (issue 15): every POST form whose address
carries an id (form_posts.FORMS) is sent, by its own kind of user with a
valid token and what a user would type, with that id replaced by 0, a
number too big for any column, letters and a negative number: 400 or
404, never a 500, and nothing written (no audit row)."""
import re

from form_posts import FORMS, ids
from lib import audit_max, check, check_refused, csrf_of, sign_in

GUESSES = ("0", "99999999999999999999", "abc", "-1")
FIRST_ID = re.compile(r"/\d+(?=/|$)")


def test_ids_that_name_no_row_write_nothing():
    rows = ids()
    clients = {}
    sent = 0
    for key, (who, build) in sorted(FORMS.items()):
        path, fields = build(rows)
        if who == "out" or not FIRST_ID.search(path):
            continue
        if who not in clients:
            c = sign_in(who)
            clients[who] = (c, csrf_of(c.get("/").text))
        c, token = clients[who]
        for guess in GUESSES:
            guessed = FIRST_ID.sub("/" + guess, path, count=1)
            before = audit_max()
            r = c.post(guessed, dict(fields, _csrf=token))
            check_refused(r, (400, 404), before, "%s as %s: %s" % (key, who, guessed))
            sent += 1
    check(sent >= 4 * 30, "only %d guesses sent" % sent)
