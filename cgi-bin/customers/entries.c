/* Entries added to a customer file: key people, contact log, needs and
 * strategy dynamics, quotes, service, rebates and promotions, financials. */
#include "customers/pages.h"
#include "core/err.h"

NEOERR *customers_add_entry(struct req *r) { return app_fail(r, KERR_NOT_FOUND, "NotYet"); }
