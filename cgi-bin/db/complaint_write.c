#include "db/complaint_clock.h"
#include "db/complaint_write.h"
#include "db/complaint_public.h"
#include "db/audit.h"
#include "db/complaint_sql.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/scope.h"
#include "db/workcal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The complaint as the rules need it, locked until the transaction ends. */
static DB_STMT lock = DB_STMT_INIT(
    "SELECT c.step, c.status, c.version, c.reason,"
    " (SELECT p.proposed_by FROM complaint_proposals p WHERE p.complaint_id = c.id"
    "  AND p.decision = 'pending' ORDER BY p.id DESC LIMIT 1) AS pending_by,"
    " (SELECT p.id FROM complaint_proposals p WHERE p.complaint_id = c.id"
    "  AND p.decision = 'pending' ORDER BY p.id DESC LIMIT 1) AS pending_id,"
    " (SELECT p.amount FROM complaint_proposals p WHERE p.complaint_id = c.id"
    "  AND p.decision = 'approved' ORDER BY p.id DESC LIMIT 1) AS approved_amount,"
    COMPLAINT_FOLLOWUPS_OPEN " AS followups"
    " FROM complaints c WHERE c.id = ? AND " COMPLAINT_SCOPE("c.region_id") " FOR UPDATE");

struct locked {
  struct complaint_state s;
  long long version, pending_id;
  int paid_needed;           /* the approved proposal has an amount */
  char reason[16];           /* complaints.reason: which remedies step 4 offers */
};

/* Begins the transaction and locks complaint id. On an outcome other than
 * CPL_OK the caller rolls back. version < 0: not checked. */
static NEOERR *begin_locked(const struct user *u, long long id, long long version,
                            struct locked *k, struct complaint_result *res)
{
  memset(k, 0, sizeof *k);
  res->outcome = CPL_OK;
  res->rule = RULE_OK;
  int row;
  NEOERR *err = db_begin_row(&lock, &row, "iii", id, (long long)scope_limited(u),
                             (long long)u->id);
  if (err) return nerr_pass(err);
  if (!row) {
    res->outcome = CPL_NOT_FOUND;
  } else {
    k->s.step = (int)db_int(&lock, 0);
    k->s.closed = strcmp(db_str(&lock, 1), "closed") == 0;
    k->version = db_int(&lock, 2);
    snprintf(k->reason, sizeof k->reason, "%s", db_str(&lock, 3) ? db_str(&lock, 3) : "");
    k->s.pending_by = (unsigned)db_int(&lock, 4);
    k->pending_id = db_int(&lock, 5);
    k->paid_needed = db_str(&lock, 6) && complaint_amount_positive(db_str(&lock, 6));
    k->s.followups = (int)db_int(&lock, 7);
    if (version >= 0 && version != k->version) res->outcome = CPL_STALE;
  }
  db_done(&lock);
  return STATUS_OK;
}

static int refused(struct complaint_result *res, const struct locked *k, enum complaint_act act,
                   int step, const struct user *u)
{
  if (res->outcome != CPL_OK) return 1;
  res->rule = complaint_rule_check(&k->s, act, step, u);
  if (res->rule == RULE_OK) return 0;
  res->outcome = CPL_RULE;
  return 1;
}

static DB_STMT event = DB_STMT_INIT(
    "INSERT INTO complaint_events (complaint_id, step, event, user_id, at, note)"
    " VALUES (?, ?, ?, ?, NOW(), NULLIF(?, ''))");

/* The timeline row and the audit row of one change; the clocks follow
 * every change (a first response, the wait at step 5, resolution). */
static NEOERR *record(const struct user *u, const char *ip, long long id, int step,
                      const char *what, const char *note)
{
  NEOERR *err = db_complaint_clock(id);
  if (!err) err = db_exec(&event, "iisis", id, (long long)step, what, (long long)u->id,
                        note ? note : "");
  if (err) return nerr_pass(err);
  char detail[300];
  snprintf(detail, sizeof detail, "%s step %d%s%.200s", what, step, note && *note ? ": " : "",
           note ? note : "");
  return nerr_pass(db_audit(u, ip, what, "complaint", (unsigned long long)id, detail));
}

