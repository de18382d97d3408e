#ifndef KEHU_VALIDATE_H
#define KEHU_VALIDATE_H
/* Field checks shared by every form. The pure checks are unit-tested; the
 * form_* helpers read a field, echo what the user typed under Form.<name>
 * (so a rejected form comes back filled in) and put the message for a bad
 * field under Form.Errors.<name>. */
#include "core/req.h"
#include <stddef.h>

int valid_phone(const char *s);        /* 0571-88886666, 13812345678, +86 ... */
int valid_postal_code(const char *s);  /* six digits */
int valid_email(const char *s);
int valid_date(const char *s);         /* YYYY-MM-DD, a real calendar day */
int valid_amount(const char *s);       /* >= 0, at most 2 decimals */
int valid_username(const char *s);     /* [a-z0-9_.-]{1,64} */
int valid_id(const char *s);           /* a row id: 1-9 digits, no leading zero */
int valid_count(const char *s);        /* 0 or a whole number of up to 7 digits */

struct form {
  struct req *r;
  int errors;                /* fields with a message */
  NEOERR *err;               /* first failure to record them (see form_finish) */
};

/* Text field, trimmed, at most maxlen characters; "" when absent. */
const char *form_text(struct form *f, const char *name, int required,
                      size_t maxlen, char *buf, size_t n);
/* Like form_text, then checked with `check` (one of valid_*), when non-empty. */
const char *form_checked(struct form *f, const char *name, int required,
                         size_t maxlen, int (*check)(const char *),
                         const char *msg_key, char *buf, size_t n);
/* Mark a field bad with the message at L.<msg_key>. */
void form_error(struct form *f, const char *name, const char *msg_key);
/* Call once after the fields: the error, if recording them failed. */
NEOERR *form_finish(struct form *f);
/* One message at one field after the fields were read (a refusal the
 * database found): form_error and form_finish in one. */
NEOERR *form_field_error(struct req *r, const char *name, const char *msg_key);
/* The ending every form handler shares: the form's page drawn again by
 * `page` with status 422, the fields echoed and their messages; or the
 * error, if recording them failed. */
typedef NEOERR *(*form_page_fn)(struct req *r);
NEOERR *form_again(struct form *f, form_page_fn page);
/* After the fields: 1 when the handler is done, the form gone back
 * (form_again) or recording failed; *err is then its answer. */
int form_sent_back(struct form *f, form_page_fn page, NEOERR **err);
#endif
