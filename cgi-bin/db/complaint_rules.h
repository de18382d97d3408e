#ifndef KEHU_DB_COMPLAINT_RULES_H
#define KEHU_DB_COMPLAINT_RULES_H
/* The seven steps' rules (投诉处理程序, 第一…第七), kept free of SQL and I/O
 * so they are unit-tested: which action the complaint's state allows, who
 * may decide a proposal, and the small conversions the pages show. The
 * data-access functions apply them inside the transaction that holds the
 * complaint's row lock. */
#include "core/req.h"
#include <stddef.h>

#define COMPLAINT_STEPS 7

enum complaint_act {
  ACT_RECORD,      /* record step 1, 2, 3, 5 or 6 and move to the next */
  ACT_PROPOSE,     /* step 4: a proposal for a leader */
  ACT_DECIDE,      /* step 4: a leader approves or returns it */
  ACT_FOLLOWUP,    /* step 7: a follow-up entry */
  ACT_CLOSE,       /* step 7: close after at least one follow-up */
  ACT_REOPEN,      /* a closed complaint back to step 7 */
};

enum complaint_rule {
  RULE_OK,
  RULE_ORDER,          /* not this step now: skipped, repeated, or closed (409) */
  RULE_PENDING,        /* a proposal already waits for a leader (409) */
  RULE_NO_PROPOSAL,    /* nothing to decide (409) */
  RULE_LEADER_ONLY,    /* only role leader decides (403) */
  RULE_OWN_PROPOSAL,   /* a leader never decides their own proposal (403) */
  RULE_OFFICE_ONLY,    /* regional managers read and add internal notes (403) */
  RULE_NEED_FOLLOWUP,  /* close needs a follow-up first (409) */
};

struct complaint_state {
  int step;                  /* 1..7 */
  int closed;
  unsigned pending_by;       /* proposer of the pending proposal, 0: none */
  int followups;             /* follow-ups since it was last reopened */
};

/* What `act` on step `step` (the step the form was for) by user u meets. */
enum complaint_rule complaint_rule_check(const struct complaint_state *s, enum complaint_act act,
                                         int step, const struct user *u);

/* Step 4's amount: valid_amount, and more than zero for a refund or a
 * compensation. remedy is one of replace, repair, return, refund, compensation,
 * explanation. */
int complaint_amount_ok(const char *remedy, const char *amount);
/* Step 4's remedies (complaint_proposals.remedy), in the order the form
 * offers them, NULL-terminated. Those the source text gives as the answers
 * to a price complaint (对价格很在意: 重新解释, 道歉并赠予小纪念品, 核查同行
 * 竞争降价) are offered only when the complaint's reason is price. */
extern const char *const complaint_remedy_names[];
/* 1 when step 4 offers remedy for a complaint of this reason. */
int complaint_remedy_offered(const char *reason, const char *remedy);
/* 1 when amount (as stored, "0.00") is more than zero. */
int complaint_amount_positive(const char *amount);

/* "YYYY-MM-DDTHH:MM" (an <input type=datetime-local>) or with a space;
 * written to out as "YYYY-MM-DD HH:MM:00". 0 when not a real moment. */
int complaint_datetime(const char *in, char *out, size_t n);

/* Minutes as days, hours, minutes for the SLA clock and the age column. */
void complaint_span(long long minutes, long long *days, int *hours, int *mins);

/* A phone for lists: the first 3 and last 4 digits kept, those between
 * shown as '*'; shorter numbers keep only their last 2 characters. */
void complaint_mask_phone(const char *in, char *out, size_t n);
#endif
