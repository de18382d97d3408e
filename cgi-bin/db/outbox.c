/* The outbox (schema/041): what the customer and staff are told, written
 * with the change that causes it, and the sender's and admin's reads. */
#include "db/complaint_list.h"
#include "db/outbox.h"
#include "db/audit.h"
#include "db/complaint.h"
#include "db/complaint_public.h"
#include "db/db.h"
#include "db/home.h"
#include "core/app.h"
#include "core/err.h"
#include "core/mail.h"
#include "core/secret.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DB_STMT add = DB_STMT_INIT(
    "INSERT IGNORE INTO outbox (channel, recipient, subject, body, lang, kind, state,"
    " next_attempt_at, created_at, complaint_id, user_id, once_key)"
    " VALUES (?, ?, ?, ?, ?, ?, 'queued', NOW(), NOW(), NULLIF(?, 0), NULLIF(?, 0), ?)");

struct mail_row {
  const char *channel, *recipient, *lang, *kind, *once_key;
  long long complaint_id, user_id;
};

/* Renders templates/mail/<template>.cs with data and queues it. */
static NEOERR *queue(const struct mail_row *m, const char *template, HDF *data, int *added)
{
  char *subject, *body;
  NEOERR *err = mail_render(template, data, m->lang, &subject, &body);
  if (err) return nerr_pass(err);
  struct db_arg a[] = {
    DB_STR(m->channel), DB_STR(m->recipient), DB_STR(subject), DB_STR(body), DB_STR(m->lang),
    DB_STR(m->kind), DB_INT(m->complaint_id), DB_INT(m->user_id), DB_STR(m->once_key),
  };
  err = db_execa(&add, a, sizeof a / sizeof a[0]);
  if (!err && added) *added = db_affected(&add) > 0;
  free(subject);
  free(body);
  return nerr_pass(err);
}

/* Where the customer's links point: the public address of the site. */
static void public_url(char *out, size_t n)
{
  const char *v = getenv("KEHU_PUBLIC_URL");
  if (v && *v) { snprintf(out, n, "%s", v); return; }
  const char *host = getenv("KEHU_HTTP_HOST"), *port = getenv("KEHU_HTTP_PORT");
  snprintf(out, n, "http://%s:%s", host && *host ? host : "127.0.0.1",
           port && *port ? port : "8080");
}

static DB_STMT complaint = DB_STMT_INIT(
    "SELECT tracking_no, email, lang, idem_key, status_token_hash IS NOT NULL, step, status,"
    " kind, contact_name, received_at, contact_phone, first_response_due"
    " FROM complaints WHERE id = ?");

/* A mainland mobile number (11 digits from 1, +86 allowed) into out, or
 * 0: only those can take a text message. */
static int mobile_number(const char *phone, char *out, size_t n)
{
  char d[24];
  size_t k = 0;
  for (const char *p = phone ? phone : ""; *p && k < sizeof d - 1; p++)
    if (*p >= '0' && *p <= '9') d[k++] = *p;
  d[k] = '\0';
  const char *m = k == 13 && strncmp(d, "86", 2) == 0 ? d + 2 : d;
  if (strlen(m) != 11 || m[0] != '1') return 0;
  snprintf(out, n, "%s", m);
  return 1;
}