/* Moving on leaves step 4 behind: its proposal state (schema/032) goes. */
static DB_STMT advance = DB_STMT_INIT(
    "UPDATE complaints SET step = ?, version = version + 1, updated_at = NOW(),"
    " proposal = NULL, proposal_by = NULL,"
    " assignee_id = COALESCE(?, assignee_id),"
    " first_response_at = IF(? = 1, COALESCE(first_response_at, NOW()), first_response_at),"
    " resolved_at = IF(? = 1, NOW(), resolved_at) WHERE id = ?");
/* Step 4 stays: a proposal now waits ('pending', by its proposer), or the
 * leader sent it back ('returned', the proposer kept). */
static DB_STMT proposal_state = DB_STMT_INIT(
    "UPDATE complaints SET proposal = ?, proposal_by = COALESCE(?, proposal_by),"
    " version = version + 1, updated_at = NOW() WHERE id = ?");
static DB_STMT staff_ok = DB_STMT_INIT(
    "SELECT display_name FROM users WHERE id = ? AND active = 1 AND role IN ('staff', 'leader')");

/* What steps 1-3, 5 and 6 keep in complaint_handling; empty values are
 * stored as NULL. Not const: a DB_STMT holds its prepared handle. */
#define UPSERT(cols, vals, upd) \
  DB_STMT_INIT("INSERT INTO complaint_handling (complaint_id, " cols ") VALUES (?, " vals ")" \
               " ON DUPLICATE KEY UPDATE " upd)
static struct {
  int step;
  DB_STMT stmt;
  const char *fields[7];
} saves[] = {
  { 1, UPSERT("facts", "NULLIF(?, '')", "facts = VALUES(facts)"), { "facts" } },
  { 2, UPSERT("contact_channel, contacted_at, bought_when, usage_text, symptom, prev_brand",
              "?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, '')",
              "contact_channel = VALUES(contact_channel), contacted_at = VALUES(contacted_at),"
              " bought_when = VALUES(bought_when), usage_text = VALUES(usage_text),"
              " symptom = VALUES(symptom), prev_brand = VALUES(prev_brand)"),
    { "contact_channel", "contacted_at", "bought_when", "usage_text", "symptom", "prev_brand" } },
  { 3, UPSERT("analysis, explanation", "NULLIF(?, ''), NULLIF(?, '')",
              "analysis = VALUES(analysis), explanation = VALUES(explanation)"),
    { "analysis", "explanation" } },
  { 5, UPSERT("agreed_on, agreement_terms, agreed_how", "?, NULLIF(?, ''), ?",
              "agreed_on = VALUES(agreed_on), agreement_terms = VALUES(agreement_terms),"
              " agreed_how = VALUES(agreed_how)"),
    { "agreed_on", "agreement_terms", "agreed_how" } },
  { 6, UPSERT("exec_department, executed_on, compensation_paid_on, exec_note",
              "NULLIF(?, ''), ?, NULLIF(?, ''), NULLIF(?, '')",
              "exec_department = VALUES(exec_department), executed_on = VALUES(executed_on),"
              " compensation_paid_on = VALUES(compensation_paid_on), exec_note = VALUES(exec_note)"),
    { "exec_department", "executed_on", "compensation_paid_on", "exec_note" } },
};

static NEOERR *save_handling(long long id, int step, HDF *v)
{
  for (size_t i = 0; i < sizeof saves / sizeof saves[0]; i++) {
    if (saves[i].step != step) continue;
    struct db_arg a[8];
    int n = 0;
    a[n++] = DB_INT(id);
    for (const char *const *f = saves[i].fields; *f; f++) a[n++] = DB_STR(hdf_get_value(v, *f, ""));
    return nerr_pass(db_execa(&saves[i].stmt, a, n));
  }
  return nerr_raise(NERR_ASSERT, "no handling fields for step %d", step);
}

