#include "db/plan_write.h"
#include "core/err.h"
#include "core/files.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/plan_sql.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plan as the rules need it, locked until the transaction ends. */
static DB_STMT lock = DB_STMT_INIT(
    "SELECT p.status, p.version, COALESCE(p.approved_rev_id, 0), COALESCE(p.open_rev_id, 0),"
    " COALESCE(o.status, ''), COALESCE(o.submitted_by, 0)"
    " FROM support_plans p JOIN customers c ON c.id = p.customer_id"
    " LEFT JOIN support_plan_revisions o ON o.id = p.open_rev_id"
    " WHERE p.id = ? AND " PLAN_SCOPE " FOR UPDATE");

struct locked {
  char status[16], open_status[16];
  long long version, approved, open, submitted_by;
};

/* Begins the transaction and locks plan id; version < 0: not checked. */
static NEOERR *begin_locked(const struct user *u, long long id, long long version,
                            struct locked *k, enum plan_outcome *res)
{
  memset(k, 0, sizeof *k);
  *res = PLAN_OK;
  int row;
  NEOERR *err = db_begin_row(&lock, &row, "iii", id, (long long)scope_limited(u),
                             (long long)u->id);
  if (err) return nerr_pass(err);
  if (!row) {
    *res = PLAN_NOT_FOUND;
  } else {
    snprintf(k->status, sizeof k->status, "%s", db_str(&lock, 0));
    k->version = db_int(&lock, 1);
    k->approved = db_int(&lock, 2);
    k->open = db_int(&lock, 3);
    snprintf(k->open_status, sizeof k->open_status, "%s", db_str(&lock, 4));
    k->submitted_by = db_int(&lock, 5);
    if (version >= 0 && version != k->version) *res = PLAN_STALE;
  }
  db_done(&lock);
  return STATUS_OK;
}