NEOERR *db_outbox_complaint(long long id, const char *kind, const char *text)
{
  int row;
  NEOERR *err = db_exec(&complaint, "i", id);
  if (!err) err = db_next(&complaint, &row);
  char email[129], lang[8], nonce[SIGNED_NONCE_HEX + 1], mobile[24];
  /* The registration's text message, to a mobile number given. */
  int sms = !err && row && strcmp(kind, "registered") == 0 &&
            mobile_number(db_str(&complaint, 10), mobile, sizeof mobile);
  if (err || !row || ((!db_str(&complaint, 1) || !*db_str(&complaint, 1)) && !sms)) {
    db_done(&complaint);
    return nerr_pass(err);
  }
  HDF *data;
  if ((err = hdf_init(&data))) { db_done(&complaint); return nerr_pass(err); }
  snprintf(email, sizeof email, "%s", db_str(&complaint, 1) ? db_str(&complaint, 1) : "");
  snprintf(lang, sizeof lang, "%s", db_str(&complaint, 2));
  snprintf(nonce, sizeof nonce, "%s", db_str(&complaint, 3) ? db_str(&complaint, 3) : "");
  int has_link = (int)db_int(&complaint, 4);
  /* received_at and sla_due give the promise in business hours (Mail.sla_hours). */
  static const char *const cols[] = { "tracking_no", NULL, NULL, NULL, NULL, "step", "status",
                                      "kind", "name", "received_at", NULL, "sla_due" };
  for (int i = 0; i < 12 && !err; i++) {
    char name[32];
    snprintf(name, sizeof name, "Mail.%s", cols[i] ? cols[i] : "");
    if (cols[i] && db_str(&complaint, i)) err = hdf_set_value(data, name, db_str(&complaint, i));
  }
  db_done(&complaint);
  if (!err) err = db_complaint_promise_hours(data, "Mail");
  if (!err && text) err = hdf_set_value(data, "Mail.text", text);
  if (!err && has_link && *nonce) {
    char token[DERIVED_HEX + 1], hash[DERIVED_HEX + 1], base[256];
    public_url(base, sizeof base);
    if (!(err = status_link_token(nonce, token, hash)))
      err = hdf_set_valuef(data, "Mail.link=%s/complaint/status?t=%s", base, token);
  }
  struct mail_row m = { .channel = "email", .recipient = email, .lang = lang, .kind = kind,
                        .complaint_id = id };
  if (!err && *email) err = queue(&m, kind, data, NULL);
  struct mail_row t = { .channel = "sms", .recipient = mobile, .lang = lang, .kind = kind,
                        .complaint_id = id };
  if (!err && sms) err = queue(&t, "sms_registered", data, NULL);
  hdf_destroy(&data);
  return nerr_pass(err);
}

/* --- the sender ------------------------------------------------------- */

static DB_STMT due = DB_STMT_INIT(
    "SELECT id, channel, recipient, subject, body, attempts, complaint_id, user_id FROM outbox"
    " WHERE state = 'queued' AND next_attempt_at <= NOW() AND (? OR channel = 'email')"
    " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED");
static DB_STMT lease = DB_STMT_INIT(
    "UPDATE outbox SET next_attempt_at = NOW() + INTERVAL ? SECOND WHERE id = ?");

void outbox_rows_free(struct outbox_row *rows, int n)
{
  for (int i = 0; i < n; i++) {
    free(rows[i].subject);
    free(rows[i].body);
    rows[i].subject = rows[i].body = NULL;
  }
}

static NEOERR *claim_locked(int with_sms, int lease_s, struct outbox_row *rows, int max, int *n)
{
  NEOERR *err = db_exec(&due, "ii", (long long)(with_sms != 0), (long long)max);
  int more = 0;
  while (!err && *n < max && !(err = db_next(&due, &more)) && more) {
    struct outbox_row *r = &rows[*n];
    memset(r, 0, sizeof *r);
    r->id = db_int(&due, 0);
    snprintf(r->channel, sizeof r->channel, "%s", db_str(&due, 1));
    snprintf(r->recipient, sizeof r->recipient, "%s", db_str(&due, 2));
    r->subject = strdup(db_str(&due, 3) ? db_str(&due, 3) : "");
    r->body = strdup(db_str(&due, 4) ? db_str(&due, 4) : "");
    r->attempts = (int)db_int(&due, 5);
    r->complaint_id = db_int(&due, 6);
    r->user_id = db_int(&due, 7);
    (*n)++;
    if (!r->subject || !r->body) err = nerr_raise(NERR_NOMEM, "outbox row");
  }
  db_done(&due);
  for (int i = 0; !err && i < *n; i++) err = db_exec(&lease, "ii", (long long)lease_s, rows[i].id);
  return nerr_pass(err);
}

