#include "db/catalog_admin.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/user_admin.h"
#include "core/err.h"
#include <stdio.h>
#include <string.h>

#define PRODUCT_COLS \
  "p.id, p.code, p.name, p.category_id, c.name_zh AS category_zh, c.name_en AS category_en," \
  " p.unit, p.list_price, p.unit_cost, p.active, p.version" \
  " FROM products p JOIN product_categories c ON c.id = p.category_id"

static DB_STMT products = DB_STMT_INIT(
    "SELECT " PRODUCT_COLS " ORDER BY p.active DESC, p.code");
static DB_STMT product = DB_STMT_INIT("SELECT " PRODUCT_COLS " WHERE p.id = ?");
static DB_STMT categories = DB_STMT_INIT(
    "SELECT id, name_zh, name_en FROM product_categories ORDER BY id");
static DB_STMT category_insert = DB_STMT_INIT(
    "INSERT INTO product_categories (name_zh, name_en) VALUES (?, ?)");
static DB_STMT category_update = DB_STMT_INIT(
    "UPDATE product_categories SET name_zh = ?, name_en = ? WHERE id = ?");
static DB_STMT category_exists = DB_STMT_INIT(
    "SELECT 1 FROM product_categories WHERE id = ? FOR UPDATE");
static DB_STMT product_insert = DB_STMT_INIT(
    "INSERT INTO products (code, name, category_id, unit, list_price, unit_cost, active)"
    " VALUES (?, ?, ?, ?, ?, ?, 1)");
static DB_STMT product_lock = DB_STMT_INIT(
    "SELECT version, code, name, category_id, unit, list_price, unit_cost, active"
    " FROM products WHERE id = ? FOR UPDATE");
static DB_STMT product_update = DB_STMT_INIT(
    "UPDATE products SET code = ?, name = ?, category_id = ?, unit = ?, list_price = ?,"
    " unit_cost = ?, active = ?, version = version + 1 WHERE id = ?");
static DB_STMT regions = DB_STMT_INIT(
    "SELECT r.id, r.code, r.name_zh, r.name_en, r.version,"
    " (SELECT GROUP_CONCAT(p.name_zh ORDER BY p.sort SEPARATOR '、') FROM provinces p"
    "  WHERE p.region_code = r.code) AS provinces_zh,"
    " (SELECT GROUP_CONCAT(p.name_en ORDER BY p.sort SEPARATOR ', ') FROM provinces p"
    "  WHERE p.region_code = r.code) AS provinces_en"
    " FROM regions r ORDER BY r.sort, r.id");
static DB_STMT provinces = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en, region_code FROM provinces ORDER BY sort, id");
static DB_STMT region = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en, version FROM regions WHERE id = ?");
static DB_STMT region_lock = DB_STMT_INIT(
    "SELECT version, code, name_zh, name_en FROM regions WHERE id = ? FOR UPDATE");
static DB_STMT region_update = DB_STMT_INIT(
    "UPDATE regions SET code = ?, name_zh = ?, name_en = ?, version = version + 1"
    " WHERE id = ?");
static DB_STMT provinces_follow = DB_STMT_INIT(
    "UPDATE provinces SET region_code = ? WHERE region_code = ?");
static DB_STMT province_move = DB_STMT_INIT(
    "UPDATE provinces SET region_code = ? WHERE id = ? AND region_code <> ?"
    " AND EXISTS (SELECT 1 FROM regions WHERE code = ?)");


/* Every row of a read-only statement under prefix (or one row, *found). */
static NEOERR *read_rows(const struct user *who, DB_STMT *s, const char *types, long long id,
                         HDF *hdf, const char *prefix, int *found)
{
  NEOERR *err = db_admin_only(who);
  if (!err) err = *types ? db_exec(s, types, id) : db_exec(s, "");
  if (!err) err = found ? db_row_to_hdf(s, hdf, prefix, found)
                        : db_rows_to_hdf(s, hdf, prefix, NULL);
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_products_admin(const struct user *who, HDF *hdf, const char *prefix)
{
  return nerr_pass(read_rows(who, &products, "", 0, hdf, prefix, NULL));
}

NEOERR *db_product_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                       int *found)
{
  *found = 0;
  return nerr_pass(read_rows(who, &product, "i", id, hdf, prefix, found));
}

NEOERR *db_categories(const struct user *who, HDF *hdf, const char *prefix)
{
  return nerr_pass(read_rows(who, &categories, "", 0, hdf, prefix, NULL));
}

NEOERR *db_category_save(const struct user *who, const char *ip, long long id,
                         const char *name_zh, const char *name_en, int *found)
{
  int more = 1, creating = id == 0;
  *found = 0;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  char detail[300];
  snprintf(detail, sizeof detail, "name_zh=%s name_en=%s", name_zh, name_en);
  if (id && !(err = db_exec(&category_exists, "i", id))) err = db_next(&category_exists, &more);
  db_done(&category_exists);
  if (!err && more) {
    *found = 1;
    if (!creating) err = db_exec(&category_update, "ssi", name_zh, name_en, id);
    else if (!(err = db_exec(&category_insert, "ss", name_zh, name_en)))
      id = (long long)db_insert_id(&category_insert);
    if (!err) err = db_audit(who, ip, creating ? "create" : "update", "product_category",
                             (unsigned long long)id, detail);
  }
  return nerr_pass(db_end(err, *found));
}

static void describe(const struct product_fields *f, char *out, size_t n)
{
  snprintf(out, n, "code=%s name=%s category=%lld unit=%s list_price=%s unit_cost=%s active=%d",
           f->code, f->name, f->category_id, f->unit, f->list_price, f->unit_cost, f->active);
}

