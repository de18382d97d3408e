#include "db/complaint_clock.h"
#include "db/complaint_public.h"
#include "db/workcal.h"
#include "db/audit.h"
#include "db/complaint_sql.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/scope.h"
#include "core/err.h"
#include <stdio.h>
#include <string.h>

static DB_STMT attempts = DB_STMT_INIT(
    "SELECT COUNT(*) FROM public_attempts"
    " WHERE kind = ? AND ip = ? AND at > NOW() - INTERVAL ? SECOND");
static DB_STMT attempt_add = DB_STMT_INIT(
    "INSERT INTO public_attempts (kind, ip, tracking_no, at) VALUES (?, ?, ?, NOW())");
static DB_STMT number_fails = DB_STMT_INIT(
    "SELECT COUNT(*) FROM public_attempts"
    " WHERE kind = 'lookup_fail' AND tracking_no = ? AND at > NOW() - INTERVAL ? SECOND");

static NEOERR *count_of(DB_STMT *s, long long *count)
{
  int more;
  NEOERR *err = db_next(s, &more);
  if (!err && more) *count = db_int(s, 0);
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_public_attempts(const char *kind, const char *ip, int window, long long *count)
{
  *count = 0;
  NEOERR *err = db_exec(&attempts, "ssi", kind, ip, (long long)window);
  return nerr_pass(err ? err : count_of(&attempts, count));
}

NEOERR *db_public_number_fails(const char *tracking_no, int window, long long *count)
{
  *count = 0;
  NEOERR *err = db_exec(&number_fails, "si", tracking_no, (long long)window);
  return nerr_pass(err ? err : count_of(&number_fails, count));
}

/* Attempts only matter inside the throttle windows (minutes); a day is
 * kept for looking into abuse. Every PRUNE_EVERY-th attempt a process
 * records also removes a batch of older ones (on KEY (at)), so the table
 * stays small without a separate job. */
#define PRUNE_EVERY 200
static DB_STMT attempt_prune = DB_STMT_INIT(
    "DELETE FROM public_attempts WHERE at < NOW() - INTERVAL 1 DAY ORDER BY at LIMIT 1000");

NEOERR *db_public_attempt_add(const char *kind, const char *ip, const char *tracking_no)
{
  static unsigned added;
  NEOERR *err = db_exec(&attempt_add, "sss", kind, ip, tracking_no);
  if (!err && ++added % PRUNE_EVERY == 0) err = db_exec(&attempt_prune, "");
  return nerr_pass(err);
}

static DB_STMT provinces = DB_STMT_INIT(
    "SELECT id, name_zh, name_en FROM provinces ORDER BY sort, id");

NEOERR *db_province_list(HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&provinces, hdf, prefix, ""));
}

static DB_STMT refs = DB_STMT_INIT(
    "SELECT (SELECT COUNT(*) FROM provinces WHERE id = ?),"
    " (SELECT r.id FROM provinces p JOIN regions r ON r.code = p.region_code WHERE p.id = ?),"
    " (SELECT COUNT(*) FROM products WHERE id = ? AND active = 1)");

NEOERR *db_public_refs(long long province_id, long long product_id, int *province_ok,
                       long long *region_id, int *product_ok)
{
  int more;
  *province_ok = *product_ok = 0;
  *region_id = 0;
  NEOERR *err = db_exec(&refs, "iii", province_id, province_id, product_id);
  if (!err) err = db_next(&refs, &more);
  if (!err && more) {
    *province_ok = db_int(&refs, 0) > 0;
    *region_id = db_int(&refs, 1);
    *product_ok = db_int(&refs, 2) > 0;
  }
  db_done(&refs);
  return nerr_pass(err);
}

/* One counter row per day; LAST_INSERT_ID(expr) hands this transaction its
 * number, and the row stays locked until commit, so numbers are unique and
 * a rolled-back submission gives its number back. */
static DB_STMT seq = DB_STMT_INIT(
    "INSERT INTO complaint_seq (day, last) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)");