static DB_STMT propose = DB_STMT_INIT(
    "INSERT INTO complaint_proposals (complaint_id, remedy, amount, detail, proposed_by, proposed_at)"
    " VALUES (?, ?, ?, ?, ?, NOW())");
static DB_STMT followup = DB_STMT_INIT(
    "INSERT INTO complaint_followups (complaint_id, followed_on, said, user_id, at)"
    " VALUES (?, ?, ?, ?, NOW())");

/* Steps 4 and 7 add rows and stay where they are. */
static NEOERR *add_entry(const struct user *u, const char *ip, long long id, int step, HDF *v)
{
  NEOERR *err;
  char note[200];
  if (step == 4) {
    const char *remedy = hdf_get_value(v, "remedy", ""), *amount = hdf_get_value(v, "amount", "0");
    if ((err = db_exec(&propose, "isssi", id, remedy, amount, hdf_get_value(v, "detail", ""),
                       (long long)u->id)) ||
        (err = db_exec(&proposal_state, "sii", "pending", (long long)u->id, id)))
      return nerr_pass(err);
    snprintf(note, sizeof note, "%s %s", remedy, amount);
    return nerr_pass(record(u, ip, id, 4, "proposed", note));
  }
  const char *said = hdf_get_value(v, "said", "");
  if ((err = db_exec(&followup, "issi", id, hdf_get_value(v, "followed_on", ""), said,
                     (long long)u->id)))
    return nerr_pass(err);
  snprintf(note, sizeof note, "%s %.150s", hdf_get_value(v, "followed_on", ""), said);
  return nerr_pass(record(u, ip, id, 7, "followup", note));
}

NEOERR *db_complaint_step(const struct user *u, const char *ip, long long id, long long version,
                          int step, HDF *v, struct complaint_result *res)
{
  struct locked k;
  int entry = step == 4 || step == 7;
  NEOERR *err = begin_locked(u, id, step == 7 ? -1 : version, &k, res);
  if (err || refused(res, &k, step == 4 ? ACT_PROPOSE : step == 7 ? ACT_FOLLOWUP : ACT_RECORD,
                     step, u))
    goto done;
  if (step == 4 && !complaint_remedy_offered(k.reason, hdf_get_value(v, "remedy", ""))) {
    res->outcome = CPL_BAD_REMEDY;
    goto done;
  }
  if (entry) {
    err = add_entry(u, ip, id, step, v);
    goto done;
  }
  long long assignee = step == 1 ? strtoll(hdf_get_value(v, "assignee_id", "0"), NULL, 10) : 0;
  char assignee_name[80] = "";
  if (assignee) {
    int row;
    if ((err = db_exec(&staff_ok, "i", assignee)) || (err = db_next(&staff_ok, &row))) goto done;
    if (row) snprintf(assignee_name, sizeof assignee_name, "%s", db_str(&staff_ok, 0));
    db_done(&staff_ok);
    if (!row) { res->outcome = CPL_BAD_ASSIGNEE; goto done; }
  }
  if (step == 6 && k.paid_needed && !*hdf_get_value(v, "compensation_paid_on", "")) {
    res->outcome = CPL_NEED_PAID;
    goto done;
  }
  struct db_arg a[5] = {
    DB_INT(step + 1), assignee ? DB_INT(assignee) : DB_STR(NULL), DB_INT(step == 2),
    DB_INT(step == 6), DB_INT(id),
  };
  if ((err = save_handling(id, step, v)) || (err = db_execa(&advance, a, 5)) ||
      (err = record(u, ip, id, step, "step_done", NULL)))
    goto done;
  if (assignee && (err = record(u, ip, id, step, "assigned", assignee_name))) goto done;
  /* The customer sees the step on the status page; step 6 resolves it. */
  err = db_outbox_complaint(id, step == 6 ? "resolved" : "step", NULL);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}

