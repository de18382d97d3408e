/* What every public page shares: the settings and the per-address
 * throttle (nginx limits bursts; this limits volume over minutes). */
#include "complaint_public/pages.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/secret.h"
#include "db/complaint_public.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int env_int(const char *name, int dflt)
{
  const char *v = getenv(name);
  int n = v && *v ? atoi(v) : 0;
  return n > 0 ? n : dflt;
}

const struct public_limits *public_limits(void)
{
  static struct public_limits l;
  if (!l.submit_limit) {
    l.submit_limit = env_int("KEHU_PUBLIC_SUBMIT_LIMIT", 20);
    l.submit_window = env_int("KEHU_PUBLIC_SUBMIT_WINDOW", 600);
    l.lookup_limit = env_int("KEHU_PUBLIC_LOOKUP_LIMIT", 10);
    l.lookup_window = env_int("KEHU_PUBLIC_LOOKUP_WINDOW", 900);
    l.number_limit = env_int("KEHU_PUBLIC_NUMBER_LIMIT", 5);
    l.number_window = env_int("KEHU_PUBLIC_NUMBER_WINDOW", 3600);
  }
  return &l;
}

NEOERR *public_throttle(struct req *r, const char *kind, int limit, int window,
                        const char *msg)
{
  long long n;
  NEOERR *err = db_public_attempts(kind, r->ip, window, &n);
  if (err) return nerr_pass(err);
  if (n < limit) return STATUS_OK;
  if ((err = req_header(r, "Retry-After: %d", window))) return nerr_pass(err);
  return app_fail(r, KERR_THROTTLED, msg);
}

void public_today(char out[11])
{
  china_format("%Y-%m-%d", out, 11);
}