static DB_STMT ins = DB_STMT_INIT(
    "INSERT INTO complaints (tracking_no, region_id, province_id, source, taken_by,"
    " customer_id, product_id, kind, reason, expected, contact_name, contact_phone, email,"
    " company, product_text, purchase_date, order_ref, packaging_intact, return_in_window,"
    " description, step, status, received_at, first_response_due, idem_key,"
    " status_token_hash, submit_ip, updated_at, lang)"
    " VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?,"
    " NULLIF(?, ''), ?, ?, NULLIF(?, ''),"
    " NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, -1),"
    " NULLIF(?, -1), ?, 1, 'open', NOW(), NULL, ?, UNHEX(?), ?, NOW(),"
    " COALESCE(?, 'zh-CN'))");
static DB_STMT handling = DB_STMT_INIT(
    "INSERT INTO complaint_handling (complaint_id) VALUES (?)");
static DB_STMT event = DB_STMT_INIT(
    "INSERT INTO complaint_events (complaint_id, step, event, user_id, at, note)"
    " VALUES (?, ?, ?, NULLIF(?, 0), NOW(), ?)");
static DB_STMT message = DB_STMT_INIT(
    "INSERT INTO complaint_messages (complaint_id, audience, author, user_id, body, at)"
    " VALUES (?, 'customer', 'system', NULL, ?, NOW())");
static DB_STMT attach = DB_STMT_INIT(
    "INSERT INTO complaint_attachments (complaint_id, file_name, content_type, size,"
    " stored_name, uploaded_at) VALUES (?, ?, ?, ?, ?, NOW())");
static DB_STMT by_key = DB_STMT_INIT("SELECT id FROM complaints WHERE idem_key = ?");

static NEOERR *key_taken(const char *idem_key, int *taken, long long *id)
{
  int more;
  NEOERR *err = db_exec(&by_key, "s", idem_key);
  if (!err) err = db_next(&by_key, &more);
  *taken = !err && more;
  if (*taken) *id = db_int(&by_key, 0);
  db_done(&by_key);
  return nerr_pass(err);
}

static NEOERR *insert_all(const struct complaint_new *c, char *tracking_no, size_t n,
                          long long *id_out)
{
  long long taker = c->taken_by ? (long long)c->taken_by->id : 0;
  /* The public form's attempt counts against the address; staff are
   * signed in and not throttled. */
  NEOERR *err = taker ? STATUS_OK
                      : db_exec(&attempt_add, "sss", "submit", c->ip, (const char *)NULL);
  if (!err) err = db_exec(&seq, "s", c->day);
  if (err) return nerr_pass(err);
  snprintf(tracking_no, n, "TS%.4s%.2s%.2s-%04llu", c->day, c->day + 5, c->day + 8,
           db_insert_id(&seq));
  struct db_arg a[] = {
    DB_STR(tracking_no), DB_INT(c->region_id), DB_INT(c->province_id),
    DB_STR(c->source ? c->source : "web"), DB_INT(taker), DB_INT(c->customer_id),
    DB_INT(c->product_id), DB_STR(c->kind), DB_STR(c->reason),
    DB_STR(c->expected ? c->expected : ""), DB_STR(c->name),
    DB_STR(c->phone), DB_STR(c->email), DB_STR(c->company), DB_STR(c->product_text),
    DB_STR(c->purchase_date), DB_STR(c->order_ref), DB_INT(c->packaging_intact),
    DB_INT(c->return_in_window), DB_STR(c->description),
    DB_STR(c->idem_key), DB_STR(c->status_token_hash), DB_STR(c->ip), DB_STR(c->lang),
  };
  if ((err = db_execa(&ins, a, sizeof a / sizeof a[0]))) return nerr_pass(err);
  long long id = (long long)db_insert_id(&ins);
  *id_out = id;
  /* The due times: the calendar's promises from now, in business hours. */
  if ((err = db_complaint_clock(id)) || (err = db_exec(&handling, "i", id)) ||
      (err = db_exec(&event, "iisis", id, 1LL, "registered", taker,
                        taker ? c->source : (const char *)NULL)) ||
      (err = db_exec(&message, "is", id, c->message)))
    return nerr_pass(err);
  for (int i = 0; i < c->nfiles; i++) {
    const struct complaint_file *f = &c->files[i];
    if ((err = db_exec(&attach, "issis", id, f->file_name, f->content_type, f->size,
                       f->stored_name)))
      return nerr_pass(err);
  }
  /* The customer's confirmation mail, with the complaint or not at all. */
  if ((err = db_outbox_complaint(id, "registered", NULL))) return nerr_pass(err);
  char detail[64];
  snprintf(detail, sizeof detail, "%s %s", tracking_no, c->source ? c->source : "web");
  return nerr_pass(db_audit(c->taken_by, c->ip, "complaint.create", "complaint", id, detail));
}

