/* Import of customers from CSV (UTF-8 or GBK) and XLSX. */
#include "customers/pages.h"
#include "core/err.h"

NEOERR *customers_import_form(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_import_upload(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_import_preview(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_import_commit(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
NEOERR *customers_import_status(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