static int is(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* Only a draft or returned revision of a plan still running is edited. */
static int editable(const struct locked *k)
{
  return k->open && !is(k->status, "closed") &&
         (is(k->open_status, "draft") || is(k->open_status, "returned"));
}

static DB_STMT bump = DB_STMT_INIT(
    "UPDATE support_plans SET version = version + 1, updated_at = NOW() WHERE id = ?");

/* The version bump and the audit row of one change. */
static NEOERR *record(const struct user *u, const char *ip, long long id, const char *what,
                      const char *detail)
{
  NEOERR *err = db_exec(&bump, "i", id);
  if (err) return nerr_pass(err);
  return nerr_pass(db_audit(u, ip, what, "support_plan", (unsigned long long)id, detail));
}

static DB_STMT redraft_rev = DB_STMT_INIT(
    "UPDATE support_plan_revisions SET status = 'draft' WHERE id = ? AND status = 'returned'");
static DB_STMT redraft_plan = DB_STMT_INIT(
    "UPDATE support_plans SET status = 'draft' WHERE id = ? AND status = 'returned'");

/* An edit of a returned revision makes it a draft again. */
static NEOERR *redraft(long long id, const struct locked *k)
{
  NEOERR *err = db_exec(&redraft_rev, "i", k->open);
  if (!err) err = db_exec(&redraft_plan, "i", id);
  return nerr_pass(err);
}

static NEOERR *finish(NEOERR *err, enum plan_outcome res)
{
  return nerr_pass(db_end(err, res == PLAN_OK));
}

static DB_STMT next_key = DB_STMT_INIT("INSERT INTO support_line_seq () VALUES ()");

static NEOERR *line_key(long long *key)
{
  NEOERR *err = db_exec(&next_key, "");
  if (!err) *key = (long long)db_insert_id(&next_key);
  return nerr_pass(err);
}

/* --- creating a plan ---------------------------------------------------- */

static DB_STMT dealer = DB_STMT_INIT(
    "SELECT c.id FROM customers c WHERE c.code = ? AND c.kind = 'dealer'"
    " AND c.status <> 'merged' AND " PLAN_SCOPE);
static DB_STMT existing = DB_STMT_INIT(
    "SELECT id FROM support_plans WHERE customer_id = ? AND year = ? FOR UPDATE");
static DB_STMT previous = DB_STMT_INIT(
    "SELECT id, approved_rev_id FROM support_plans WHERE customer_id = ? AND year = ?"
    " AND approved_rev_id IS NOT NULL");
static DB_STMT new_plan = DB_STMT_INIT(
    "INSERT INTO support_plans (customer_id, year, status, copied_from, created_by, created_at,"
    " updated_at) VALUES (?, ?, 'draft', ?, ?, NOW(), NOW())");
static DB_STMT new_rev = DB_STMT_INIT(
    "INSERT INTO support_plan_revisions (plan_id, rev, status, created_by, created_at)"
    " VALUES (?, 1, 'draft', ?, NOW())");
/* A copy of revision `from` as revision `rev` of plan `plan`. */
static DB_STMT copy_rev = DB_STMT_INIT(
    "INSERT INTO support_plan_revisions (plan_id, rev, status, sales_target, growth_target,"
    " focus, change_note, created_by, created_at) SELECT ?, ?, 'draft', sales_target,"
    " growth_target, focus, NULLIF(?, ''), ?, NOW() FROM support_plan_revisions WHERE id = ?");
static DB_STMT set_open = DB_STMT_INIT(
    "UPDATE support_plans SET open_rev_id = ? WHERE id = ?");
static DB_STMT item_ids = DB_STMT_INIT(
    "SELECT id FROM support_plan_items WHERE revision_id = ? ORDER BY sort, id LIMIT 500");
/* Item `id` into revision `rev` under line key `key`. */
static DB_STMT copy_item = DB_STMT_INIT(
    "INSERT INTO support_plan_items (revision_id, line_key, category_id, measure_id, custom_name,"
    " description, budget, months, owner_id, expected_effect, sort)"
    " SELECT ?, ?, category_id, measure_id, custom_name, description, budget, months, owner_id,"
    " expected_effect, sort FROM support_plan_items WHERE id = ?");

/* Last year's measures into the new revision, each under a new line key:
 * this year's execution is its own. */
static NEOERR *copy_items_new_keys(long long from_rev, long long to_rev)
{
  long long ids[500];
  int n = 0, more;
  NEOERR *err = db_exec(&item_ids, "i", from_rev);
  while (!err && !(err = db_next(&item_ids, &more)) && more && n < 500)
    ids[n++] = db_int(&item_ids, 0);
  db_done(&item_ids);
  for (int i = 0; i < n && !err; i++) {
    long long key = 0;
    if (!(err = line_key(&key))) err = db_exec(&copy_item, "iii", to_rev, key, ids[i]);
  }
  return nerr_pass(err);
}

static NEOERR *one_id(DB_STMT *s, long long *out, long long *second)
{
  int more;
  NEOERR *err = db_next(s, &more);
  *out = 0;
  if (!err && more) {
    *out = db_int(s, 0);
    if (second) *second = db_int(s, 1);
  }
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_plan_create(const struct user *u, const char *ip, const char *code, int year,
                       int copy, long long *id, enum plan_outcome *res)
{
  long long cid, other, prev = 0, prev_rev = 0, rev;
  *res = PLAN_OK;
  *id = 0;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_exec(&dealer, "sii", code, (long long)scope_limited(u), (long long)u->id)) ||
      (err = one_id(&dealer, &cid, NULL)))
    return finish(err, *res);
  if (!cid) { *res = PLAN_NO_DEALER; return finish(err, *res); }
  if ((err = db_exec(&existing, "ii", cid, (long long)year)) || (err = one_id(&existing, &other, NULL)))
    return finish(err, *res);
  if (other) { *id = other; *res = PLAN_EXISTS; return finish(err, *res); }
  if (copy) {
    if ((err = db_exec(&previous, "ii", cid, (long long)year - 1)) ||
        (err = one_id(&previous, &prev, &prev_rev)))
      return finish(err, *res);
    if (!prev) { *res = PLAN_NO_PREVIOUS; return finish(err, *res); }
  }
  struct db_arg a[4] = { DB_INT(cid), DB_INT(year), prev ? DB_INT(prev) : DB_STR(NULL), DB_INT(u->id) };
  if ((err = db_execa(&new_plan, a, 4))) {
    /* Another user created it a moment ago (the unique key). */
    if (nerr_match(err, KERR_CONFLICT)) { nerr_ignore(&err); *res = PLAN_EXISTS; }
    return finish(err, *res);
  }
  *id = (long long)db_insert_id(&new_plan);
  err = prev ? db_exec(&copy_rev, "iisii", *id, 1LL, "", (long long)u->id, prev_rev)
             : db_exec(&new_rev, "ii", *id, (long long)u->id);
  if (err) return finish(err, *res);
  rev = (long long)db_insert_id(prev ? &copy_rev : &new_rev);
  char detail[200];
  snprintf(detail, sizeof detail, "dealer %s year %d%s", code, year, prev ? " (copied)" : "");
  if (!(err = db_exec(&set_open, "ii", rev, *id)) &&
      !(prev && (err = copy_items_new_keys(prev_rev, rev))))
    err = db_audit(u, ip, "plan_created", "support_plan", (unsigned long long)*id, detail);
  return finish(err, *res);
}