NEOERR *db_outbox_claim(int with_sms, int lease_s, struct outbox_row *rows, int max, int *n)
{
  *n = 0;
  NEOERR *err = db_begin();
  if (!err) err = claim_locked(with_sms, lease_s, rows, max, n);
  if (!err) err = db_commit();
  if (err) {
    db_rollback();
    outbox_rows_free(rows, *n);
    *n = 0;
  }
  return nerr_pass(err);
}

static DB_STMT sent = DB_STMT_INIT(
    "UPDATE outbox SET state = 'sent', sent_at = NOW(), attempts = attempts + 1,"
    " last_error = NULL WHERE id = ?");
static DB_STMT failed = DB_STMT_INIT(
    "UPDATE outbox SET attempts = attempts + 1, last_error = LEFT(?, 255),"
    " state = IF(? < 0, 'failed', 'queued'),"
    " next_attempt_at = IF(? < 0, next_attempt_at, NOW() + INTERVAL ? SECOND) WHERE id = ?");

NEOERR *db_outbox_sent(long long id)
{
  return nerr_pass(db_exec(&sent, "i", id));
}

NEOERR *db_outbox_failed(long long id, int delay_s, const char *why)
{
  long long d = delay_s;
  return nerr_pass(db_exec(&failed, "siiii", why, d, d, d < 0 ? 0 : d, id));
}

/* --- the morning digest ------------------------------------------------ */

static DB_STMT next_user = DB_STMT_INIT(
    "SELECT id, role, username, display_name, lang, region_list, email FROM users"
    " WHERE id > ? AND active = 1 AND email IS NOT NULL AND email LIKE '%_@_%'"
    " ORDER BY id LIMIT 1");

/* The next user after *after into u and email; *found 0 at the end. */
static NEOERR *digest_user(unsigned *after, struct user *u, char *email, size_t n, int *found)
{
  NEOERR *err = db_exec(&next_user, "i", (long long)*after);
  if (!err) err = db_next(&next_user, found);
  if (!err && *found) {
    memset(u, 0, sizeof *u);
    u->id = (unsigned)db_int(&next_user, 0);
    u->role = role_parse(db_str(&next_user, 1));
    snprintf(u->username, sizeof u->username, "%s", db_str(&next_user, 2));
    snprintf(u->display_name, sizeof u->display_name, "%s", db_str(&next_user, 3));
    snprintf(u->lang, sizeof u->lang, "%s", db_str(&next_user, 4));
    for (const char *p = db_str(&next_user, 5); p && *p && u->nregions < USER_MAX_REGIONS;) {
      u->regions[u->nregions++] = (unsigned)strtoul(p, (char **)&p, 10);
      if (*p == ',') p++;
    }
    snprintf(email, n, "%s", db_str(&next_user, 6));
    *after = u->id;
  }
  db_done(&next_user);
  return nerr_pass(err);
}

/* The home page's reminders and the queue's overdue complaints for u into
 * data (Digest.*); *any 1 when there is something to say. */
static NEOERR *digest_data(const struct user *u, HDF *data, int *any)
{
  struct complaint_filter f = { .status = STATUS_OPEN, .overdue = 1, .oldest = 1, .page = 1,
                                .per = 20 };
  long long total = 0;
  int capped, more;
  NEOERR *err = db_home_actions(u, data, "Digest.Actions");
  if (!err) err = db_home_birthdays(u, data, "Digest.Birthdays");
  if (!err) err = db_complaint_queue(u, &f, data, &total, &capped, &more);
  if (err) return nerr_pass(err);
  /* Birthdays within a week of the user's own customers (a regional
   * manager's: of the regions' customers) are worth a morning mail; the
   * month ahead and everyone's are on the home page. */
  HDF *b = hdf_get_obj(data, "Digest.Birthdays");
  int soon = 0;
  for (HDF *k = b ? hdf_obj_child(b) : NULL; k && !err; k = hdf_obj_next(k)) {
    int show = hdf_get_int_value(k, "days", 99) <= 7 &&
               (hdf_get_int_value(k, "mine", 0) || u->role == ROLE_RM);
    soon += show;
    err = hdf_set_int_value(k, "show", show);
  }
  if (!err) err = hdf_set_int_value(data, "Digest.birthdays_soon", soon);
  if (!err) err = hdf_set_int_value(data, "Digest.complaints", (int)total);
  *any = hdf_get_int_value(data, "Digest.Actions.overdue", 0) > 0 || soon > 0 || total > 0;
  return nerr_pass(err);
}

