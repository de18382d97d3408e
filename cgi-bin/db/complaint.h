#ifndef KEHU_DB_COMPLAINT_H
#define KEHU_DB_COMPLAINT_H
/* Complaints and returns (投诉与退货), the staff side: one
 * complaint with everything recorded for it, and the customer file's tab.
 * Scoped like customers: a regional manager reads only the complaints of
 * the regions bound to them (never those without a region), and an id
 * outside them is "not found". The queue is in complaint_list.h, writes
 * in complaint_write.h. */
#include "core/files.h"
#include "core/req.h"

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