/* --- editing the open revision ------------------------------------------ */

static DB_STMT goals = DB_STMT_INIT(
    "UPDATE support_plan_revisions SET sales_target = ?, growth_target = ?, focus = NULLIF(?, ''),"
    " change_note = NULLIF(?, '') WHERE id = ?");

NEOERR *db_plan_goals(const struct user *u, const char *ip, long long id, long long version,
                      const struct plan_goals *g, enum plan_outcome *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || *res) return finish(err, *res);
  if (!editable(&k)) { *res = PLAN_LOCKED; return finish(err, *res); }
  char detail[120];
  snprintf(detail, sizeof detail, "sales target %s, growth %s%%", g->sales_target, g->growth_target);
  if (!(err = db_exec(&goals, "ssssi", g->sales_target, g->growth_target, g->focus,
                      g->change_note, k.open)) &&
      !(err = redraft(id, &k)))
    err = record(u, ip, id, "plan_goals", detail);
  return finish(err, *res);
}

static DB_STMT measure = DB_STMT_INIT(
    "SELECT category_id, retired FROM support_measures WHERE id = ?");
static DB_STMT owner_ok = DB_STMT_INIT("SELECT id FROM users WHERE id = ? AND active = 1");
static DB_STMT item_of = DB_STMT_INIT(
    "SELECT COALESCE(measure_id, 0) FROM support_plan_items WHERE revision_id = ? AND line_key = ?");
static DB_STMT next_sort = DB_STMT_INIT(
    "SELECT COALESCE(MAX(sort), 0) + 1 FROM support_plan_items WHERE revision_id = ?");
#define ITEM_VALS "?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, ?, ?, NULLIF(?, '')"
static DB_STMT item_insert = DB_STMT_INIT(
    "INSERT INTO support_plan_items (category_id, measure_id, custom_name, description, budget,"
    " months, owner_id, expected_effect, revision_id, line_key, sort) VALUES (" ITEM_VALS ", ?, ?, ?)");
static DB_STMT item_update = DB_STMT_INIT(
    "UPDATE support_plan_items SET category_id = ?, measure_id = ?, custom_name = NULLIF(?, ''),"
    " description = NULLIF(?, ''), budget = ?, months = ?, owner_id = ?,"
    " expected_effect = NULLIF(?, '') WHERE revision_id = ? AND line_key = ?");

/* The catalogue measure's category; retired measures only stay where
 * they already are. */
static NEOERR *check_item(const struct plan_item *it, long long current_measure,
                          long long *category, enum plan_outcome *res)
{
  NEOERR *err;
  int more;
  *category = it->category_id;
  if (it->measure_id) {
    if ((err = db_exec(&measure, "i", it->measure_id)) || (err = db_next(&measure, &more)))
      return nerr_pass(err);
    int retired = more && db_int(&measure, 1);
    if (more) *category = db_int(&measure, 0);
    db_done(&measure);
    if (!more || (retired && it->measure_id != current_measure)) *res = PLAN_BAD_MEASURE;
  }
  if (*res == PLAN_OK && it->owner_id) {
    long long ok;
    if ((err = db_exec(&owner_ok, "i", it->owner_id)) || (err = one_id(&owner_ok, &ok, NULL)))
      return nerr_pass(err);
    if (!ok) *res = PLAN_BAD_OWNER;
  }
  return STATUS_OK;
}

