#include "db/customer_list.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCOPE_SQL " AND c.region_id IN (SELECT region_id FROM user_regions WHERE user_id = ?)"

/* The list query is assembled from fixed fragments, one prepared statement
 * per combination of filters, each prepared on first use and kept. */
enum { F_SCOPE = 1, F_REGION = 2, F_KIND = 4, F_Q = 8, F_ALL = 16 };
static DB_STMT list_stmt[F_ALL], count_stmt[F_ALL];

/* The page's ids are found first on the customers table alone (its primary
 * key gives the order), then joined to their regions and owners: joining
 * first made MariaDB sort the whole joined set to take 20 rows. */
static const char *list_head =
    "SELECT c.id, c.code, c.name, c.kind, c.city, c.phone, c.lifecycle,"
    " c.abc_class, c.last_purchase_on, c.region_id, r.name_zh AS region_zh,"
    " r.name_en AS region_en, u.display_name AS owner"
    " FROM (SELECT c.id FROM customers c";
static const char *list_tail =
    " ORDER BY c.id DESC LIMIT ? OFFSET ?) page"
    " JOIN customers c ON c.id = page.id"
    " JOIN regions r ON r.id = c.region_id"
    " LEFT JOIN users u ON u.id = c.owner_id"
    " ORDER BY c.id DESC";

static char *build_sql(int mask, int count)
{
  char *sql = NULL;
  /* Search by name fragment, exact code, phone prefix, or a key person's
   * name/phone. (The customer-files issue replaces the LIKE on name with a
   * Mroonga full-text index; at demo volume a scan is fine.) */
  int n = asprintf(&sql, "%s WHERE c.status = 'active'%s%s%s%s%s",
                   count ? "SELECT COUNT(*) FROM customers c" : list_head,
                   mask & F_SCOPE ? SCOPE_SQL : "",
                   mask & F_REGION ? " AND c.region_id = ?" : "",
                   mask & F_KIND ? " AND c.kind = ?" : "",
                   mask & F_Q ? " AND (c.name LIKE ? OR c.code = ? OR c.phone LIKE ?"
                                " OR c.id IN (SELECT customer_id FROM customer_contacts"
                                " WHERE name = ? OR phone LIKE ?))" : "",
                   count ? "" : list_tail);
  return n < 0 ? NULL : sql;
}

/* LIKE pattern with the user's % and _ taken literally. */
static void like_escape(char *out, size_t n, const char *in, int lead, int trail)
{
  size_t o = 0;
  if (lead && o + 1 < n) out[o++] = '%';
  for (; *in && o + 3 < n; in++) {
    if (*in == '%' || *in == '_' || *in == '\\') out[o++] = '\\';
    out[o++] = *in;
  }
  if (trail && o + 1 < n) out[o++] = '%';
  out[o] = '\0';
}

static NEOERR *run(DB_STMT *s, const struct user *u, const struct customer_filter *f,
                   int mask, int with_page)
{
  char name_like[512], phone_like[256];
  const char *q = f->q ? f->q : "";
  like_escape(name_like, sizeof name_like, q, 1, 1);
  like_escape(phone_like, sizeof phone_like, q, 0, 1);
  /* The parameters that this mask's fragments use, in order. */
  struct db_arg a[12];
  int n = 0;
  if (mask & F_SCOPE) a[n++] = DB_INT(u->id);
  if (mask & F_REGION) a[n++] = DB_INT(f->region_id);
  if (mask & F_KIND) a[n++] = DB_STR(f->kind);
  if (mask & F_Q) {
    a[n++] = DB_STR(name_like);
    a[n++] = DB_STR(q);
    a[n++] = DB_STR(phone_like);
    a[n++] = DB_STR(q);
    a[n++] = DB_STR(phone_like);
  }
  if (with_page) {
    a[n++] = DB_INT(f->per);
    a[n++] = DB_INT((long long)(f->page - 1) * f->per);
  }
  return nerr_pass(db_execa(s, a, n));
}

static int mask_for(const struct user *u, const struct customer_filter *f)
{
  return (scope_limited(u) ? F_SCOPE : 0) | (f->region_id ? F_REGION : 0) |
         (f->kind && *f->kind ? F_KIND : 0) | (f->q && *f->q ? F_Q : 0);
}

static NEOERR *ensure(DB_STMT *s, int mask, int count)
{
  if (s->sql) return STATUS_OK;
  char *sql = build_sql(mask, count);
  if (!sql) return nerr_raise(NERR_NOMEM, "customer list SQL");
  s->sql = sql;   /* kept for the life of the process, like the statement */
  return STATUS_OK;
}

NEOERR *db_customer_list(const struct user *u, const struct customer_filter *f,
                         HDF *hdf, long long *total)
{
  int mask = mask_for(u, f), more;
  NEOERR *err;
  if ((err = ensure(&count_stmt[mask], mask, 1)) || (err = ensure(&list_stmt[mask], mask, 0)))
    return nerr_pass(err);
  if ((err = run(&count_stmt[mask], u, f, mask, 0))) return nerr_pass(err);
  err = db_next(&count_stmt[mask], &more);
  *total = !err && more ? db_int(&count_stmt[mask], 0) : 0;
  db_done(&count_stmt[mask]);
  if (err) return nerr_pass(err);
  if ((err = run(&list_stmt[mask], u, f, mask, 1))) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&list_stmt[mask], hdf, "Customers", NULL));
}

