/* One complaint with everything recorded for it; match suggestions; the
 * attachments; a customer's complaints. */
#include "db/complaint.h"
#include "db/complaint_sql.h"
#include "db/db.h"
#include "db/stored_file.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DB_STMT get = DB_STMT_INIT(
    "SELECT c.*, r.name_zh AS region_zh, r.name_en AS region_en,"
    " pv.name_zh AS province_zh, pv.name_en AS province_en,"
    " p.code AS product_code, p.name AS product_name, u.display_name AS assignee,"
    " cu.code AS customer_code, cu.name AS customer_name,"
    " tb.display_name AS taken_by_name,"
    " (c.status = 'open' AND c.first_response_at IS NULL AND c.first_response_due < NOW()) AS overdue,"
    COMPLAINT_FOLLOWUPS_OPEN " AS followups_open,"
    COMPLAINT_CLOCK_COLS
    " FROM complaints c"
    " LEFT JOIN regions r ON r.id = c.region_id"
    " LEFT JOIN provinces pv ON pv.id = c.province_id"
    " LEFT JOIN products p ON p.id = c.product_id"
    " LEFT JOIN users u ON u.id = c.assignee_id"
    " LEFT JOIN customers cu ON cu.id = c.customer_id"
    " LEFT JOIN users tb ON tb.id = c.taken_by"
    " WHERE c.id = ? AND " COMPLAINT_SCOPE("c.region_id"));

/* What the page lists below the complaint, each by its complaint_id index. */
static DB_STMT handling = DB_STMT_INIT(
    "SELECT * FROM complaint_handling WHERE complaint_id = ?");
static DB_STMT proposals = DB_STMT_INIT(
    "SELECT p.id, p.remedy, p.amount, p.detail, p.proposed_by, p.proposed_at, p.decision,"
    " p.decided_at, p.decision_comment, a.display_name AS proposer, d.display_name AS decider"
    " FROM complaint_proposals p JOIN users a ON a.id = p.proposed_by"
    " LEFT JOIN users d ON d.id = p.decided_by WHERE p.complaint_id = ? ORDER BY p.id");
static DB_STMT events = DB_STMT_INIT(
    "SELECT e.id, e.step, e.event, e.at, e.note, u.display_name AS who"
    " FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id"
    " WHERE e.complaint_id = ? ORDER BY e.id LIMIT 500");
static DB_STMT messages = DB_STMT_INIT(
    "SELECT m.id, m.audience, m.author, m.body, m.at, u.display_name AS who"
    " FROM complaint_messages m LEFT JOIN users u ON u.id = m.user_id"
    " WHERE m.complaint_id = ? ORDER BY m.id LIMIT 500");
static DB_STMT followups = DB_STMT_INIT(
    "SELECT f.id, f.followed_on, f.said, f.at, u.display_name AS who"
    " FROM complaint_followups f JOIN users u ON u.id = f.user_id"
    " WHERE f.complaint_id = ? ORDER BY f.id");
static DB_STMT attachments = DB_STMT_INIT(
    "SELECT a.id, a.file_name, a.content_type, a.size, a.step, a.uploaded_at,"
    " u.display_name AS uploader FROM complaint_attachments a"
    " LEFT JOIN users u ON u.id = a.uploaded_by WHERE a.complaint_id = ? ORDER BY a.id");
/* A return's purchase: the matched customer's order with the number the
 * customer gave, else their orders of the product from a month before to
 * a week after the purchase date, nearest first. */
static DB_STMT purchases = DB_STMT_INIT(
    "SELECT o.id, o.order_no, o.ordered_on, o.delivered_on, o.total, o.order_no = x.ref AS exact,"
    " (SELECT GROUP_CONCAT(CONCAT(p.name, ' × ', l.quantity) ORDER BY l.id SEPARATOR '；')"
    "  FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = o.id) AS items"
    " FROM (SELECT ? AS cid, ? AS ref, CAST(? AS DATE) AS bought, ? AS pid) x"
    " JOIN orders o ON o.customer_id = x.cid"
    " WHERE o.order_no = x.ref OR (o.ordered_on BETWEEN x.bought - INTERVAL 30 DAY"
    "  AND x.bought + INTERVAL 7 DAY AND EXISTS (SELECT 1 FROM order_lines l"
    "  WHERE l.order_id = o.id AND (x.pid IS NULL OR l.product_id = x.pid)))"
    " ORDER BY exact DESC, ABS(DATEDIFF(o.ordered_on, x.bought)), o.id LIMIT 5");

static NEOERR *rows(DB_STMT *s, long long id, HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(s, hdf, prefix, "i", id));
}

static NEOERR *purchase_rows(HDF *hdf)
{
  HDF *c = hdf_get_obj(hdf, "Complaint");
  const char *cid = hdf_get_value(c, "customer_id", NULL);
  const char *kind = hdf_get_value(c, "kind", "");
  /* Returns and exchanges both take the goods back (the 7-day rule). */
  if (!cid || (strcmp(kind, "return") != 0 && strcmp(kind, "exchange") != 0)) return STATUS_OK;
  const char *pid = hdf_get_value(c, "product_id", NULL);
  struct db_arg a[4] = {
    DB_INT(strtoll(cid, NULL, 10)), DB_STR(hdf_get_value(c, "order_ref", NULL)),
    DB_STR(hdf_get_value(c, "purchase_date", NULL)),
    pid ? DB_INT(strtoll(pid, NULL, 10)) : DB_STR(NULL),
  };
  NEOERR *err = db_execa(&purchases, a, 4);
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&purchases, hdf, "Purchases", NULL));
}

