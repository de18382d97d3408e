#include "core/secret.h"
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static unsigned char key[crypto_auth_KEYBYTES];
static int have_key;

static void secret_path(char *out, size_t n, const char *suffix)
{
  const char *v = getenv("KEHU_VAR");
  snprintf(out, n, "%s/keys/secret%s", v && *v ? v : "var", suffix);
}

static NEOERR *read_key(const char *path)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nerr_raise_errno(NERR_IO, "open %s", path);
  ssize_t got = read(fd, key, sizeof key);
  close(fd);
  if (got != (ssize_t)sizeof key) return nerr_raise(NERR_IO, "%s is not a key", path);
  return STATUS_OK;
}

/* Written under a name of its own, then linked to the final name: link()
 * fails when another process got there first, and nobody ever reads a
 * half-written key. */
static NEOERR *create_key(const char *path)
{
  char tmp[1100];
  /* keys/ is the programs' own directory (scripts/fcgi.sh makes it, 0700
   * to their user); made here too when a program runs without the scripts. */
  const char *v = getenv("KEHU_VAR");
  snprintf(tmp, sizeof tmp, "%s/keys", v && *v ? v : "var");
  if (mkdir(tmp, 0700) != 0 && errno != EEXIST) return nerr_raise_errno(NERR_IO, "mkdir %s", tmp);
  secret_path(tmp, sizeof tmp, ".XXXXXX");
  int fd = mkstemp(tmp);
  if (fd < 0) return nerr_raise_errno(NERR_IO, "create %s", tmp);
  unsigned char fresh[crypto_auth_KEYBYTES];
  crypto_auth_keygen(fresh);
  NEOERR *err = STATUS_OK;
  if (fchmod(fd, 0600) != 0 || write(fd, fresh, sizeof fresh) != (ssize_t)sizeof fresh ||
      fsync(fd) != 0)
    err = nerr_raise_errno(NERR_IO, "write %s", tmp);
  close(fd);
  sodium_memzero(fresh, sizeof fresh);
  if (!err && link(tmp, path) != 0 && errno != EEXIST)
    err = nerr_raise_errno(NERR_IO, "link %s", path);
  unlink(tmp);
  return err;
}

static NEOERR *load_key(void)
{
  if (have_key) return STATUS_OK;
  if (sodium_init() < 0) return nerr_raise(NERR_SYSTEM, "libsodium init failed");
  char path[1100];
  secret_path(path, sizeof path, "");
  NEOERR *err = access(path, F_OK) == 0 ? STATUS_OK : create_key(path);
  if (!err) err = read_key(path);
  if (err) return nerr_pass(err);
  have_key = 1;
  return STATUS_OK;
}

/* MAC over "purpose\n" + msg. */
static void mac(const char *purpose, const char *msg, size_t n,
                unsigned char out[crypto_auth_BYTES])
{
  crypto_auth_hmacsha512256_state st;
  crypto_auth_hmacsha512256_init(&st, key, sizeof key);
  crypto_auth_hmacsha512256_update(&st, (const unsigned char *)purpose, strlen(purpose));
  crypto_auth_hmacsha512256_update(&st, (const unsigned char *)"\n", 1);
  crypto_auth_hmacsha512256_update(&st, (const unsigned char *)msg, n);
  crypto_auth_hmacsha512256_final(&st, out);
}

NEOERR *signed_token_new(const char *purpose, char *out)
{
  NEOERR *err = load_key();
  if (err) return nerr_pass(err);
  unsigned char nonce[SIGNED_NONCE_HEX / 2], m[crypto_auth_BYTES];
  randombytes_buf(nonce, sizeof nonce);
  sodium_bin2hex(out, SIGNED_NONCE_HEX + 1, nonce, sizeof nonce);
  mac(purpose, out, SIGNED_NONCE_HEX, m);
  sodium_bin2hex(out + SIGNED_NONCE_HEX, DERIVED_HEX + 1, m, sizeof m);
  return STATUS_OK;
}

int signed_token_valid(const char *purpose, const char *s)
{
  if (!s || strlen(s) != SIGNED_TOKEN_HEX) return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return 0;
  NEOERR *err = load_key();
  if (err) { nerr_log_error(err); nerr_ignore(&err); return 0; }
  unsigned char want[crypto_auth_BYTES];
  char hex[DERIVED_HEX + 1];
  mac(purpose, s, SIGNED_NONCE_HEX, want);
  sodium_bin2hex(hex, sizeof hex, want, sizeof want);
  return sodium_memcmp(hex, s + SIGNED_NONCE_HEX, DERIVED_HEX) == 0;
}

NEOERR *secret_derive(const char *purpose, const char *msg, char *out)
{
  NEOERR *err = load_key();
  if (err) return nerr_pass(err);
  unsigned char m[crypto_auth_BYTES];
  mac(purpose, msg, strlen(msg), m);
  sodium_bin2hex(out, DERIVED_HEX + 1, m, sizeof m);
  return STATUS_OK;
}

void status_token_hash(const char *token, char *hash)
{
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
  sodium_bin2hex(hash, 2 * sizeof h + 1, h, sizeof h);
}

/* The link is the server's MAC of the form's random nonce: it can be shown
 * again on the receipt (a reload, a double submit) although only its hash
 * is stored, and nobody without the key can compute it from the nonce. */
NEOERR *status_link_token(const char *nonce, char *token, char *hash)
{
  char n[SIGNED_NONCE_HEX + 1];
  snprintf(n, sizeof n, "%s", nonce);
  NEOERR *err = secret_derive("complaint-status-link", n, token);
  if (err) return nerr_pass(err);
  status_token_hash(token, hash);
  return STATUS_OK;
}
