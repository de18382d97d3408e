#include "db/names.h"
#include "db/db.h"
#include "db/kept.h"

static DB_STMT region_names = DB_STMT_INIT("SELECT id, name_zh AS a, name_en AS b FROM regions");
static DB_STMT user_names = DB_STMT_INIT("SELECT id, display_name AS a FROM users");
static DB_STMT product_names = DB_STMT_INIT("SELECT id, name AS a FROM products");

/* Each statement's rows as <id>.a, <id>.b. */
static NEOERR *read_names(HDF *fresh, void *arg)
{
  DB_STMT *st = arg;
  HDF *node;
  int more;
  NEOERR *err = db_exec(st, "");
  if (!err)
    while (!(err = db_next(st, &more)) && more)
      if ((err = hdf_get_node(fresh, db_str(st, 0), &node)) ||
          (err = db_columns_to_node(st, node, 0)))
        break;
  db_done(st);
  return nerr_pass(err);
}

static struct db_kept kept[] = {
  [NAMES_REGION] = { .fill = read_names, .arg = &region_names },
  [NAMES_USER] = { .fill = read_names, .arg = &user_names },
  [NAMES_PRODUCT] = { .fill = read_names, .arg = &product_names },
};

NEOERR *db_names_set(enum db_names which, const char *id, HDF *row, const char *a, const char *b)
{
  if (!id || !*id) return STATUS_OK;
  struct db_kept *k = &kept[which];
  NEOERR *err = db_kept_fresh(k);
  if (err) return nerr_pass(err);
  HDF *n = hdf_get_obj(k->hdf, id);
  if (!n) {
    if ((err = db_kept_reread(k))) return nerr_pass(err);
    n = hdf_get_obj(k->hdf, id);
  }
  if (!n) return STATUS_OK;
  const char *v = hdf_get_value(n, "a", NULL);
  if (v && (err = hdf_set_value(row, a, v))) return nerr_pass(err);
  if (b && (v = hdf_get_value(n, "b", NULL)) && (err = hdf_set_value(row, b, v)))
    return nerr_pass(err);
  return STATUS_OK;
}
