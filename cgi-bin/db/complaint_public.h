#ifndef KEHU_DB_COMPLAINT_PUBLIC_H
#define KEHU_DB_COMPLAINT_PUBLIC_H
/* The public complaint program's data access (no signed-in user): the
 * per-address throttle, registering a complaint in one transaction, the
 * receipt and status lookups, the customer's rating. Nothing here ever
 * returns internal notes or staff names. Staff registering a complaint
 * taken by phone, letter or visit (db_complaint_take) write the same
 * record through the same statements. */
#include "core/req.h"

/* public_attempts rows of `kind` ("submit", "lookup_fail") from ip in the
 * last `window` seconds; and recording one (tracking_no: the number a
 * failed lookup tried, or NULL). */
NEOERR *db_public_attempts(const char *kind, const char *ip, int window, long long *count);
NEOERR *db_public_attempt_add(const char *kind, const char *ip, const char *tracking_no);
/* Failed lookups of one tracking number from any address in the last
 * `window` seconds. */
NEOERR *db_public_number_fails(const char *tracking_no, int window, long long *count);

/* Provinces (id, name_zh, name_en) for the form's select. */
NEOERR *db_province_list(HDF *hdf, const char *prefix);
/* Whether the province exists, its sales region (0 when none matches)
 * and whether product_id (0: none) names an active product. */
NEOERR *db_public_refs(long long province_id, long long product_id, int *province_ok,
                       long long *region_id, int *product_ok);

struct complaint_file {
  const char *file_name;     /* as the customer called it */
  const char *content_type;
  long long size;
  const char *stored_name;   /* 64 hex digits under $KEHU_VAR/files/ */
};

struct complaint_new {
  const char *idem_key, *ip, *day;          /* day: YYYY-MM-DD, China */
  const char *status_token_hash;            /* 64 hex: SHA-256 of the status link */
  const char *kind, *reason, *expected, *name, *phone, *email, *company;
  const char *product_text, *purchase_date, *order_ref, *description;
  long long province_id, region_id, product_id;   /* product 0: none */
  int packaging_intact, return_in_window;   /* -1: NULL */
  const char *message;                      /* the customer's first message */
  const struct complaint_file *files;
  int nfiles;
  /* The channel: "web" (the public form), or phone, hotline, letter,
   * visit, email for one staff took (db_complaint_take). */
  const char *source;
  const struct user *taken_by;              /* NULL: the public form */
  long long customer_id;                    /* the matched file, 0: none */
  const char *lang;                         /* the customer's language (mails), NULL: zh-CN */
};

/* Registers the complaint: the submit attempt (public_attempts), tracking
 * number, the row, its handling row, the 'registered' event, the customer
 * message, the attachments and the audit entry, all or nothing. *duplicate = 1 (and nothing written) when a
 * complaint with the same idem_key exists already. */
NEOERR *db_complaint_submit(const struct complaint_new *c, char *tracking_no,
                            size_t n, int *duplicate);

enum complaint_take { TAKE_OK, TAKE_REGION, TAKE_CUSTOMER };
/* Staff register c (c->taken_by set): refused (*out, nothing written) when
 * its region is not one the user sees (TAKE_REGION) or the customer file
 * is not in their scope (TAKE_CUSTOMER); else as db_complaint_submit,
 * with *id the complaint's (the first one's for a duplicate). */
NEOERR *db_complaint_take(const struct complaint_new *c, char *tracking_no, size_t n,
                          long long *id, enum complaint_take *out);

/* Staff attach files (stored already) to complaint id at its current
 * step: office roles only (res->rule RULE_OFFICE_ONLY), in the user's
 * scope (CPL_NOT_FOUND); an 'attached' event naming the files and an
 * audit row. Defined with the other staff writes (complaint_write.c). */
struct complaint_result;
NEOERR *db_complaint_attach(const struct user *u, const char *ip, long long id,
                            const struct complaint_file *files, int n,
                            struct complaint_result *res);

/* prefix.sla_hours: the first-response promise in business hours ("8",
 * "7.5") from prefix.received_at to prefix.sla_due; nothing when either is
 * missing. The receipt pages and the registration mail say the same. */
NEOERR *db_complaint_promise_hours(HDF *hdf, const char *prefix);

/* The receipt for a form token into prefix.* (tracking_no, kind, reason,
 * received_at, received_day, purchase_date, packaging_intact,
 * return_in_window, sla_due and sla_hours (the first-response promise in
 * business hours), has_link: a status link was issued). */
NEOERR *db_complaint_receipt(const char *idem_key, HDF *hdf, const char *prefix, int *found);

/* The same for staff by complaint id, in the user's scope, with idem_key,
 * source, expected, contact_name, contact_phone, taken_by_name,
 * customer_code and customer_name. */
NEOERR *db_complaint_receipt_staff(const struct user *u, long long id, HDF *hdf,
                                   const char *prefix, int *found);

/* What the status page shows for a tracking number, into prefix.*; the
 * phone is copied to phone (for the caller's last-4 check, never shown). */
NEOERR *db_complaint_status(const char *tracking_no, HDF *hdf, const char *prefix,
                            long long *id, char *phone, size_t n, int *found);
/* The same for the complaint whose status link hashes to token_hash (64
 * hex digits of SHA-256). */
NEOERR *db_complaint_status_by_token(const char *token_hash, HDF *hdf, const char *prefix,
                                     long long *id, int *found);
/* Messages meant for the customer, oldest first, into prefix.N.* (at,
 * author, body). */
NEOERR *db_complaint_customer_messages(long long id, HDF *hdf, const char *prefix);

enum rate_outcome { RATE_OK, RATE_REOPENED, RATE_NOT_RESOLVED, RATE_ALREADY };
/* The customer's rating (1-5) of a resolved complaint; a score of 3 or less
 * reopens follow-up (step 7) in the same transaction. */
NEOERR *db_complaint_rate(long long id, int score, const char *comment, const char *ip,
                          enum rate_outcome *outcome);
#endif
