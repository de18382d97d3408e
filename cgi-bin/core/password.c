#include "password.h"
#include <string.h>

/* libsodium's interactive limits (64 MiB per hash): a wait a sign-in
 * bears, and well above brute-force comfort (bench/README.md). */
#define OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

static char dummy[PASSWORD_HASH_MAX];

int password_init(void)
{
  if (sodium_init() < 0) return -1;
  if (!dummy[0] && password_hash("kehu-timing-dummy", dummy) != 0) return -1;
  return 0;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
  return crypto_pwhash_str_alg(out, pw, strlen(pw), OPS, MEM,
                               crypto_pwhash_ALG_ARGON2ID13);
}

int password_verify(const char *stored, const char *pw)
{
  if (!stored || strncmp(stored, "$argon2id$", 10) != 0) return 0;
  return crypto_pwhash_str_verify(stored, pw, strlen(pw)) == 0;
}

int password_burn(const char *pw)
{
  int rc = crypto_pwhash_str_verify(dummy, pw, strlen(pw));
  (void)rc;
  return 0;
}
