#ifndef KEHU_DB_INBOX_H
#define KEHU_DB_INBOX_H
/* The home page's inbox (issue 14): what waits for a leader's decision, and
 * what a leader sent back to its author. Both kinds of item are step 4's
 * proposals (处理意见, complaint_proposals) and support-plan revisions
 * submitted for approval (support_plan_revisions); scoped like the rest: a
 * row outside the user's regions is never read. */
#include "core/req.h"

/* Items listed at most; counts stop at INBOX_CAP (the page shows "99+"). */
#define INBOX_MAX 10
#define INBOX_CAP 100

/* For a leader (only leaders decide, never on what they submitted
 * themselves: complaint_rules.c, plan_write.c): the pending proposals of
 * open step-4 complaints and the submitted revisions of plans, oldest
 * first, at most INBOX_MAX under prefix.Items.N {kind (complaint | plan),
 * id (the complaint's or the plan's), ref (tracking number | dealer code),
 * name (the customer, company or contact | the dealer), year and rev
 * (plans), remedy and amount (complaints), by (who submitted it), at (when),
 * waited (minutes since)}; prefix.complaints and prefix.plans count each
 * kind up to INBOX_CAP (prefix.cap); prefix.decides = 1. For anyone else
 * prefix.decides = 0 and nothing is read. */
NEOERR *db_inbox_awaiting(const struct user *u, HDF *hdf, const char *prefix);

/* What leaders returned to this user (the proposals they made, the plan
 * revisions they submitted) and is not yet revised: prefix.Items.N as
 * above, with by (who returned it), at (when), comment, oldest first;
 * prefix.complaints and prefix.plans as above. */
NEOERR *db_inbox_returned(const struct user *u, HDF *hdf, const char *prefix);
#endif
