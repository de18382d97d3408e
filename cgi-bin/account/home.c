/* The home page (account.fcgi). */
#include "account/pages.h"
#include "core/format.h"
#include "core/i18n.h"
#include "db/customer.h"
#include "db/home.h"
#include "db/inbox.h"
#include "db/signin.h"
#include <stdio.h>
#include <stdlib.h>

/* Each inbox item's wait in its largest unit ("3 天", "5 小时"). */
static NEOERR *inbox_waits(struct req *r, const char *items)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = hdf_obj_child(hdf_get_obj(r->hdf, items)); row && !err;
       row = hdf_obj_next(row)) {
    long long n;
    char unit = span_unit(strtoll(hdf_get_value(row, "waited", "0"), NULL, 10), &n), text[48];
    snprintf(text, sizeof text, "%lld %s", n,
             i18n_get(r->lang, unit == 'd' ? "Span.D" : unit == 'h' ? "Span.H" : "Span.M"));
    err = hdf_set_value(row, "waited_text", text);
  }
  return nerr_pass(err);
}

/* The home page: a leader's inbox (what awaits their decision), what was
 * returned to the user, counts, the search box, the user's open next
 * actions from the contact log, the key people's birthdays of the next 30
 * days, and the user's previous sign-in with the failures on their name
 * since. */
NEOERR *account_home(struct req *r)
{
  NEOERR *err = db_inbox_awaiting(&r->user, r->hdf, "Home.Inbox");
  if (!err) err = inbox_waits(r, "Home.Inbox.Items");
  if (!err) err = db_inbox_returned(&r->user, r->hdf, "Home.Returned");
  if (!err) err = inbox_waits(r, "Home.Returned.Items");
  if (!err) err = db_home_counts(&r->user, r->hdf);
  if (!err) err = db_home_actions(&r->user, r->hdf, "Home.Actions");
  if (!err) err = db_home_birthdays(&r->user, r->hdf, "Home.Birthdays");
  if (!err) err = db_signin_notice(&r->user, r->hdf, "Home.SignIn");
  if (!err) err = hdf_set_value(r->hdf, "Page.Section", "home");
  r->template = "home.cs";
  return nerr_pass(err);
}
