#ifndef KEHU_ADMIN_PAGES_H
#define KEHU_ADMIN_PAGES_H
/* admin.fcgi (系统管理): the pages in cgi-bin/admin/. Only admins
 * reach them (route table), and the data-access calls refuse anyone else
 * again (db/user_admin.c, db/catalog_admin.c). */
#include "core/app.h"

NEOERR *admin_index(struct req *r);

NEOERR *admin_users(struct req *r);
NEOERR *admin_user_new(struct req *r);
NEOERR *admin_user_create(struct req *r);
NEOERR *admin_user_edit(struct req *r);
NEOERR *admin_user_save(struct req *r);
NEOERR *admin_user_reset(struct req *r);

NEOERR *admin_products(struct req *r);
NEOERR *admin_product_new(struct req *r);
NEOERR *admin_product_create(struct req *r);
NEOERR *admin_product_edit(struct req *r);
NEOERR *admin_product_save(struct req *r);
NEOERR *admin_category_save(struct req *r);

NEOERR *admin_regions(struct req *r);
NEOERR *admin_region_edit(struct req *r);
NEOERR *admin_region_save(struct req *r);
NEOERR *admin_provinces_save(struct req *r);

/* The notification outbox (docs/notifications.md): what waits or failed,
 * and sending one again. */
NEOERR *admin_outbox(struct req *r);
NEOERR *admin_outbox_retry(struct req *r);
/* calendar.c: the working calendar of the complaint clocks. */
NEOERR *admin_calendar(struct req *r);
NEOERR *admin_calendar_save(struct req *r);

/* The row r->id read by `get` (db_user_get, db_product_get, db_region_get)
 * under prefix; a 404 page when there is none. */
typedef NEOERR *(*admin_get_fn)(const struct user *who, long long id, HDF *hdf,
                                const char *prefix, int *found);
NEOERR *admin_fetch(struct req *r, admin_get_fn get, const char *prefix);

/* Page.Section "admin" and the template; every admin page ends here. */
NEOERR *admin_show(struct req *r, const char *tmpl);
#endif