static DB_STMT decide = DB_STMT_INIT(
    "UPDATE complaint_proposals SET decision = ?, decided_by = ?, decided_at = NOW(),"
    " decision_comment = NULLIF(?, '') WHERE id = ? AND decision = 'pending'");

NEOERR *db_complaint_decide(const struct user *u, const char *ip, long long id, long long version,
                            int approve, const char *comment, struct complaint_result *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || refused(res, &k, ACT_DECIDE, 4, u)) goto done;
  struct db_arg a[5] = { DB_INT(5), DB_STR(NULL), DB_INT(0), DB_INT(0), DB_INT(id) };
  struct db_arg back[3] = { DB_STR("returned"), DB_STR(NULL), DB_INT(id) };
  if (!(err = db_exec(&decide, "sisi", approve ? "approved" : "returned", (long long)u->id,
                      comment, k.pending_id)) &&
      !(err = approve ? db_execa(&advance, a, 5) : db_execa(&proposal_state, back, 3)) &&
      !(err = record(u, ip, id, 4, approve ? "approved" : "returned", comment)) && approve)
    err = db_outbox_complaint(id, "step", NULL);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}

static DB_STMT close_it = DB_STMT_INIT(
    "UPDATE complaints SET status = 'closed', closed_at = NOW(), version = version + 1,"
    " updated_at = NOW() WHERE id = ?");
static DB_STMT reopen = DB_STMT_INIT(
    "UPDATE complaints SET status = 'open', step = 7, closed_at = NULL,"
    " reopen_count = reopen_count + 1, version = version + 1, updated_at = NOW() WHERE id = ?");

/* Closing and reopening at step 7: statement s, the timeline row `what`,
 * and the customer told. */
static NEOERR *close_or_reopen(const struct user *u, const char *ip, long long id,
                               long long version, enum complaint_act act, DB_STMT *s,
                               const char *what, const char *note, struct complaint_result *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || refused(res, &k, act, 7, u)) goto done;
  if (!(err = db_exec(s, "i", id)) && !(err = record(u, ip, id, 7, what, note)))
    err = db_outbox_complaint(id, "step", NULL);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}

NEOERR *db_complaint_close(const struct user *u, const char *ip, long long id, long long version,
                           struct complaint_result *res)
{
  return nerr_pass(close_or_reopen(u, ip, id, version, ACT_CLOSE, &close_it, "closed", NULL, res));
}

NEOERR *db_complaint_reopen(const struct user *u, const char *ip, long long id, long long version,
                            const char *reason, struct complaint_result *res)
{
  return nerr_pass(close_or_reopen(u, ip, id, version, ACT_REOPEN, &reopen, "reopened", reason,
                                   res));
}

static DB_STMT message = DB_STMT_INIT(
    "INSERT INTO complaint_messages (complaint_id, audience, author, user_id, body, at)"
    " VALUES (?, ?, 'staff', ?, ?, NOW())");
/* The first message the customer can read answers the complaint. */
static DB_STMT answered = DB_STMT_INIT(
    "UPDATE complaints SET first_response_at = NOW() WHERE id = ? AND first_response_at IS NULL");

NEOERR *db_complaint_message(const struct user *u, const char *ip, long long id,
                             const char *audience, const char *body, struct complaint_result *res)
{
  struct locked k;
  int to_customer = strcmp(audience, "customer") == 0;
  NEOERR *err = begin_locked(u, id, -1, &k, res);
  if (err || res->outcome != CPL_OK) goto done;
  /* Regional managers add internal notes only. */
  if (to_customer && !(u->role & ROLES_OFFICE)) {
    res->outcome = CPL_RULE;
    res->rule = RULE_OFFICE_ONLY;
    goto done;
  }
  char note[120];
  snprintf(note, sizeof note, "%.100s", body);
  if (!(err = db_exec(&message, "isis", id, audience, (long long)u->id, body)) &&
      !(to_customer && (err = db_exec(&answered, "i", id))) &&
      !(err = record(u, ip, id, k.s.step, to_customer ? "message" : "note", NULL)) && to_customer)
    err = db_outbox_complaint(id, "message", body);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}

