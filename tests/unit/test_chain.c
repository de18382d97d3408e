/* Unit tests for the audit log's hash chain (cgi-bin/core/chain.c) and its
 * heads file (cgi-bin/core/chain_heads.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/chain.h"
#include "core/chain_heads.h"

/* Rows 1..5 of a small chain with their hashes. */
#define N 5
static char seqs[N][16], ids[N][16], hashes[N][CHAIN_HEX];
static struct chain_row rows[N];

static void make_chain(void)
{
  const char *prev = CHAIN_GENESIS;
  for (int i = 0; i < N; i++) {
    snprintf(seqs[i], sizeof seqs[i], "%d", i + 1);
    snprintf(ids[i], sizeof ids[i], "%d", 100 + i);
    rows[i] = (struct chain_row){ .seq = seqs[i], .id = ids[i], .at = "2026-12-07 08:00:00.000",
                                  .user_id = i % 2 ? "3" : NULL, .action = "update",
                                  .entity = "customer", .entity_id = "9", .detail = "a -> b",
                                  .ip = "127.0.0.1" };
    chain_row_hash(prev, &rows[i], hashes[i]);
    prev = hashes[i];
  }
}

/* The same bytes as audit_row_hash() in schema/030 (value computed with
 * Python's hashlib over the documented encoding). */
static void test_known_hash(void **state)
{
  (void)state;
  struct chain_row r = { .seq = "1", .id = "7", .at = "2026-12-07 08:00:00.123",
                         .user_id = NULL, .action = "login", .entity = "user",
                         .entity_id = "3", .detail = "改名 a -> b", .ip = "127.0.0.1" };
  char out[CHAIN_HEX];
  chain_row_hash(CHAIN_GENESIS, &r, out);
  assert_string_equal(out, "7ce358eff4767a620ffec94b495729ba2bf28ca3ded8bdd308e00abfe95a68ed");
  /* NULL and "" differ, and so do shifted field boundaries. */
  char other[CHAIN_HEX];
  r.user_id = "";
  chain_row_hash(CHAIN_GENESIS, &r, other);
  assert_string_not_equal(out, other);
  r.user_id = NULL;
  r.action = "logi";
  r.entity = "nuser";
  chain_row_hash(CHAIN_GENESIS, &r, other);
  assert_string_not_equal(out, other);
}

static int verify(struct chain_verify *v, const struct chain_head *h, size_t nh, int skip,
                  const char *bad_detail)
{
  chain_verify_init(v, h, nh);
  for (int i = 0; i < N; i++) {
    if (i == skip) continue;
    struct chain_row r = rows[i];
    if (bad_detail && i == 2) r.detail = bad_detail;
    if (chain_verify_row(v, &r, hashes[i]) != 0) return -1;
  }
  return chain_verify_end(v, 0, NULL);
}

static void test_verify(void **state)
{
  (void)state;
  make_chain();
  struct chain_verify v;
  assert_int_equal(verify(&v, NULL, 0, -1, NULL), 0);
  assert_int_equal(v.last_seq, N);
  assert_string_equal(v.last_hash, hashes[N - 1]);

  assert_int_equal(verify(&v, NULL, 0, -1, "a -> c"), -1);
  assert_non_null(strstr(v.msg, "seq 3 (id 102)"));

  assert_int_equal(verify(&v, NULL, 0, 1, NULL), -1);
  assert_non_null(strstr(v.msg, "seq 2 is missing"));

  struct chain_head h[2] = { { .seq = 2, .when = "t1" }, { .seq = 4, .when = "t2" } };
  memcpy(h[0].hash, hashes[1], CHAIN_HEX);
  memcpy(h[1].hash, hashes[3], CHAIN_HEX);
  assert_int_equal(verify(&v, h, 2, -1, NULL), 0);
  assert_int_equal(v.heads_seen, 2);
  /* A chain rewritten whole is consistent in itself; only the head tells. */
  h[1].hash[0] = h[1].hash[0] == 'a' ? 'b' : 'a';
  assert_int_equal(verify(&v, h, 2, -1, NULL), -1);
  assert_non_null(strstr(v.msg, "head mismatch: seq 4 (id 103)"));
}

static void test_verify_tail(void **state)
{
  (void)state;
  make_chain();
  struct chain_head h = { .seq = 7, .when = "t" };
  memcpy(h.hash, hashes[0], CHAIN_HEX);
  struct chain_verify v;
  assert_int_equal(verify(&v, &h, 1, -1, NULL), -1);
  assert_non_null(strstr(v.msg, "ends at seq 5"));
  size_t dropped = 9;
  chain_verify_init(&v, &h, 1);
  for (int i = 0; i < N; i++) assert_int_equal(chain_verify_row(&v, &rows[i], hashes[i]), 0);
  assert_int_equal(chain_verify_end(&v, 1, &dropped), 0);
  assert_int_equal(dropped, 1);
}

static void test_heads_file(void **state)
{
  (void)state;
  char dir[] = "/tmp/kehu-chain-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[200];
  snprintf(path, sizeof path, "%s/audit/heads", dir);
  struct chain_heads h;
  assert_null(chain_heads_load(path, &h)); /* missing: no heads */
  assert_int_equal(h.n, 0);
  make_chain();
  assert_null(chain_heads_append(path, "head", 4, hashes[3]));
  assert_null(chain_heads_append(path, "head", 2, hashes[1]));
  assert_null(chain_heads_load(path, &h));
  assert_int_equal(h.n, 2);
  assert_int_equal(h.v[0].seq, 2);  /* sorted */
  assert_int_equal(h.last.seq, 2);  /* the last line */
  chain_heads_free(&h);
  /* A restore to seq 3 forgets the head at 4. */
  assert_null(chain_heads_append(path, "restore", 3, hashes[2]));
  assert_null(chain_heads_load(path, &h));
  assert_int_equal(h.n, 2);
  assert_int_equal(h.v[1].seq, 3);
  assert_string_equal(h.v[1].hash, hashes[2]);
  chain_heads_free(&h);
  FILE *f = fopen(path, "a");
  assert_non_null(f);
  fputs("head 9 nothex 2026\n", f);
  fclose(f);
  NEOERR *err = chain_heads_load(path, &h);
  assert_non_null(err);
  nerr_ignore(&err);
  unlink(path);
  snprintf(path, sizeof path, "%s/audit", dir);
  rmdir(path);
  rmdir(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_known_hash),
    cmocka_unit_test(test_verify),
    cmocka_unit_test(test_verify_tail),
    cmocka_unit_test(test_heads_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