NEOERR *db_complaint_get(const struct user *u, long long id, HDF *hdf, int *found)
{
  NEOERR *err = db_read_row(&get, hdf, "Complaint", found, "iii", id, (long long)scope_limited(u),
                            (long long)u->id);
  if (err || !*found) return nerr_pass(err);
  if ((err = db_read_row(&handling, hdf, "Handling", NULL, "i", id)) ||
      (err = rows(&proposals, id, hdf, "Proposals")) || (err = rows(&events, id, hdf, "Events")) ||
      (err = rows(&messages, id, hdf, "Messages")) ||
      (err = rows(&followups, id, hdf, "Followups")) ||
      (err = rows(&attachments, id, hdf, "Attachments")))
    return nerr_pass(err);
  return nerr_pass(purchase_rows(hdf));
}

/* Suggestions: the hits of each lookup (all index ranges), then the
 * customers in scope. Without a company name only the phone lookups run:
 * "name LIKE NULL" made MariaDB read the whole name index. */
#define SUGGEST(hits) DB_STMT_INIT( \
    "SELECT c.id, c.code, c.name, c.city, c.phone, r.name_zh AS region_zh, r.name_en AS region_en," \
    " GROUP_CONCAT(DISTINCT m.why ORDER BY m.why) AS why" \
    " FROM (SELECT id AS cid, 'phone' AS why FROM customers WHERE phone = ?" \
    "  UNION SELECT customer_id, 'person' FROM customer_contacts WHERE phone = ?" hits ") m" \
    " JOIN customers c ON c.id = m.cid JOIN regions r ON r.id = c.region_id" \
    " WHERE c.status <> 'merged' AND " CUSTOMER_SCOPE("c.region_id") \
    " GROUP BY c.id ORDER BY MIN(FIELD(m.why, 'phone', 'person', 'name', 'prefix')), c.name LIMIT 10")
static DB_STMT by_phone = SUGGEST("");
static DB_STMT by_phone_name = SUGGEST(
    "  UNION SELECT id, 'name' FROM customers WHERE name = ?"
    "  UNION (SELECT id, 'prefix' FROM customers WHERE name LIKE ? ORDER BY name LIMIT 10)");

NEOERR *db_complaint_suggest(const struct user *u, long long id, HDF *hdf, const char *prefix)
{
  (void)id;
  HDF *c = hdf_get_obj(hdf, "Complaint");
  const char *phone = hdf_get_value(c, "contact_phone", "");
  const char *company = hdf_get_value(c, "company", "");
  char like[300];
  size_t o = 0;
  /* A prefix of at least two characters' bytes, its % and _ taken literally. */
  for (const char *p = company; *p && o + 3 < sizeof like; p++) {
    if (*p == '%' || *p == '_' || *p == '\\') like[o++] = '\\';
    like[o++] = *p;
  }
  like[o++] = '%';
  like[o] = '\0';
  struct db_arg a[6];
  int n = 0;
  a[n++] = DB_STR(phone);
  a[n++] = DB_STR(phone);
  int named = strlen(company) >= 4;
  if (named) {
    a[n++] = DB_STR(company);
    a[n++] = DB_STR(like);
  }
  a[n++] = DB_INT(scope_limited(u));
  a[n++] = DB_INT(u->id);
  DB_STMT *s = named ? &by_phone_name : &by_phone;
  NEOERR *err = db_execa(s, a, n);
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

static DB_STMT attachment = DB_STMT_INIT(
    "SELECT a.stored_name, a.content_type, a.file_name FROM complaint_attachments a"
    " JOIN complaints c ON c.id = a.complaint_id WHERE a.id = ? AND "
    COMPLAINT_SCOPE("c.region_id"));

NEOERR *db_complaint_attachment(const struct user *u, long long attachment_id,
                                struct stored_file *f, int *found)
{
  static const int cols[3] = { 0, 1, 2 };   /* stored, type, name */
  NEOERR *err = db_exec(&attachment, "iii", attachment_id, (long long)scope_limited(u),
                        (long long)u->id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_stored_file_read(&attachment, cols, f, found));
}

static DB_STMT of_customer = DB_STMT_INIT(
    "SELECT c.id, c.tracking_no, c.kind, c.reason, c.step, c.status, c.received_at,"
    " (c.status = 'open' AND c.first_response_at IS NULL AND c.first_response_due < NOW()) AS overdue"
    " FROM complaints c WHERE c.customer_id = ? AND " COMPLAINT_SCOPE("c.region_id")
    " ORDER BY c.received_at DESC, c.id DESC LIMIT 200");

NEOERR *db_customer_complaints(const struct user *u, long long customer_id, HDF *hdf,
                               const char *prefix)
{
  return nerr_pass(db_read_rows(&of_customer, hdf, prefix, "iii", customer_id,
                                (long long)scope_limited(u), (long long)u->id));
}