/* begin_locked (any version) for what only office roles do to a
 * complaint: regional managers read it and add internal notes. */
static NEOERR *begin_office(const struct user *u, long long id, struct locked *k,
                            struct complaint_result *res)
{
  NEOERR *err = begin_locked(u, id, -1, k, res);
  if (!err && res->outcome == CPL_OK && !(u->role & ROLES_OFFICE)) {
    res->outcome = CPL_RULE;
    res->rule = RULE_OFFICE_ONLY;
  }
  return nerr_pass(err);
}

static DB_STMT customer = DB_STMT_INIT(
    "SELECT c.region_id, CONCAT(c.code, ' ', c.name) FROM customers c WHERE c.id = ?"
    " AND c.status <> 'merged' AND " CUSTOMER_SCOPE("c.region_id"));
static DB_STMT link = DB_STMT_INIT(
    "UPDATE complaints SET customer_id = ?, region_id = COALESCE(region_id, ?),"
    " updated_at = NOW() WHERE id = ?");

NEOERR *db_complaint_match(const struct user *u, const char *ip, long long id,
                           long long customer_id, struct complaint_result *res)
{
  struct locked k;
  NEOERR *err = begin_office(u, id, &k, res);
  if (err || res->outcome != CPL_OK) goto done;
  char who[300] = "";
  long long region = 0;
  if (customer_id) {
    int row;
    if ((err = db_exec(&customer, "iii", customer_id, (long long)scope_limited(u),
                       (long long)u->id)) ||
        (err = db_next(&customer, &row)))
      goto done;
    if (row) {
      region = db_int(&customer, 0);
      snprintf(who, sizeof who, "%s", db_str(&customer, 1));
    }
    db_done(&customer);
    if (!row) { res->outcome = CPL_BAD_CUSTOMER; goto done; }
  }
  struct db_arg a[3] = {
    customer_id ? DB_INT(customer_id) : DB_STR(NULL), region ? DB_INT(region) : DB_STR(NULL),
    DB_INT(id),
  };
  if (!(err = db_execa(&link, a, 3)))
    err = record(u, ip, id, k.s.step, customer_id ? "matched" : "unmatched", who);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}

static DB_STMT attach = DB_STMT_INIT(
    "INSERT INTO complaint_attachments (complaint_id, file_name, content_type, size,"
    " stored_name, uploaded_at, uploaded_by, step) VALUES (?, ?, ?, ?, ?, NOW(), ?, ?)");

NEOERR *db_complaint_attach(const struct user *u, const char *ip, long long id,
                            const struct complaint_file *files, int n,
                            struct complaint_result *res)
{
  struct locked k;
  NEOERR *err = begin_office(u, id, &k, res);
  if (err || res->outcome != CPL_OK) goto done;
  char names[600] = "";
  size_t len = 0;
  for (int i = 0; i < n; i++) {
    const struct complaint_file *f = &files[i];
    struct db_arg a[] = {
      DB_INT(id), DB_STR(f->file_name), DB_STR(f->content_type), DB_INT(f->size),
      DB_STR(f->stored_name), DB_INT((long long)u->id), DB_INT((long long)k.s.step),
    };
    if ((err = db_execa(&attach, a, sizeof a / sizeof a[0]))) goto done;
    if (len < sizeof names)
      len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", i ? "、" : "", f->file_name);
  }
  err = record(u, ip, id, k.s.step, "attached", names);
done:
  return nerr_pass(db_end(err, res->outcome == CPL_OK));
}
