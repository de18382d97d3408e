#ifndef KEHU_COMPLAINTS_PAGES_H
#define KEHU_COMPLAINTS_PAGES_H
/* The staff complaint pages (program complaints.fcgi). cgi-bin/complaints.c
 * holds the route table; each file here holds one part of the pages. */
#include "core/app.h"
#include "db/complaint_write.h"
#include "db/workcal.h"

/* queue.c: the queue with its filters and the SLA clock */
NEOERR *complaints_queue(struct req *r);

/* show.c: one complaint, its seven steps, messages and timeline */
NEOERR *complaints_show(struct req *r);
/* The complaint page again (after a refused form: status already set,
 * messages under Form.Errors). */
NEOERR *complaints_page(struct req *r);
/* The complaint r->id with everything recorded for it (db_complaint_get),
 * its pending and approved proposal under Pending.* and Approved.*; a 404
 * outside the user's scope. */
NEOERR *complaints_read(struct req *r);
/* A row's age as text in days/hours/minutes (age_text) and its clocks
 * (complaints_clocks). */
NEOERR *complaints_spans(HDF *row, const char *lang, const struct workcal *cal);

/* clock.c: the first-response clock (sla, sla_text, sla_due_text) and the
 * resolution clock (res, res_text, res_due_text) of a row read with
 * COMPLAINT_CLOCK_COLS, in business hours of cal. */
NEOERR *complaints_clocks(HDF *row, const char *lang, const struct workcal *cal);
/* An outcome of a write as the page the user gets: 303 back to the
 * complaint with a flash, or the error page that says what to do. */
NEOERR *complaints_answer(struct req *r, const struct complaint_result *res, const char *flash);

/* agreement.c: step 5's handling agreement (处理协议), printable */
NEOERR *complaints_agreement(struct req *r);

/* steps.c: recording steps, the leader's decision, close and reopen */
NEOERR *complaints_step(struct req *r);
NEOERR *complaints_decide(struct req *r);
NEOERR *complaints_close(struct req *r);
NEOERR *complaints_reopen(struct req *r);

/* notes.c: internal notes and messages to the customer; matching */
NEOERR *complaints_message(struct req *r);
NEOERR *complaints_match(struct req *r);

/* intake.c: staff register a complaint taken by phone, letter, visit or
 * email, and its receipt */
NEOERR *complaints_new_form(struct req *r);
NEOERR *complaints_new(struct req *r);
NEOERR *complaints_receipt(struct req *r);

/* files.c: staff attach files at any step */
NEOERR *complaints_attach(struct req *r);

/* attachment.c: an attachment as a download */
NEOERR *complaints_attachment(struct req *r);
#endif
