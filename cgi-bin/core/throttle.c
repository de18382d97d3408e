#include "core/throttle.h"

int throttle_delay(int level)
{
  if (level <= THROTTLE_FREE) return 0;
  int shift = level - THROTTLE_FREE;
  /* 2^9 already passes the cap; no larger shift is needed. */
  if (shift >= 9) return THROTTLE_MAX_WAIT;
  int wait = 1 << shift;
  return wait < THROTTLE_MAX_WAIT ? wait : THROTTLE_MAX_WAIT;
}

int throttle_wait(const struct signin_failures *f)
{
  /* Never slow an address that has not failed on this name: the owner
   * signing in from their own desk while someone guesses elsewhere. */
  if (f->pair <= 0) return 0;
  int level = f->pair + f->name / THROTTLE_SPREAD + f->address / THROTTLE_SPREAD;
  long long left = throttle_delay(level) - (f->since_last > 0 ? f->since_last : 0);
  return left > 0 ? (int)left : 0;
}
