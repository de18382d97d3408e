#include "db/names.h"
#include "db/db.h"
#include <time.h>

#define NAMES_TTL 60

static DB_STMT region_names = DB_STMT_INIT("SELECT id, name_zh AS a, name_en AS b FROM regions");
static DB_STMT user_names = DB_STMT_INIT("SELECT id, display_name AS a FROM users");
static DB_STMT product_names = DB_STMT_INIT("SELECT id, name AS a FROM products");

static struct kept {
  DB_STMT *st;
  HDF *hdf;       /* <id>.a, <id>.b */
  time_t at;
} kept[] = {
  [NAMES_REGION] = { .st = &region_names },
  [NAMES_USER] = { .st = &user_names },
  [NAMES_PRODUCT] = { .st = &product_names },
};

static NEOERR *read_names(struct kept *k)
{
  HDF *fresh, *node;
  int more;
  NEOERR *err = hdf_init(&fresh);
  if (err) return nerr_pass(err);
  if (!(err = db_exec(k->st, "")))
    while (!(err = db_next(k->st, &more)) && more)
      if ((err = hdf_get_node(fresh, db_str(k->st, 0), &node)) ||
          (err = db_columns_to_node(k->st, node, 0)))
        break;
  db_done(k->st);
  if (err) { hdf_destroy(&fresh); return nerr_pass(err); }
  hdf_destroy(&k->hdf);
  k->hdf = fresh;
  k->at = time(NULL);
  return STATUS_OK;
}

NEOERR *db_names_set(enum db_names which, const char *id, HDF *row, const char *a, const char *b)
{
  if (!id || !*id) return STATUS_OK;
  struct kept *k = &kept[which];
  time_t now = time(NULL);
  NEOERR *err;
  if ((!k->hdf || now - k->at >= NAMES_TTL) && (err = read_names(k))) return nerr_pass(err);
  HDF *n = hdf_get_obj(k->hdf, id);
  if (!n && now != k->at) {
    if ((err = read_names(k))) return nerr_pass(err);
    n = hdf_get_obj(k->hdf, id);
  }
  if (!n) return STATUS_OK;
  const char *v = hdf_get_value(n, "a", NULL);
  if (v && (err = hdf_set_value(row, a, v))) return nerr_pass(err);
  if (b && (v = hdf_get_value(n, "b", NULL)) && (err = hdf_set_value(row, b, v)))
    return nerr_pass(err);
  return STATUS_OK;
}