/* Staff may register a complaint only for a region they see, and link
 * only a customer file they see (a regional manager's regions). */
static DB_STMT customer_seen = DB_STMT_INIT(
    "SELECT 1 FROM customers c WHERE c.id = ? AND c.status <> 'merged'"
    " AND " CUSTOMER_SCOPE("c.region_id"));

static NEOERR *take_refused(const struct complaint_new *c, enum complaint_take *out)
{
  *out = TAKE_OK;
  if (!c->taken_by) return STATUS_OK;
  if (!scope_allows(c->taken_by, (unsigned)c->region_id)) { *out = TAKE_REGION; return STATUS_OK; }
  if (!c->customer_id) return STATUS_OK;
  int row;
  NEOERR *err = db_exec(&customer_seen, "iii", c->customer_id,
                        (long long)scope_limited(c->taken_by), (long long)c->taken_by->id);
  if (!err) err = db_next(&customer_seen, &row);
  db_done(&customer_seen);
  if (!err && !row) *out = TAKE_CUSTOMER;
  return nerr_pass(err);
}

/* One transaction; the same form again (double click, reload, retry)
 * finds its key taken, by an earlier request or by one that committed
 * while we waited, and answers with that complaint. */
static NEOERR *register_once(const struct complaint_new *c, char *tracking_no, size_t n,
                             long long *id, int *duplicate, enum complaint_take *out)
{
  *duplicate = 0;
  *id = 0;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if (!(err = take_refused(c, out)) && *out != TAKE_OK) { db_rollback(); return STATUS_OK; }
  if (!err && !(err = insert_all(c, tracking_no, n, id)) && !(err = db_commit()))
    return STATUS_OK;
  db_rollback();
  if (nerr_match(err, KERR_CONFLICT)) {
    NEOERR *e2 = key_taken(c->idem_key, duplicate, id);
    if (e2) { nerr_ignore(&err); return nerr_pass(e2); }
    if (*duplicate) { nerr_ignore(&err); return STATUS_OK; }
  }
  return nerr_pass(err);
}

NEOERR *db_complaint_submit(const struct complaint_new *c, char *tracking_no,
                            size_t n, int *duplicate)
{
  long long id;
  enum complaint_take out;
  return nerr_pass(register_once(c, tracking_no, n, &id, duplicate, &out));
}

NEOERR *db_complaint_take(const struct complaint_new *c, char *tracking_no, size_t n,
                          long long *id, enum complaint_take *out)
{
  int duplicate;
  return nerr_pass(register_once(c, tracking_no, n, id, &duplicate, out));
}

#define RECEIPT_SELECT \
    "SELECT c.tracking_no, c.kind, c.reason, c.received_at, DATE(c.received_at) AS received_day," \
    " c.purchase_date, c.packaging_intact, c.return_in_window," \
    " c.first_response_due AS sla_due," \
    " c.status_token_hash IS NOT NULL AS has_link"
static DB_STMT receipt = DB_STMT_INIT(RECEIPT_SELECT " FROM complaints c WHERE c.idem_key = ?");
/* Staff's receipt also names the form key (the link is derived from it),
 * whom it was taken from, how and by whom. */