/* A write's ending: commit when saved, else roll back (a duplicate key
 * becomes CATALOG_CODE_TAKEN). */
static NEOERR *finish(NEOERR *err, enum catalog_outcome *outcome)
{
  err = db_end(err, *outcome == CATALOG_SAVED);
  if (nerr_handle(&err, KERR_CONFLICT)) *outcome = CATALOG_CODE_TAKEN;
  return nerr_pass(err);
}

/* Locks the row with statement s (its first column the version): *outcome
 * CATALOG_MISSING or CATALOG_STALE when it may not be written. */
static NEOERR *lock_row(DB_STMT *s, long long id, long long version,
                        enum catalog_outcome *outcome)
{
  int more;
  NEOERR *err = db_exec(s, "i", id);
  if (!err) err = db_next(s, &more);
  if (err) return nerr_pass(err);
  if (!more) *outcome = CATALOG_MISSING;
  else if (db_int(s, 0) != version) *outcome = CATALOG_STALE;
  return STATUS_OK;
}

NEOERR *db_product_create(const struct user *who, const char *ip,
                          const struct product_fields *f, unsigned *id,
                          enum catalog_outcome *outcome)
{
  *outcome = CATALOG_SAVED;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  char detail[512];
  describe(f, detail, sizeof detail);
  err = db_exec(&product_insert, "ssisss", f->code, f->name, f->category_id, f->unit,
                f->list_price, f->unit_cost);
  if (!err) {
    *id = (unsigned)db_insert_id(&product_insert);
    err = db_audit(who, ip, "create", "product", *id, detail);
  }
  return nerr_pass(finish(err, outcome));
}

NEOERR *db_product_update(const struct user *who, const char *ip, long long id,
                          long long version, const struct product_fields *f,
                          enum catalog_outcome *outcome)
{
  *outcome = CATALOG_SAVED;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = lock_row(&product_lock, id, version, outcome)) || *outcome != CATALOG_SAVED)
    goto done;
  char detail[1100];
  int at = snprintf(detail, sizeof detail,
                    "from code=%s name=%s category=%s unit=%s list_price=%s unit_cost=%s"
                    " active=%s; to ", db_str(&product_lock, 1), db_str(&product_lock, 2),
                    db_str(&product_lock, 3), db_str(&product_lock, 4),
                    db_str(&product_lock, 5), db_str(&product_lock, 6),
                    db_str(&product_lock, 7));
  db_done(&product_lock);
  /* The "from" half fits (its fields' column sizes); kept safe anyway. */
  if (at < 0 || (size_t)at >= sizeof detail) at = (int)sizeof detail - 1;
  describe(f, detail + at, sizeof detail - (size_t)at);
  if (!(err = db_exec(&product_update, "ssisssii", f->code, f->name, f->category_id, f->unit,
                      f->list_price, f->unit_cost, (long long)f->active, id)))
    err = db_audit(who, ip, f->active ? "update" : "retire", "product",
                   (unsigned long long)id, detail);
done:
  db_done(&product_lock);
  return nerr_pass(finish(err, outcome));
}

NEOERR *db_regions_admin(const struct user *who, HDF *hdf)
{
  NEOERR *err = read_rows(who, &regions, "", 0, hdf, "Regions", NULL);
  if (!err) err = read_rows(who, &provinces, "", 0, hdf, "Provinces", NULL);
  return nerr_pass(err);
}

NEOERR *db_region_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                      int *found)
{
  *found = 0;
  return nerr_pass(read_rows(who, &region, "i", id, hdf, prefix, found));
}

NEOERR *db_region_update(const struct user *who, const char *ip, long long id,
                         long long version, const char *code, const char *name_zh,
                         const char *name_en, enum catalog_outcome *outcome)
{
  *outcome = CATALOG_SAVED;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = lock_row(&region_lock, id, version, outcome)) || *outcome != CATALOG_SAVED)
    goto done;
  char old_code[17], detail[400];
  snprintf(old_code, sizeof old_code, "%s", db_str(&region_lock, 1));
  snprintf(detail, sizeof detail, "from code=%s name_zh=%s name_en=%s; to code=%s name_zh=%s"
           " name_en=%s", old_code, db_str(&region_lock, 2), db_str(&region_lock, 3), code,
           name_zh, name_en);
  db_done(&region_lock);
  /* provinces.region_code names the region by code (schema/007). */
  if (!(err = db_exec(&region_update, "sssi", code, name_zh, name_en, id)) &&
      !(err = db_exec(&provinces_follow, "ss", code, old_code)))
    err = db_audit(who, ip, "update", "region", (unsigned long long)id, detail);
done:
  db_done(&region_lock);
  return nerr_pass(finish(err, outcome));
}

NEOERR *db_province_regions(const struct user *who, const char *ip,
                            const struct province_move *moves, int n, int *changed)
{
  *changed = 0;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  char detail[64];
  for (int i = 0; i < n && !err; i++) {
    if ((err = db_exec(&province_move, "siss", moves[i].region_code, moves[i].province_id,
                       moves[i].region_code, moves[i].region_code)) ||
        !db_affected(&province_move))
      continue;
    (*changed)++;
    snprintf(detail, sizeof detail, "region_code=%s", moves[i].region_code);
    err = db_audit(who, ip, "update", "province", (unsigned long long)moves[i].province_id,
                   detail);
  }
  return nerr_pass(db_end(err, 1));
}
