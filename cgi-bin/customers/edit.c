/* Create, edit (optimistic locking), archive, merge. */
#include "customers/pages.h"
#include "core/err.h"

NEOERR *customers_new_form(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_create(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_edit_form(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_update(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_archive(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_restore(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_merge_form(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_merge(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