static DB_STMT receipt_staff = DB_STMT_INIT(
    RECEIPT_SELECT ", c.id, c.idem_key, c.source, c.expected, c.contact_name, c.contact_phone,"
    " u.display_name AS taken_by_name, cu.code AS customer_code, cu.name AS customer_name"
    " FROM complaints c LEFT JOIN users u ON u.id = c.taken_by"
    " LEFT JOIN customers cu ON cu.id = c.customer_id"
    " WHERE c.id = ? AND " COMPLAINT_SCOPE("c.region_id"));

/* The first-response promise in business hours ("8", "7.5") as
 * prefix.sla_hours: the working time from receipt to the due time. */
NEOERR *db_complaint_promise_hours(HDF *hdf, const char *prefix)
{
  const struct workcal *cal;
  NEOERR *err = db_workcal(&cal);
  if (err) return nerr_pass(err);
  char key[64], text[24];
  snprintf(key, sizeof key, "%s.received_at", prefix);
  long long from = workcal_time(hdf_get_value(hdf, key, ""));
  snprintf(key, sizeof key, "%s.sla_due", prefix);
  long long due = workcal_time(hdf_get_value(hdf, key, ""));
  if (from < 0 || due < 0) return STATUS_OK;
  workcal_hours_text(workcal_between(cal, from, due) / 60, text, sizeof text);
  snprintf(key, sizeof key, "%s.sla_hours", prefix);
  return nerr_pass(hdf_set_value(hdf, key, text));
}

static NEOERR *receipt_row(DB_STMT *s, HDF *hdf, const char *prefix, int *found)
{
  NEOERR *err = db_row_to_hdf(s, hdf, prefix, found);
  if (!err && *found) err = db_complaint_promise_hours(hdf, prefix);
  return nerr_pass(err);
}

NEOERR *db_complaint_receipt(const char *idem_key, HDF *hdf, const char *prefix, int *found)
{
  NEOERR *err = db_exec(&receipt, "s", idem_key);
  if (err) return nerr_pass(err);
  return nerr_pass(receipt_row(&receipt, hdf, prefix, found));
}

NEOERR *db_complaint_receipt_staff(const struct user *u, long long id, HDF *hdf,
                                   const char *prefix, int *found)
{
  NEOERR *err = db_exec(&receipt_staff, "iii", id, (long long)scope_limited(u), (long long)u->id);
  if (err) return nerr_pass(err);
  return nerr_pass(receipt_row(&receipt_staff, hdf, prefix, found));
}

#define STATUS_SELECT \
    "SELECT c.id, c.tracking_no, c.contact_phone, c.kind, c.reason, c.step, c.status," \
    " c.received_at, c.first_response_due, c.first_response_at, c.resolved_at," \
    " c.closed_at, c.satisfaction, c.rated_at, c.reopen_count," \
    " (c.resolved_at IS NOT NULL AND (c.rated_at IS NULL OR c.rated_at < c.resolved_at))" \
    " AS can_rate, (c.rated_at IS NOT NULL AND c.rated_at >= c.resolved_at) AS rated," \
    " p.name AS product, c.product_text" \
    " FROM complaints c LEFT JOIN products p ON p.id = c.product_id"
static DB_STMT status = DB_STMT_INIT(STATUS_SELECT " WHERE c.tracking_no = ?");
static DB_STMT status_by_token = DB_STMT_INIT(STATUS_SELECT " WHERE c.status_token_hash = UNHEX(?)");

/* The row of s (executed) into prefix.*; its phone, the lookup's secret,
 * goes to phone (when given) and never reaches a template. */
static NEOERR *status_row(DB_STMT *s, HDF *hdf, const char *prefix, long long *id,
                          char *phone, size_t n, int *found)
{
  NEOERR *err = db_row_to_hdf(s, hdf, prefix, found);
  if (err || !*found) return nerr_pass(err);
  HDF *row = hdf_get_obj(hdf, prefix);
  *id = hdf_get_int_value(row, "id", 0);
  if (phone) snprintf(phone, n, "%s", hdf_get_value(row, "contact_phone", ""));
  return nerr_pass(hdf_remove_tree(row, "contact_phone"));
}

