#ifndef KEHU_COMPLAINT_PUBLIC_INTAKE_H
#define KEHU_COMPLAINT_PUBLIC_INTAKE_H
/* What a complaint is registered with, the same whether the customer fills
 * in the public form or staff take it by phone, letter or visit: the
 * fields, their checks, the form's lists and the record for the data
 * layer. Linked into complaint_public.fcgi and complaints.fcgi (Makefile). */
#include "core/app.h"
#include "core/validate.h"
#include "db/complaint_public.h"

/* Sizes in bytes: room for the character limits in 4-byte UTF-8. */
struct intake_fields {
  char kind[16], reason[16], expected[16], name[260], phone[132], email[516], company[516];
  char province[40], product[40], product_text[516], purchase_date[44];
  char order_ref[260], packaging[8], description[16008];
};

/* 1 for the kinds the 7-day rule covers: a return or an exchange
 * (商家必须接受退货或换货的请求). */
int intake_takes_back(const char *kind);
/* Reads and checks the fields into v; errors go to f. today: YYYY-MM-DD. */
void intake_read(struct form *f, struct intake_fields *v, const char *today);
/* After intake_read without errors: the province and product exist (field
 * errors otherwise); *region_id is the province's sales region. */
NEOERR *intake_refs(struct form *f, const struct intake_fields *v, long long *region_id);
/* The form's lists (Provinces, Products) and Today. */
NEOERR *intake_lists(struct req *r);
/* c filled from v (strings point into v and the buffers given): the
 * return window, the status link's hash for the form key's nonce, the
 * customer's first message. Sources, staff and files are the caller's. */
NEOERR *intake_new(struct req *r, struct intake_fields *v, const char *idem, long long region_id,
                   const char *today, struct complaint_new *c, char *nonce, char *token_hash,
                   char *message, size_t message_size);
/* The receipt's derived parts into its node h (read by
 * db_complaint_receipt*): the status link from the form key's nonce
 * (status_token, when has_link) and, for a return or exchange, the 7-day
 * window (Window.Inside, TooLate, Opened, Unknown). */
NEOERR *intake_receipt(HDF *h, const char *nonce);
#endif
