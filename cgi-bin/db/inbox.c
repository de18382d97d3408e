/* The home page's inbox: proposals and plan revisions waiting for a
 * leader's decision, and those a leader sent back.
 *
 * Every part reads a short index range in the order the card shows:
 *  - waiting proposals: complaint_proposals (decision, proposed_at), the
 *    pending ones oldest first, each joined to its complaint by primary key
 *    for the state and the scope;
 *  - submitted and returned plan revisions: support_plan_revisions (status,
 *    submitted_at), a plan's open revision only (an older one is history);
 *  - returned proposals: the complaints' own step-4 state (schema/032,
 *    (proposal, received_at)), the latest proposal by (complaint_id, id).
 * Pending and returned items are the few in the middle of step 4 (nine
 * proposals and three plans in the demo data), so the counts read no more
 * than INBOX_CAP entries each. */
#include "db/inbox.h"
#include "db/complaint_sql.h"
#include "db/db.h"
#include "db/plan_sql.h"
#include "db/scope.h"
#include <stdio.h>

#define STR_(x) #x
#define STR(x) STR_(x)

/* A complaint's "what": the matched customer, else what the customer gave. */
#define COMPLAINT_NAME "COALESCE(cu.name, c.company, c.contact_name)"

/* Parameters: user (not theirs), scope_limited(u), user. */
#define WAITING_PROPOSALS                                                    \
  " FROM complaint_proposals p FORCE INDEX (decision)"                       \
  " JOIN complaints c ON c.id = p.complaint_id"                              \
  " LEFT JOIN customers cu ON cu.id = c.customer_id"                         \
  " WHERE p.decision = 'pending' AND p.proposed_by <> ?"                     \
  " AND c.status = 'open' AND c.step = 4 AND " COMPLAINT_SCOPE("c.region_id")

/* The open revision of status `st` of plans in scope; parameters: user
 * (`cmp` ? for submitted by), scope_limited(u), user. */
#define PLAN_REVISIONS(st, cmp)                                              \
  " FROM support_plan_revisions v FORCE INDEX (status)"                      \
  " JOIN support_plans s ON s.id = v.plan_id AND s.open_rev_id = v.id"       \
  " JOIN customers c ON c.id = s.customer_id"                                \
  " WHERE v.status = '" st "' AND v.submitted_by " cmp " ? AND " PLAN_SCOPE

/* Parameters: user (theirs), scope_limited(u), user. */
#define RETURNED_PROPOSALS                                                   \
  " FROM complaints c FORCE INDEX (proposal_received)"                       \
  " JOIN complaint_proposals p ON p.id = (SELECT MAX(q.id) FROM complaint_proposals q" \
  "  WHERE q.complaint_id = c.id)"                                           \
  " LEFT JOIN customers cu ON cu.id = c.customer_id"                         \
  " WHERE c.proposal = 'returned' AND c.proposal_by = ? AND c.status = 'open'" \
  " AND " COMPLAINT_SCOPE("c.region_id")

#define CAPPED(from) "(SELECT COUNT(*) FROM (SELECT 1" from " LIMIT " STR(INBOX_CAP) ") x)"

/* Both kinds, each cut to the card's length in its own order, then merged
 * by time: t.at is when it was submitted (or returned). */
#define MERGED(complaints, plans)                                            \
  "SELECT t.*, u.display_name AS by_name, TIMESTAMPDIFF(MINUTE, t.at, NOW()) AS waited" \
  " FROM ((" complaints " LIMIT " STR(INBOX_MAX) ") UNION ALL (" plans       \
  " LIMIT " STR(INBOX_MAX) ")) t JOIN users u ON u.id = t.by_id"             \
  " ORDER BY t.at, t.kind, t.id LIMIT " STR(INBOX_MAX)

/* One row of the card, from a complaint c with its proposal p, or from a
 * plan s with its revision v and dealer c; comment, by and at differ. */
#define COMPLAINT_ITEM(comment, by, at)                                      \
  "SELECT 'complaint' AS kind, c.id, c.tracking_no AS ref, " COMPLAINT_NAME " AS name," \
  " NULL AS year, NULL AS rev, p.remedy, p.amount, " comment " AS comment,"  \
  " " by " AS by_id, " at " AS at"
#define PLAN_ITEM(comment, by, at)                                           \
  "SELECT 'plan', s.id, c.code, c.name, s.year, v.rev, NULL, NULL, " comment ", " by ", " at

static DB_STMT awaiting = DB_STMT_INIT(MERGED(
    COMPLAINT_ITEM("NULL", "p.proposed_by", "p.proposed_at") WAITING_PROPOSALS
    " ORDER BY p.proposed_at, p.id",
    PLAN_ITEM("NULL", "v.submitted_by", "v.submitted_at") PLAN_REVISIONS("submitted", "<>")
    " ORDER BY v.submitted_at, v.id"));
static DB_STMT awaiting_counts = DB_STMT_INIT(
    "SELECT " CAPPED(WAITING_PROPOSALS) " AS complaints, "
    CAPPED(PLAN_REVISIONS("submitted", "<>")) " AS plans");

static DB_STMT returned = DB_STMT_INIT(MERGED(
    COMPLAINT_ITEM("p.decision_comment", "p.decided_by", "p.decided_at") RETURNED_PROPOSALS
    " ORDER BY c.received_at, c.id",
    PLAN_ITEM("v.decision_comment", "v.decided_by", "v.decided_at")
    PLAN_REVISIONS("returned", "=") " ORDER BY v.submitted_at, v.id"));
static DB_STMT returned_counts = DB_STMT_INIT(
    "SELECT " CAPPED(RETURNED_PROPOSALS) " AS complaints, "
    CAPPED(PLAN_REVISIONS("returned", "=")) " AS plans");

/* The items and the counts under prefix; both statements take the same
 * three parameters twice. */
static NEOERR *fill(DB_STMT *list, DB_STMT *counts, const struct user *u, HDF *hdf,
                    const char *prefix)
{
  long long id = u->id, lim = scope_limited(u);
  char name[128];
  NEOERR *err = db_exec(counts, "iiiiii", id, lim, id, id, lim, id);
  if (!err) err = db_row_to_hdf(counts, hdf, prefix, NULL);
  if (!err) {
    snprintf(name, sizeof name, "%s.cap", prefix);
    err = hdf_set_int_value(hdf, name, INBOX_CAP);
  }
  if (!err) err = db_exec(list, "iiiiii", id, lim, id, id, lim, id);
  if (!err) {
    snprintf(name, sizeof name, "%s.Items", prefix);
    err = db_rows_to_hdf(list, hdf, name, NULL);
  }
  return nerr_pass(err);
}

NEOERR *db_inbox_awaiting(const struct user *u, HDF *hdf, const char *prefix)
{
  char name[128];
  snprintf(name, sizeof name, "%s.decides", prefix);
  int decides = u->role == ROLE_LEADER;
  NEOERR *err = hdf_set_int_value(hdf, name, decides);
  if (err || !decides) return nerr_pass(err);
  return nerr_pass(fill(&awaiting, &awaiting_counts, u, hdf, prefix));
}

NEOERR *db_inbox_returned(const struct user *u, HDF *hdf, const char *prefix)
{
  return nerr_pass(fill(&returned, &returned_counts, u, hdf, prefix));
}
