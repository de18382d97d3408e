#ifndef KEHU_DB_OUTBOX_H
#define KEHU_DB_OUTBOX_H
/* Notifications (schema/041, docs/notifications.md): rows of the outbox
 * are written here, in the transaction of the change that causes them, and
 * read by the sender (tools/kehu-notify.c) and the admin page. A request
 * never talks to a mail server, so a mail problem never fails or slows it. */
#include "core/req.h"

/* Queues the customer's mail about complaint id inside the caller's open
 * transaction: kind "registered", "step" (a step recorded, approved, the
 * complaint closed or reopened), "resolved" (step 6) or "message" (text:
 * what staff wrote to the customer). Nothing when the complaint has no
 * email address. The mail is rendered now, in the complaint's language
 * (templates/mail/<kind>.cs), with the customer's status link. */
NEOERR *db_outbox_complaint(long long id, const char *kind, const char *text);

/* --- the sender ------------------------------------------------------- */

struct outbox_row {
  long long id;
  char channel[8];           /* "email" or "sms" */
  char recipient[129];
  char *subject, *body;      /* the caller frees them (outbox_rows_free) */
  int attempts;              /* before this one */
  long long complaint_id, user_id;
};

/* Claims up to max due rows (queued, next_attempt_at passed) of the given
 * channels (with_sms 0: email only) with SELECT ... FOR UPDATE SKIP LOCKED
 * and moves their next_attempt_at lease_s seconds ahead, so two senders
 * never take one row and a sender that dies mid-send gives it back. */
NEOERR *db_outbox_claim(int with_sms, int lease_s, struct outbox_row *rows, int max, int *n);
void outbox_rows_free(struct outbox_row *rows, int n);
NEOERR *db_outbox_sent(long long id);
/* A failed attempt: tried again after delay_s seconds, or (delay_s < 0)
 * given up as 'failed'. why is kept in last_error. */
NEOERR *db_outbox_failed(long long id, int delay_s, const char *why);

/* The morning digest for day (YYYY-MM-DD, China): one mail per active
 * user with an email address who has overdue next actions, upcoming
 * birthdays of their customers' key people or overdue complaints in their
 * scope (what the home page and the queue show), at most once per user
 * and day whoever asks. *queued: how many were added now. */
NEOERR *db_outbox_digests(const char *day, int *queued);

/* --- the admin page --------------------------------------------------- */

/* Administrators only (KERR_FORBIDDEN for anyone else, whatever the
 * route table says). Rows in state ("queued", "failed" or "sent"),
 * newest first, at most 200,
 * under prefix.N.{id, channel, recipient, subject, kind, state, attempts,
 * next_attempt_at, last_error, created_at, sent_at, tracking_no,
 * username}; and the number of rows in each state under Counts.<state>. */
NEOERR *db_outbox_list(const struct user *u, const char *state, HDF *hdf, const char *prefix);
/* The admin queues row id again now (a failed or waiting one; attempts
 * start over), with an audit row. *outcome: 1 queued again, 0 it was sent
 * meanwhile, -1 no such row (a guessed id: 404). */
NEOERR *db_outbox_retry(const struct user *u, const char *ip, long long id, int *outcome);
#endif
