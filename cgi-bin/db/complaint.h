#ifndef KEHU_DB_COMPLAINT_H
#define KEHU_DB_COMPLAINT_H
/* Complaints and returns (投诉与退货), the staff side: the queue, one
 * complaint with everything recorded for it, and the customer file's tab.
 * Scoped like customers: a regional manager reads only the complaints of
 * the regions bound to them (never those without a region), and an id
 * outside them is "not found". Writes are in complaint_write.c. */
#include "core/files.h"
#include "core/req.h"

enum complaint_assignee { ASSIGNEE_ANY, ASSIGNEE_USER, ASSIGNEE_MINE, ASSIGNEE_NONE };
enum complaint_status { STATUS_OPEN, STATUS_CLOSED, STATUS_ALL };
/* Step 4's proposals (complaints.proposal, schema/032): waiting for this
 * user's decision (a leader's, never their own proposal), waiting for any
 * leader, sent back to be revised, sent back on a proposal this user made. */
enum complaint_proposal {
  PROPOSAL_ANY, PROPOSAL_DECIDE, PROPOSAL_PENDING, PROPOSAL_RETURNED, PROPOSAL_RETURNED_MINE,
};

/* The due views of the queue; both read the overdue index (schema/023). */
enum complaint_due {
  DUE_ANY = 0,
  DUE_OVERDUE,  /* past first_response_due */
  DUE_SOON,     /* first_response_due between now and due_before */
};

/* The queue's filters; strings are whitelisted enum values (or NULL). */
struct complaint_filter {
  int step;                  /* 1..7, 0: any */
  const char *kind, *reason;
  unsigned product_id, region_id;
  enum complaint_assignee assignee;
  unsigned assignee_id;      /* ASSIGNEE_USER */
  enum complaint_status status;
  enum complaint_proposal proposal;
  enum complaint_due overdue; /* any due view is open and unanswered */
  char due_before[24];       /* DUE_SOON: now + COMPLAINT_DUE_SOON_MINUTES of working time */
  int oldest;                /* oldest (so earliest due) first */
  int page, per;
};

/* "Due soon" (即将到期): the first response due within this much working
 * time from now (docs/sla-clock.md). */
#define COMPLAINT_DUE_SOON_MINUTES 120

/* Counting stops here ("1000+"), as the customer list does. */
#define COMPLAINT_COUNT_CAP 1000

/* The page's rows under Complaints.N (id, tracking_no, received_at, kind,
 * reason, contact_name, contact_phone, step, status, region_zh/en,
 * product, assignee, overdue, sla, sla_minutes, age_minutes, proposal). */
NEOERR *db_complaint_queue(const struct user *u, const struct complaint_filter *f, HDF *hdf,
                           long long *total, int *capped, int *more);

/* The queue's menus under Menu.Regions (those the user sees), Menu.Products,
 * Menu.Staff (who complaints can be assigned to); kept a minute per process. */
NEOERR *db_complaint_menus(const struct user *u, HDF *hdf);
/* Menu.Regions alone; and the kept menus themselves (Products.N, Staff.N;
 * read only, valid until the next call) with a number that changes when
 * they are read again, for a caller that keeps them rendered. */
NEOERR *db_complaint_region_menu(const struct user *u, HDF *hdf);
NEOERR *db_complaint_menus_kept(HDF **menus, unsigned long *revision);

/* Open complaints past their first-response time without an answer, in
 * the user's scope, counted up to 100 (the navigation's figure). */
NEOERR *db_complaint_overdue_count(const struct user *u, int *n);

/* Complaint id under Complaint.* with Handling.*, Proposals.N, Events.N,
 * Messages.N, Followups.N, Attachments.N and, for a matched return, the
 * purchase records that fit under Purchases.N; *found = 0 outside scope. */
NEOERR *db_complaint_get(const struct user *u, long long id, HDF *hdf, int *found);

/* Customer files that may be the complainant's, under prefix.N (by the
 * complaint's phone: the customer's or a key person's; by company name,
 * exact or as a prefix), within the user's regions. */
NEOERR *db_complaint_suggest(const struct user *u, long long id, HDF *hdf, const char *prefix);

/* An attachment in scope: its stored name, content type and file name. */
NEOERR *db_complaint_attachment(const struct user *u, long long attachment_id,
                                struct stored_file *f, int *found);

/* A customer's complaints (newest first) under prefix.N, for the customer
 * file's tab; the caller has checked the customer. */
NEOERR *db_customer_complaints(const struct user *u, long long customer_id, HDF *hdf,
                               const char *prefix);
#endif