NEOERR *db_plan_item_save(const struct user *u, const char *ip, long long id, long long version,
                          const struct plan_item *it, enum plan_outcome *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || *res) return finish(err, *res);
  if (!editable(&k)) { *res = PLAN_LOCKED; return finish(err, *res); }
  long long current = 0, key = it->line_key, category, sort = 0;
  if (key) {
    int more;
    if ((err = db_exec(&item_of, "ii", k.open, key)) || (err = db_next(&item_of, &more)))
      return finish(err, *res);
    if (more) current = db_int(&item_of, 0);
    db_done(&item_of);
    if (!more) { *res = PLAN_NOT_FOUND; return finish(err, *res); }
  }
  if ((err = check_item(it, current, &category, res)) || *res) return finish(err, *res);
  if (!key && ((err = line_key(&key)) || (err = db_exec(&next_sort, "i", k.open)) ||
               (err = one_id(&next_sort, &sort, NULL))))
    return finish(err, *res);
  struct db_arg a[11] = {
    DB_INT(category), it->measure_id ? DB_INT(it->measure_id) : DB_STR(NULL),
    DB_STR(it->measure_id ? "" : it->custom_name), DB_STR(it->description), DB_STR(it->budget),
    DB_INT(it->months), it->owner_id ? DB_INT(it->owner_id) : DB_STR(NULL),
    DB_STR(it->expected_effect), DB_INT(k.open), DB_INT(key), DB_INT(sort),
  };
  char detail[160];
  snprintf(detail, sizeof detail, "line %lld, measure %lld, budget %s", key, it->measure_id,
           it->budget);
  if (!(err = it->line_key ? db_execa(&item_update, a, 10) : db_execa(&item_insert, a, 11)) &&
      !(err = redraft(id, &k)))
    err = record(u, ip, id, it->line_key ? "plan_item_changed" : "plan_item_added", detail);
  return finish(err, *res);
}

static DB_STMT executed = DB_STMT_INIT(
    "SELECT COUNT(*) FROM support_executions WHERE plan_id = ? AND line_key = ?");
static DB_STMT item_delete = DB_STMT_INIT(
    "DELETE FROM support_plan_items WHERE revision_id = ? AND line_key = ?");

NEOERR *db_plan_item_remove(const struct user *u, const char *ip, long long id,
                            long long version, long long key, enum plan_outcome *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || *res) return finish(err, *res);
  if (!editable(&k)) { *res = PLAN_LOCKED; return finish(err, *res); }
  long long n;
  if ((err = db_exec(&executed, "ii", id, key)) || (err = one_id(&executed, &n, NULL)))
    return finish(err, *res);
  if (n) { *res = PLAN_HAS_EXECUTION; return finish(err, *res); }
  if ((err = db_exec(&item_delete, "ii", k.open, key))) return finish(err, *res);
  if (!db_affected(&item_delete)) { *res = PLAN_NOT_FOUND; return finish(err, *res); }
  char detail[40];
  snprintf(detail, sizeof detail, "line %lld", key);
  if (!(err = redraft(id, &k))) err = record(u, ip, id, "plan_item_removed", detail);
  return finish(err, *res);
}

/* --- the workflow ------------------------------------------------------- */

static DB_STMT count_items = DB_STMT_INIT(
    "SELECT COUNT(*) FROM support_plan_items WHERE revision_id = ?");
static DB_STMT submit_rev = DB_STMT_INIT(
    "UPDATE support_plan_revisions SET status = 'submitted', submitted_by = ?,"
    " submitted_at = NOW() WHERE id = ?");
static DB_STMT submit_plan = DB_STMT_INIT(
    "UPDATE support_plans SET status = IF(approved_rev_id IS NULL, 'submitted', status) WHERE id = ?");
