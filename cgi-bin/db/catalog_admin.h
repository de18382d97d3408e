#ifndef KEHU_DB_CATALOG_ADMIN_H
#define KEHU_DB_CATALOG_ADMIN_H
/* Products, their categories, regions and provinces, as an administrator
 * keeps them (issue 15). Admins only (KERR_FORBIDDEN for anyone else);
 * every change audited in its transaction. Other workers see a change
 * within a minute (db/kept.c keeps names and menus that long). */
#include "core/req.h"

struct product_fields {
  char code[33];
  char name[129];
  long long category_id;
  char unit[17];
  char list_price[24];       /* checked with valid_amount */
  char unit_cost[24];
  int active;
};

enum catalog_outcome { CATALOG_SAVED, CATALOG_CODE_TAKEN, CATALOG_STALE, CATALOG_MISSING };

/* Products.N.{id,code,name,category_id,category_zh,category_en,unit,
 * list_price,unit_cost,active,version}, active first, by code. */
NEOERR *db_products_admin(const struct user *who, HDF *hdf, const char *prefix);
NEOERR *db_product_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                       int *found);
/* Categories.N.{id,name_zh,name_en}. */
NEOERR *db_categories(const struct user *who, HDF *hdf, const char *prefix);
/* A new category (id 0) or new names for one; *found = 0 when id names
 * none. */
NEOERR *db_category_save(const struct user *who, const char *ip, long long id,
                         const char *name_zh, const char *name_en, int *found);
NEOERR *db_product_create(const struct user *who, const char *ip,
                          const struct product_fields *f, unsigned *id,
                          enum catalog_outcome *outcome);
NEOERR *db_product_update(const struct user *who, const char *ip, long long id,
                          long long version, const struct product_fields *f,
                          enum catalog_outcome *outcome);

/* Regions.N.{id,code,name_zh,name_en,version,provinces} (provinces: their
 * names, joined), and Provinces.N.{id,name_zh,name_en,region_code}. */
NEOERR *db_regions_admin(const struct user *who, HDF *hdf);
NEOERR *db_region_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                      int *found);
/* code and names of a region, if still at version (CATALOG_CODE_TAKEN: the
 * code is another region's). Provinces follow a code change. */
NEOERR *db_region_update(const struct user *who, const char *ip, long long id,
                         long long version, const char *code, const char *name_zh,
                         const char *name_en, enum catalog_outcome *outcome);
/* Provinces moved to the regions with these codes, in one transaction
 * (a province already there, or an unknown code, is left alone);
 * *changed: how many moved. */
struct province_move { long long province_id; char region_code[17]; };
NEOERR *db_province_regions(const struct user *who, const char *ip,
                            const struct province_move *moves, int n, int *changed);
#endif
