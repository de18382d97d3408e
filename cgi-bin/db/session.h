#ifndef KEHU_DB_SESSION_H
#define KEHU_DB_SESSION_H
/* Sessions and the signed-in user's own settings (sign-in attempts:
 * db/signin.h). */
#include "core/req.h"
#include "core/session.h"

/* The session store core/session.c runs on (struct session_store says
 * what each does); db/runtime.c hands them to app_main. */
NEOERR *db_session_load(const unsigned char hash[32], int idle, int max,
                        struct user *u, int *state, int *stale);
NEOERR *db_session_touch(const unsigned char hash[32]);
NEOERR *db_session_create(const unsigned char hash[32], unsigned user_id,
                          const char *csrf, const char *ip, const char *ua,
                          unsigned long long signin_id);
NEOERR *db_session_delete(const unsigned char hash[32]);

/* The stored hash and id of an active user, for sign-in. *found = 0 when
 * there is no such active user. */
NEOERR *db_user_credentials(const char *username, unsigned *id, char *hash,
                            size_t hash_size, int *found);
NEOERR *db_user_set_lang(const struct user *u, const char *ip, const char *lang);

/* My account (/account): the signed-in user's stored hash ("" if none). */
NEOERR *db_user_password_hash(const struct user *u, char *hash, size_t hash_size);
/* A new password chosen by the user (clears a one-time password's mark);
 * every other session of theirs ends, the one hashed `keep` stays. */
NEOERR *db_user_set_password(const struct user *u, const char *ip, const char *hash,
                             const unsigned char keep[32]);
/* Ends every session of the user but `keep`; *ended: how many. */
NEOERR *db_session_end_others(const struct user *u, const char *ip,
                              const unsigned char keep[32], unsigned *ended);
#endif