NEOERR *db_outbox_digests(const char *day, int *queued)
{
  *queued = 0;
  unsigned after = 0;
  char base[256];
  public_url(base, sizeof base);
  for (;;) {
    struct user u;
    char email[129];
    int found, any = 0, added = 0;
    NEOERR *err = digest_user(&after, &u, email, sizeof email, &found);
    if (err || !found) return nerr_pass(err);
    HDF *data;
    if ((err = hdf_init(&data))) return nerr_pass(err);
    char once[48];
    snprintf(once, sizeof once, "digest:%.10s:%u", day, u.id);
    struct mail_row m = { .channel = "email", .recipient = email, .lang = u.lang,
                          .kind = "digest", .user_id = u.id, .once_key = once };
    if (!(err = hdf_set_value(data, "Digest.name", u.display_name)) &&
        !(err = hdf_set_value(data, "Digest.day", day)) &&
        !(err = hdf_set_value(data, "Digest.url", base)) &&
        !(err = digest_data(&u, data, &any)) && any)
      err = queue(&m, "digest", data, &added);
    hdf_destroy(&data);
    if (err) return nerr_pass(err);
    *queued += added;
  }
}

/* --- the admin page --------------------------------------------------- */

#define LIST_COLS                                                                     \
  "SELECT o.id, o.channel, o.recipient, o.subject, o.kind, o.state, o.attempts,"      \
  " o.next_attempt_at, o.last_error, o.created_at, o.sent_at, c.tracking_no,"         \
  " u.username FROM outbox o LEFT JOIN complaints c ON c.id = o.complaint_id"         \
  " LEFT JOIN users u ON u.id = o.user_id"
static DB_STMT list = DB_STMT_INIT(LIST_COLS " WHERE o.state = ? ORDER BY o.id DESC LIMIT 200");
static DB_STMT counts = DB_STMT_INIT("SELECT state, COUNT(*) FROM outbox GROUP BY state");

static NEOERR *admin_only(const struct user *u)
{
  if (u->role == ROLE_ADMIN) return STATUS_OK;
  return nerr_raise(KERR_FORBIDDEN, "user %u is not an administrator", u->id);
}

NEOERR *db_outbox_list(const struct user *u, const char *state, HDF *hdf, const char *prefix)
{
  NEOERR *err = admin_only(u);
  if (!err) err = db_exec(&counts, "");
  int more = 0;
  while (!err && !(err = db_next(&counts, &more)) && more)
    err = hdf_set_valuef(hdf, "Counts.%s=%s", db_str(&counts, 0), db_str(&counts, 1));
  db_done(&counts);
  if (!err) err = db_exec(&list, "s", state);
  if (!err) err = db_rows_to_hdf(&list, hdf, prefix, NULL);
  return nerr_pass(err);
}

static DB_STMT retry = DB_STMT_INIT(
    "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = NOW()"
    " WHERE id = ? AND state <> 'sent'");
static DB_STMT row_there = DB_STMT_INIT("SELECT COUNT(*) FROM outbox WHERE id = ?");

NEOERR *db_outbox_retry(const struct user *u, const char *ip, long long id, int *outcome)
{
  *outcome = -1;
  NEOERR *err = admin_only(u);
  if (err) return nerr_pass(err);
  if ((err = db_begin())) return nerr_pass(err);
  err = db_exec(&retry, "i", id);
  int found = !err && db_affected(&retry) > 0;
  if (found) {
    *outcome = 1;
  } else if (!err) {
    int row = 0;
    if (!(err = db_exec(&row_there, "i", id))) err = db_next(&row_there, &row);
    *outcome = !err && row && db_int(&row_there, 0) > 0 ? 0 : -1;
    db_done(&row_there);
  }
  if (!err && found) err = db_audit(u, ip, "outbox.retry", "outbox", (unsigned long long)id, "");
  if (!err) err = db_commit();
  if (err) db_rollback();
  return nerr_pass(err);
}
