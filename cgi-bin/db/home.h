#ifndef KEHU_DB_HOME_H
#define KEHU_DB_HOME_H
/* The staff home page's reminders, scoped like everything else: a regional
 * manager only ever gets rows of customers in their regions. */
#include "core/req.h"

/* How many reminders of each kind the page shows at most. */
#define HOME_BIRTHDAYS_MAX 15
#define HOME_ACTIONS_MAX 12
/* Counts stop here (the page shows "99+"). */
#define HOME_COUNT_CAP 100

/* Key people of active customers whose birthday falls in the next 30 days
 * (today included; December runs on into January), the user's own
 * customers first (customers.owner_id = user), then the others the user may
 * see, each group by date; at most HOME_BIRTHDAYS_MAX rows under
 * prefix.N.{id, name, role, title, phone, customer_id, customer, owner,
 * next_birthday (YYYY-MM-DD), md (MM-DD), days, mine (1 or 0)}. */
NEOERR *db_home_birthdays(const struct user *u, HDF *hdf, const char *prefix);

/* The user's open next actions from the contact log (contact_log.staff_id =
 * user, done = 0) on active customers:
 *   prefix.Overdue.N   due before today, the most recently due first;
 *   prefix.Upcoming.N  due today or in the next 7 days, soonest first;
 * each {id, customer_id, customer, channel, contacted_on, people,
 * next_action, next_due, days (negative when overdue)}, at most
 * HOME_ACTIONS_MAX of each; prefix.overdue and prefix.upcoming hold the
 * counts, up to HOME_COUNT_CAP (in prefix.cap). */
NEOERR *db_home_actions(const struct user *u, HDF *hdf, const char *prefix);
#endif
