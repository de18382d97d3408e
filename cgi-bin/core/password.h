#ifndef KEHU_PASSWORD_H
#define KEHU_PASSWORD_H
/* argon2id password hashes (libsodium's crypto_pwhash, PHC string format). */
#include <stddef.h>
#include <sodium.h>

#define PASSWORD_HASH_MAX crypto_pwhash_STRBYTES

/* Initialise libsodium once per process; returns 0 on success. */
int password_init(void);
/* Hash pw into out (PASSWORD_HASH_MAX bytes); returns 0 on success. */
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);
/* 1 when pw matches the stored hash, 0 otherwise (also for a malformed hash). */
int password_verify(const char *stored, const char *pw);
/* Verify against a fixed dummy hash so that an unknown user name costs the
 * same time as a wrong password. Always returns 0. */
int password_burn(const char *pw);
#endif
