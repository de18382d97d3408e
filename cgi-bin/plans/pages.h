#ifndef KEHU_PLANS_PAGES_H
#define KEHU_PLANS_PAGES_H
/* The support-plan pages (program plans.fcgi). cgi-bin/plans.c holds the
 * route table; each file here holds one part of the pages. */
#include "core/app.h"
#include "db/plan_write.h"

#define PLAN_FILE_BYTES (5L << 20)

/* list.c: the plans of a year, filtered */
NEOERR *plans_list(struct req *r);
/* The current year (China time), the default of every year filter. */
int plans_this_year(void);

/* catalogue.c: the five categories and their measures; admins change them */
NEOERR *plans_catalogue(struct req *r);
NEOERR *plans_measure_add(struct req *r);
NEOERR *plans_measure_update(struct req *r);

/* show.c: one plan */
NEOERR *plans_show(struct req *r);
/* The plan page again (after a refused form: messages under Form.Errors). */
NEOERR *plans_page(struct req *r);
/* An outcome of a write as the page the user gets: 303 back to the plan
 * with a flash, or the error page that says what to do. */
NEOERR *plans_answer(struct req *r, enum plan_outcome res, const char *flash);
/* A stale version: page (plans_page or a form's) again with a 409 notice. */
NEOERR *plans_stale(struct req *r, NEOERR *(*page)(struct req *r));
/* The plan's version from the form; 0 when missing. */
long long plans_version(struct req *r);

/* edit.c: a new plan, the goals, the measures of the open revision */
NEOERR *plans_new(struct req *r);
NEOERR *plans_create(struct req *r);
NEOERR *plans_goals(struct req *r);
NEOERR *plans_item_form(struct req *r);
NEOERR *plans_item_save(struct req *r);
NEOERR *plans_item_remove(struct req *r);
/* A DECIMAL typed by the user: valid_amount, optionally negative, at most
 * int_digits digits before the point. */
int plans_decimal(const char *s, int negative_ok, int int_digits);

/* workflow.c: submit, approve/return, revise, start, close */
NEOERR *plans_act(struct req *r);

/* execution.c: recording what was done; attachments as downloads */
NEOERR *plans_execute(struct req *r);
NEOERR *plans_attachment(struct req *r);

/* budget.c: budget vs actual by category and region (page and CSV) */
NEOERR *plans_budget(struct req *r);
#endif
