#ifndef KEHU_DB_SIGNIN_H
#define KEHU_DB_SIGNIN_H
/* Sign-in attempts (login_attempts): recording them, the failures that set
 * a try's wait (core/throttle.h) and the signed-in user's notice of their
 * previous sign-in and the failures since. */
#include "core/req.h"
#include "core/throttle.h"

/* Record an attempt; *id (may be NULL) gets its row id. */
NEOERR *db_signin_record(const char *username, const char *ip, int ok,
                         unsigned long long *id);
/* The failures that decide this try's wait. The name's and the address's
 * counts are only read when the pair has failed (else they cannot matter). */
NEOERR *db_signin_failures(const char *username, const char *ip,
                           struct signin_failures *f);
/* Into prefix: previous sign-in before this session's (attempt id
 * signin_id): prev_at, prev_ip (absent for a first sign-in); failures on the
 * name since then: failed (count; when it reaches cap, there are more),
 * failed_at, failed_ip (the latest). */
NEOERR *db_signin_notice(const struct user *u, HDF *hdf, const char *prefix);
#endif