static DB_STMT decide_rev = DB_STMT_INIT(
    "UPDATE support_plan_revisions SET status = ?, decided_by = ?, decided_at = NOW(),"
    " decision_comment = NULLIF(?, '') WHERE id = ?");
/* Execution recorded (on the revision in force) for a measure the open
 * revision no longer has: approving it would leave spending without its
 * measure. */
static DB_STMT dropped = DB_STMT_INIT(
    "SELECT COUNT(*) FROM support_executions e WHERE e.plan_id = ? AND NOT EXISTS"
    " (SELECT 1 FROM support_plan_items i WHERE i.revision_id = ? AND i.line_key = e.line_key)");
static DB_STMT supersede = DB_STMT_INIT(
    "UPDATE support_plan_revisions SET status = 'superseded' WHERE id = ?");
static DB_STMT approve_plan = DB_STMT_INIT(
    "UPDATE support_plans SET approved_rev_id = open_rev_id, open_rev_id = NULL,"
    " status = IF(status = 'in_progress', 'in_progress', 'approved') WHERE id = ?");
static DB_STMT return_plan = DB_STMT_INIT(
    "UPDATE support_plans SET status = IF(approved_rev_id IS NULL, 'returned', status) WHERE id = ?");
static DB_STMT last_rev = DB_STMT_INIT(
    "SELECT MAX(rev) + 1 FROM support_plan_revisions WHERE plan_id = ?");
static DB_STMT copy_items_same_keys = DB_STMT_INIT(
    "INSERT INTO support_plan_items (revision_id, line_key, category_id, measure_id, custom_name,"
    " description, budget, months, owner_id, expected_effect, sort)"
    " SELECT ?, line_key, category_id, measure_id, custom_name, description, budget, months,"
    " owner_id, expected_effect, sort FROM support_plan_items WHERE revision_id = ?");
static DB_STMT set_status = DB_STMT_INIT(
    "UPDATE support_plans SET status = ?, closed_at = IF(? = 'closed', NOW(), closed_at) WHERE id = ?");

static NEOERR *submit(const struct user *u, long long id, const struct locked *k,
                      enum plan_outcome *res)
{
  if (!k->open || is(k->status, "closed")) { *res = PLAN_STATE; return STATUS_OK; }
  if (!editable(k)) { *res = PLAN_STATE; return STATUS_OK; }
  long long n = 0;
  NEOERR *err = db_exec(&count_items, "i", k->open);
  if (!err) err = one_id(&count_items, &n, NULL);
  if (err) return nerr_pass(err);
  if (!n) { *res = PLAN_EMPTY; return STATUS_OK; }
  if ((err = db_exec(&submit_rev, "ii", (long long)u->id, k->open))) return nerr_pass(err);
  return nerr_pass(db_exec(&submit_plan, "i", id));
}

static NEOERR *decide(const struct user *u, long long id, const struct locked *k, int approve,
                      const char *comment, enum plan_outcome *res)
{
  if (u->role != ROLE_LEADER) { *res = PLAN_LEADER_ONLY; return STATUS_OK; }
  if (!k->open || !is(k->open_status, "submitted") || is(k->status, "closed")) {
    *res = PLAN_STATE;
    return STATUS_OK;
  }
  if (k->submitted_by == (long long)u->id) { *res = PLAN_OWN; return STATUS_OK; }
  NEOERR *err;
  if (approve) {
    long long n = 0;
    if ((err = db_exec(&dropped, "ii", id, k->open)) || (err = one_id(&dropped, &n, NULL)))
      return nerr_pass(err);
    if (n) { *res = PLAN_DROPS_EXECUTION; return STATUS_OK; }
  }
  err = db_exec(&decide_rev, "sisi", approve ? "approved" : "returned", (long long)u->id,
                        comment ? comment : "", k->open);
  if (err) return nerr_pass(err);
  if (!approve) return nerr_pass(db_exec(&return_plan, "i", id));
  if (k->approved && (err = db_exec(&supersede, "i", k->approved))) return nerr_pass(err);
  return nerr_pass(db_exec(&approve_plan, "i", id));
}

