#ifndef KEHU_DB_COMPLAINT_WRITE_H
#define KEHU_DB_COMPLAINT_WRITE_H
/* Changes to a complaint. Each is one transaction: the complaint's row is
 * locked (SELECT ... FOR UPDATE, within the user's scope), the step rules
 * of complaint_rules.h are checked against what it holds then, and the
 * change is written with its complaint_events row and its audit row.
 * What a user can fix or must be told comes back in *res; nothing was
 * written then. */
#include "core/req.h"
#include "db/complaint_rules.h"

enum complaint_outcome {
  CPL_OK,
  CPL_NOT_FOUND,       /* no such complaint in the user's scope (404) */
  CPL_STALE,           /* saved by someone else since the form was loaded (409) */
  CPL_RULE,            /* refused by the step rules: res->rule says why */
  CPL_BAD_ASSIGNEE,    /* not an active staff or leader account */
  CPL_BAD_REMEDY,      /* step 4: a remedy not offered for the complaint's reason */
  CPL_NEED_PAID,       /* step 6: the approved amount needs a paid date */
  CPL_BAD_CUSTOMER,    /* match: no such customer file in the user's scope */
};

struct complaint_result {
  enum complaint_outcome outcome;
  enum complaint_rule rule;
};

/* Record step `step` with the validated values in v (named as the columns
 * of complaint_handling, complaint_proposals or complaint_followups; dates
 * and times already in SQL form):
 *   1 facts, assignee_id      2 contact_channel, contacted_at, bought_when,
 *   3 analysis, explanation     usage_text, symptom, prev_brand
 *   4 remedy, amount, detail (a proposal for a leader; the step stays 4)
 *   5 agreed_on, agreement_terms, agreed_how
 *   6 exec_department, executed_on, compensation_paid_on, exec_note
 *   7 followed_on, said (a follow-up entry; no version needed) */
NEOERR *db_complaint_step(const struct user *u, const char *ip, long long id, long long version,
                          int step, HDF *v, struct complaint_result *res);
/* Step 4: a leader approves (on to step 5) or returns the pending proposal. */
NEOERR *db_complaint_decide(const struct user *u, const char *ip, long long id, long long version,
                            int approve, const char *comment, struct complaint_result *res);
NEOERR *db_complaint_close(const struct user *u, const char *ip, long long id, long long version,
                           struct complaint_result *res);
NEOERR *db_complaint_reopen(const struct user *u, const char *ip, long long id, long long version,
                            const char *reason, struct complaint_result *res);
/* audience "customer" (shown on the public status page; the first one
 * answers the complaint) or "internal" (staff pages only). */
NEOERR *db_complaint_message(const struct user *u, const char *ip, long long id,
                             const char *audience, const char *body, struct complaint_result *res);
/* Links the complaint to customer file customer_id (0: unlinks it); a
 * complaint without a region takes the customer's. */
NEOERR *db_complaint_match(const struct user *u, const char *ip, long long id,
                           long long customer_id, struct complaint_result *res);
#endif