NEOERR *db_complaint_status(const char *tracking_no, HDF *hdf, const char *prefix,
                            long long *id, char *phone, size_t n, int *found)
{
  *id = 0;
  phone[0] = '\0';
  NEOERR *err = db_exec(&status, "s", tracking_no);
  return nerr_pass(err ? err : status_row(&status, hdf, prefix, id, phone, n, found));
}

NEOERR *db_complaint_status_by_token(const char *token_hash, HDF *hdf, const char *prefix,
                                     long long *id, int *found)
{
  *id = 0;
  NEOERR *err = db_exec(&status_by_token, "s", token_hash);
  return nerr_pass(err ? err : status_row(&status_by_token, hdf, prefix, id, NULL, 0, found));
}

static DB_STMT messages = DB_STMT_INIT(
    "SELECT at, author, body FROM complaint_messages"
    " WHERE complaint_id = ? AND audience = 'customer' ORDER BY id LIMIT 200");

NEOERR *db_complaint_customer_messages(long long id, HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&messages, hdf, prefix, "i", id));
}

static DB_STMT lock = DB_STMT_INIT(
    "SELECT step, resolved_at IS NOT NULL,"
    " (rated_at IS NOT NULL AND rated_at >= resolved_at)"
    " FROM complaints WHERE id = ? FOR UPDATE");
static DB_STMT rate = DB_STMT_INIT(
    "UPDATE complaints SET satisfaction = ?, satisfaction_comment = NULLIF(?, ''),"
    " rated_at = NOW(), version = version + 1, updated_at = NOW() WHERE id = ?");
static DB_STMT reopen = DB_STMT_INIT(
    "UPDATE complaints SET status = 'open', step = 7, closed_at = NULL,"
    " reopen_count = reopen_count + 1 WHERE id = ?");

/* A score of 3 or less means "not satisfied" (step 7 of the procedure:
 * follow up until the customer says they are satisfied). */
#define SATISFIED_MIN 4

static NEOERR *rate_locked(long long id, int score, const char *comment, const char *ip,
                           enum rate_outcome *outcome)
{
  int more = 0;
  NEOERR *err = db_exec(&lock, "i", id);
  if (!err) err = db_next(&lock, &more);
  long long step = more ? db_int(&lock, 0) : 0;
  int resolved = more && db_int(&lock, 1), rated = more && db_int(&lock, 2);
  db_done(&lock);
  if (err) return nerr_pass(err);
  if (!resolved) { *outcome = RATE_NOT_RESOLVED; return STATUS_OK; }
  if (rated) { *outcome = RATE_ALREADY; return STATUS_OK; }
  char note[16];
  snprintf(note, sizeof note, "%d/5", score);
  if ((err = db_exec(&rate, "isi", (long long)score, comment, id)) ||
      (err = db_exec(&event, "iisis", id, step, "rated", 0LL, note)))
    return nerr_pass(err);
  *outcome = RATE_OK;
  if (score < SATISFIED_MIN) {
    if ((err = db_exec(&reopen, "i", id)) ||
        (err = db_exec(&event, "iisis", id, 7LL, "reopened", 0LL, note)))
      return nerr_pass(err);
    *outcome = RATE_REOPENED;
  }
  char detail[48];
  snprintf(detail, sizeof detail, "score %d%s", score,
           *outcome == RATE_REOPENED ? ", reopened" : "");
  return nerr_pass(db_audit(NULL, ip, "complaint.rate", "complaint", id, detail));
}

NEOERR *db_complaint_rate(long long id, int score, const char *comment, const char *ip,
                          enum rate_outcome *outcome)
{
  *outcome = RATE_NOT_RESOLVED;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  err = rate_locked(id, score, comment, ip, outcome);
  return nerr_pass(db_end(err, *outcome == RATE_OK || *outcome == RATE_REOPENED));
}