static NEOERR *revise(const struct user *u, long long id, const struct locked *k,
                      const char *note, enum plan_outcome *res)
{
  if (k->open || !k->approved || !(is(k->status, "approved") || is(k->status, "in_progress"))) {
    *res = PLAN_STATE;
    return STATUS_OK;
  }
  long long rev = 0;
  NEOERR *err = db_exec(&last_rev, "i", id);
  if (!err) err = one_id(&last_rev, &rev, NULL);
  if (!err) err = db_exec(&copy_rev, "iisii", id, rev, note ? note : "", (long long)u->id, k->approved);
  if (err) return nerr_pass(err);
  long long new_id = (long long)db_insert_id(&copy_rev);
  if ((err = db_exec(&copy_items_same_keys, "ii", new_id, k->approved))) return nerr_pass(err);
  return nerr_pass(db_exec(&set_open, "ii", new_id, id));
}

NEOERR *db_plan_act(const struct user *u, const char *ip, long long id, long long version,
                    enum plan_action act, const char *comment, enum plan_outcome *res)
{
  static const char *const names[] = {
    [PLAN_SUBMIT] = "plan_submitted", [PLAN_APPROVE] = "plan_approved",
    [PLAN_RETURN] = "plan_returned", [PLAN_REVISE] = "plan_revised",
    [PLAN_START] = "plan_started", [PLAN_CLOSE] = "plan_closed",
  };
  struct locked k;
  NEOERR *err = begin_locked(u, id, version, &k, res);
  if (err || *res) return finish(err, *res);
  switch (act) {
  case PLAN_SUBMIT: err = submit(u, id, &k, res); break;
  case PLAN_APPROVE: err = decide(u, id, &k, 1, comment, res); break;
  case PLAN_RETURN: err = decide(u, id, &k, 0, comment, res); break;
  case PLAN_REVISE: err = revise(u, id, &k, comment, res); break;
  case PLAN_START:
  case PLAN_CLOSE: {
    const char *from = act == PLAN_START ? "approved" : "in_progress";
    const char *to = act == PLAN_START ? "in_progress" : "closed";
    if (!is(k.status, from)) *res = PLAN_STATE;
    else err = db_exec(&set_status, "ssi", to, to, id);
    break;
  }
  }
  if (err || *res) return finish(err, *res);
  char detail[300];
  snprintf(detail, sizeof detail, "%s%.250s", comment && *comment ? "comment: " : "",
           comment ? comment : "");
  err = record(u, ip, id, names[act], detail);
  return finish(err, *res);
}

/* --- execution ---------------------------------------------------------- */

static DB_STMT in_force = DB_STMT_INIT(
    "SELECT id FROM support_plan_items WHERE revision_id = ? AND line_key = ?");
static DB_STMT execution = DB_STMT_INIT(
    "INSERT INTO support_executions (plan_id, line_key, done_on, what_done, actual_cost, result,"
    " rating, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, NOW())");
static DB_STMT attach = DB_STMT_INIT(
    "INSERT INTO support_attachments (execution_id, file_name, content_type, size, stored_name,"
    " uploaded_at) VALUES (?, ?, ?, ?, ?, NOW())");
static DB_STMT started = DB_STMT_INIT(
    "UPDATE support_plans SET status = 'in_progress' WHERE id = ? AND status = 'approved'");

NEOERR *db_plan_execute(const struct user *u, const char *ip, long long id,
                        const struct plan_execution *x, enum plan_outcome *res)
{
  struct locked k;
  NEOERR *err = begin_locked(u, id, -1, &k, res);
  if (err || *res) return finish(err, *res);
  if (!is(k.status, "approved") && !is(k.status, "in_progress")) {
    *res = PLAN_STATE;
    return finish(err, *res);
  }
  long long item;
  if ((err = db_exec(&in_force, "ii", k.approved, x->line_key)) ||
      (err = one_id(&in_force, &item, NULL)))
    return finish(err, *res);
  if (!item) { *res = PLAN_BAD_MEASURE; return finish(err, *res); }
  struct db_arg a[8] = {
    DB_INT(id), DB_INT(x->line_key), DB_STR(x->done_on), DB_STR(x->what_done),
    DB_STR(x->actual_cost), DB_STR(x->result), x->rating ? DB_INT(x->rating) : DB_STR(NULL),
    DB_INT(u->id),
  };
  if ((err = db_execa(&execution, a, 8))) return finish(err, *res);
  long long eid = (long long)db_insert_id(&execution);
  char stored[65] = "";
  if (x->file) {
    if ((err = file_store(x->file, stored))) return finish(err, *res);
    err = db_exec(&attach, "issis", eid, x->file_name, x->file_type, x->file_size, stored);
  }
  char detail[200];
  snprintf(detail, sizeof detail, "line %lld on %s, cost %s%s", x->line_key, x->done_on,
           x->actual_cost, x->file ? ", with attachment" : "");
  if (!err) err = db_exec(&started, "i", id);
  if (!err) err = record(u, ip, id, "plan_executed", detail);
  if (!err) err = db_commit();
  if (err) {
    db_rollback();
    if (*stored) file_discard(stored);
  }
  return nerr_pass(err);
}

