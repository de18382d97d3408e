#ifndef KEHU_SECRET_H
#define KEHU_SECRET_H
/* The server's own secret key and what is signed with it. The key is
 * crypto_auth_KEYBYTES random bytes in $KEHU_VAR/keys/secret (mode 0600),
 * created by the first process that needs it and read once per process.
 * Nothing a client sends can be mistaken for something the server issued:
 * a signed token is a random nonce and its MAC (HMAC-SHA512-256) under the
 * key, over a purpose word, so a token made for one purpose is refused for
 * another. */
#include <ClearSilver.h>

#define SIGNED_NONCE_HEX 32      /* 128 random bits */
#define SIGNED_TOKEN_HEX 96      /* nonce + 64 hex digits of MAC */
#define DERIVED_HEX 64

/* A fresh token for `purpose` into out (SIGNED_TOKEN_HEX + 1 bytes). */
NEOERR *signed_token_new(const char *purpose, char *out);
/* 1 when s is a token this server issued for `purpose` (compared in
 * constant time); 0 for anything else, including NULL. */
int signed_token_valid(const char *purpose, const char *s);

/* A value only this server can compute from `msg`: the MAC of purpose and
 * msg under the key, as 64 hex digits into out (DERIVED_HEX + 1 bytes). */
NEOERR *secret_derive(const char *purpose, const char *msg, char *out);

/* The personal status link of a complaint (docs/security-public-status.md)
 * for its form key's nonce: the token (64 hex digits into token) and its
 * SHA-256 as stored (64 hex digits into hash). The receipt and the mails
 * (db/outbox.c) show the same link. */
NEOERR *status_link_token(const char *nonce, char *token, char *hash);
/* The SHA-256 of a token as 64 hex digits into hash. */
void status_token_hash(const char *token, char *hash);
#endif
