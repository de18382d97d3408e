#ifndef KEHU_THROTTLE_H
#define KEHU_THROTTLE_H
/* Sign-in throttling by slowing down, never by locking out: a name tried
 * from an address gets a wait before its next try that grows with that
 * pair's failures. Failures on the same name from elsewhere, and from the
 * same address on other names, add to the wait, but only of a pair that
 * has failed itself: a correct password from an address with no recent
 * failures for the name always goes through. The wait is answered at once
 * (429 with the seconds left), so no worker sleeps. */

/* Failures seen for a sign-in attempt. */
struct signin_failures {
  int pair;              /* this name from this address, since the pair's
                            last success, within THROTTLE_PAIR_WINDOW */
  long long since_last;  /* seconds since the pair's last failure */
  int name;              /* this name from any address, THROTTLE_WINDOW */
  int address;           /* this address on any name, THROTTLE_WINDOW */
};

/* How far back the pair's failures count (a day), and the others (an hour). */
#define THROTTLE_PAIR_WINDOW 86400
#define THROTTLE_WINDOW 3600
/* Counts are read up to these (more cannot lengthen the wait). */
#define THROTTLE_PAIR_CAP 32
#define THROTTLE_COUNT_CAP 1000
/* This many failures of a pair cost nothing; each one after doubles the
 * wait, up to THROTTLE_MAX_WAIT seconds. */
#define THROTTLE_FREE 2
#define THROTTLE_MAX_WAIT 300
/* Failures on the name from anywhere, or from the address on any name,
 * weigh this many times less than the pair's own. */
#define THROTTLE_SPREAD 10

/* The wait after a pair's last failure at this many weighted failures. */
int throttle_delay(int level);
/* Seconds still to wait before this try may be checked; 0: go ahead. */
int throttle_wait(const struct signin_failures *f);
#endif
