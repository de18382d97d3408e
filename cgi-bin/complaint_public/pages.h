#ifndef KEHU_COMPLAINT_PUBLIC_PAGES_H
#define KEHU_COMPLAINT_PUBLIC_PAGES_H
/* The public complaint pages (program complaint_public.fcgi, no sign-in).
 * cgi-bin/complaint_public.c holds the route table. */
#include "core/app.h"
#include "core/secret.h"
#include "core/validate.h"
#include <stdio.h>

/* form.c: the form, the submission, the receipt */
NEOERR *complaint_form(struct req *r);
NEOERR *complaint_submit(struct req *r);
NEOERR *complaint_receipt(struct req *r);

/* status.c: the personal status link, or tracking number + full phone
 * number; the rating */
NEOERR *complaint_status_form(struct req *r);
NEOERR *complaint_status(struct req *r);
NEOERR *complaint_rate(struct req *r);

/* public.c: settings from the environment and the per-address throttle */
struct public_limits {
  int submit_limit;          /* KEHU_PUBLIC_SUBMIT_LIMIT, 20 ... */
  int submit_window;         /* ... per KEHU_PUBLIC_SUBMIT_WINDOW s, 600 */
  int lookup_limit;          /* KEHU_PUBLIC_LOOKUP_LIMIT, 10 failures ... */
  int lookup_window;         /* ... per KEHU_PUBLIC_LOOKUP_WINDOW s, 900 */
  int number_limit;          /* KEHU_PUBLIC_NUMBER_LIMIT, 5 failures on one number ... */
  int number_window;         /* ... per KEHU_PUBLIC_NUMBER_WINDOW s, 3600 */
};
const struct public_limits *public_limits(void);
/* 429 (with Retry-After) when the address has `limit` or more attempts of
 * `kind` in the window; message key msg under L.Error.Text. */
NEOERR *public_throttle(struct req *r, const char *kind, int limit, int window,
                        const char *msg);
/* The form's idempotency key (signed by the server, core/secret.h) and
 * what the receipt and the status link derive from it. */
#define FORM_KEY_PURPOSE "complaint-form"
/* status_link_token and status_token_hash: core/secret.h (the outbox's
 * mails carry the same link). */
/* Today in China (UTC+8) as YYYY-MM-DD. */
void public_today(char out[11]);

/* upload.c: the attachments */
#define ATTACH_MAX 3
#define ATTACH_BYTES (5L << 20)
struct upload {
  FILE *fp;
  char name[256];            /* the customer's file name, made safe */
  const char *type;          /* from the magic bytes */
  long long size;
  char stored[65];           /* random name under $KEHU_VAR/files/ */
  int written;
};
/* Reads the form's file fields file1..file3: good ones into up (*n of
 * them); a bad one (too big, not JPEG/PNG/PDF) is a field error.
 * *offered: how many files were sent at all. */
NEOERR *upload_collect(struct req *r, struct form *f, struct upload *up, int *n, int *offered);
/* Copies the files to $KEHU_VAR/files/<stored> (temp name, then rename). */
NEOERR *upload_store(struct upload *up, int n);
/* Removes stored files again (the transaction failed, or a duplicate). */
void upload_discard(struct upload *up, int n);
#endif
