#ifndef KEHU_DB_PLAN_WRITE_H
#define KEHU_DB_PLAN_WRITE_H
/* Changes to support plans. Each is one transaction: the plan's row is
 * locked (SELECT ... FOR UPDATE, within the user's scope), the workflow
 * rules are checked against what it holds then, the change is written,
 * the plan's version and updated_at are bumped, and one audit row says
 * what happened. What the user can fix or must be told comes back as the
 * outcome; nothing was written then. */
#include "core/req.h"
#include <stdio.h>

enum plan_outcome {
  PLAN_OK,
  PLAN_NOT_FOUND,      /* no such plan (or measure) in the user's scope: 404 */
  PLAN_STALE,          /* changed by someone else since the form was loaded: 409 */
  PLAN_LOCKED,         /* no revision open for editing (approved, or submitted): 409 */
  PLAN_STATE,          /* the action does not fit the plan's status: 409 */
  PLAN_LEADER_ONLY,    /* only a leader decides: 403 */
  PLAN_OWN,            /* a leader never decides a revision they submitted: 403 */
  PLAN_EXISTS,         /* the dealer already has a plan for that year: 409 */
  PLAN_NO_DEALER,      /* create: no dealer with that code in scope (field error) */
  PLAN_NO_PREVIOUS,    /* create: nothing approved last year to copy (field error) */
  PLAN_HAS_EXECUTION,  /* remove: the measure has execution records: 409 */
  PLAN_DROPS_EXECUTION, /* approve: the revision lacks a measure with records: 409 */
  PLAN_EMPTY,          /* submit: the revision has no measures: 409 */
  PLAN_BAD_MEASURE,    /* item: unknown or retired catalogue measure (field error) */
  PLAN_BAD_OWNER,      /* item: no such active user (field error) */
};

/* Goals of the open revision; amounts are validated DECIMAL text. */
struct plan_goals {
  const char *sales_target, *growth_target, *focus, *change_note;
};
/* One measure: measure_id from the catalogue (then category_id is the
 * measure's), or 0 and custom_name in category_id. */
struct plan_item {
  long long line_key;        /* 0: a new measure */
  long long measure_id, category_id, owner_id;
  const char *custom_name, *description, *budget, *expected_effect;
  unsigned months;
};
struct plan_execution {
  long long line_key;
  const char *done_on, *what_done, *actual_cost, *result;
  int rating;                /* 1-5, 0: none */
  FILE *file;                /* optional attachment, already checked */
  const char *file_name, *file_type;
  long long file_size;
};

/* A new plan for dealer `code` and `year` (revision 1, a draft); copy: the
 * goals and measures of last year's revision in force, with new line keys. */
NEOERR *db_plan_create(const struct user *u, const char *ip, const char *code, int year,
                       int copy, long long *id, enum plan_outcome *res);
NEOERR *db_plan_goals(const struct user *u, const char *ip, long long id, long long version,
                      const struct plan_goals *g, enum plan_outcome *res);
NEOERR *db_plan_item_save(const struct user *u, const char *ip, long long id, long long version,
                          const struct plan_item *it, enum plan_outcome *res);
NEOERR *db_plan_item_remove(const struct user *u, const char *ip, long long id,
                            long long version, long long line_key, enum plan_outcome *res);

enum plan_action { PLAN_SUBMIT, PLAN_APPROVE, PLAN_RETURN, PLAN_REVISE, PLAN_START, PLAN_CLOSE };
/* A workflow step; comment: the leader's (required for a return, checked
 * by the caller) or the reason for a revision. */
NEOERR *db_plan_act(const struct user *u, const char *ip, long long id, long long version,
                    enum plan_action act, const char *comment, enum plan_outcome *res);
/* An execution record against a measure of the revision in force; the
 * first one starts an approved plan. The file is stored before the
 * commit and removed again when the transaction fails. */
NEOERR *db_plan_execute(const struct user *u, const char *ip, long long id,
                        const struct plan_execution *x, enum plan_outcome *res);

/* The catalogue (admins): add a measure to category_id; change one. */
NEOERR *db_measure_add(const struct user *u, const char *ip, long long category_id,
                       const char *name_zh, const char *name_en, int develops_people,
                       enum plan_outcome *res);
NEOERR *db_measure_update(const struct user *u, const char *ip, long long id,
                          const char *name_zh, const char *name_en, int develops_people,
                          int retired, enum plan_outcome *res);
#endif