/* --- the catalogue ------------------------------------------------------ */

static DB_STMT category_lock = DB_STMT_INIT(
    "SELECT code FROM support_categories WHERE id = ? FOR UPDATE");
static DB_STMT measure_next = DB_STMT_INIT(
    "SELECT COALESCE(MAX(CAST(SUBSTRING_INDEX(m.code, '.', -1) AS UNSIGNED)), 0) + 1,"
    " COALESCE(MAX(m.sort), 0) + 1 FROM support_measures m WHERE m.category_id = ?");
static DB_STMT measure_insert = DB_STMT_INIT(
    "INSERT INTO support_measures (category_id, code, name_zh, name_en, develops_people, sort)"
    " VALUES (?, ?, ?, ?, ?, ?)");

NEOERR *db_measure_add(const struct user *u, const char *ip, long long category_id,
                       const char *name_zh, const char *name_en, int develops_people,
                       enum plan_outcome *res)
{
  *res = PLAN_OK;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  long long number = 0, sort = 0;
  int more;
  if ((err = db_exec(&category_lock, "i", category_id)) || (err = db_next(&category_lock, &more)))
    return finish(err, *res);
  db_done(&category_lock);
  if (!more) { *res = PLAN_NOT_FOUND; return finish(err, *res); }
  if ((err = db_exec(&measure_next, "i", category_id)) ||
      (err = one_id(&measure_next, &number, &sort)))
    return finish(err, *res);
  char code[16], detail[300];
  snprintf(code, sizeof code, "%lld.%lld", category_id, number);
  snprintf(detail, sizeof detail, "%s %.250s", code, name_zh);
  if (!(err = db_exec(&measure_insert, "isssii", category_id, code, name_zh, name_en,
                      (long long)develops_people, sort)))
    err = db_audit(u, ip, "measure_added", "support_measure", db_insert_id(&measure_insert),
                   detail);
  return finish(err, *res);
}

static DB_STMT measure_lock = DB_STMT_INIT(
    "SELECT code FROM support_measures WHERE id = ? FOR UPDATE");
static DB_STMT measure_update = DB_STMT_INIT(
    "UPDATE support_measures SET name_zh = ?, name_en = ?, develops_people = ?, retired = ?"
    " WHERE id = ?");

NEOERR *db_measure_update(const struct user *u, const char *ip, long long id,
                          const char *name_zh, const char *name_en, int develops_people,
                          int retired, enum plan_outcome *res)
{
  *res = PLAN_OK;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  int more;
  if ((err = db_exec(&measure_lock, "i", id)) || (err = db_next(&measure_lock, &more)))
    return finish(err, *res);
  char detail[320];
  if (more) snprintf(detail, sizeof detail, "%s %.250s%s", db_str(&measure_lock, 0), name_zh,
                     retired ? " (retired)" : "");
  db_done(&measure_lock);
  if (!more) { *res = PLAN_NOT_FOUND; return finish(err, *res); }
  if (!(err = db_exec(&measure_update, "ssiii", name_zh, name_en, (long long)develops_people,
                      (long long)retired, id)))
    err = db_audit(u, ip, "measure_changed", "support_measure", (unsigned long long)id, detail);
  return finish(err, *res);
}
