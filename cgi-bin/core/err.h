#ifndef KEHU_ERR_H
#define KEHU_ERR_H
/* One error convention for the whole project: ClearSilver's NEOERR chains.
 * The HTTP-facing error kinds below are registered once per process; the
 * dispatcher turns the first matching kind in a chain into the status code
 * of the one error page. Anything else is a 500. */
#include <ClearSilver.h>

extern NERR_TYPE KERR_BAD_REQUEST;   /* 400 */
extern NERR_TYPE KERR_FORBIDDEN;     /* 403 */
extern NERR_TYPE KERR_NOT_FOUND;     /* 404 */
extern NERR_TYPE KERR_METHOD;        /* 405 */
extern NERR_TYPE KERR_CONFLICT;      /* 409 */
extern NERR_TYPE KERR_BAD_REFERENCE; /* 400: a foreign key names no row */
extern NERR_TYPE KERR_TOO_LARGE;     /* 413 */
extern NERR_TYPE KERR_UNSUPPORTED;   /* 415: a body of a type the route does not take */
extern NERR_TYPE KERR_THROTTLED;     /* 429 */
extern NERR_TYPE KERR_UNAVAILABLE;   /* 503: database down, retry later */
extern NERR_TYPE KERR_NO_SPACE;      /* 507: the data disk is full, nothing was saved */

NEOERR *err_init(void);
/* HTTP status for an error chain (500 when no kind matches). */
int err_status(NEOERR *err);
/* The message the chain was raised with (its innermost link), for a log
 * line or a stored reason; "" for STATUS_OK. */
const char *err_reason(NEOERR *err);
#endif
