/* The home page's reminders: upcoming birthdays of key people and the
 * user's open next actions from the contact log.
 *
 * Birthdays at 1,000,000 customers / 3,000,000 key people: about 210,000
 * key people have a birthday in any 30 days, so no query may read them all.
 * Every query reads an index in the order the page shows and stops at the
 * limit:
 *  - others' customers: customer_contacts(birthday_md, customer_id) from
 *    today's month-day on, each row checked against its customer (owner,
 *    status, region) by primary key; for staff almost every row qualifies,
 *    for a regional manager about one in six;
 *  - the user's own customers, when they own many (a salesperson owns about
 *    one customer in ten): the same walk, checking owner_id = user, about 150
 *    rows for 15 hits;
 *  - when they own few (a regional manager, an admin, a new salesperson),
 *    that walk could read the whole 30 days for nothing, so it starts from
 *    customers(owner_id) and their key people instead and sorts the few;
 *    likewise for a regional manager whose regions have few customers.
 * A window that runs from December into January is two ranges of
 * birthday_md, read one after the other. STRAIGHT_JOIN fixes the join order
 * so the optimizer cannot swap a 15-row walk for a 100,000-row one. */
#include "db/home.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

/* Fewer own customers than this, or (a regional manager) fewer customers in
 * their regions than FEW_VISIBLE: start from the customers. The walk reads
 * about 15 * N / n index entries for n of N customers, the other way about
 * 4 * n rows; they cost the same near n = sqrt(3.75 N), 2,000 at 1M. */
#define FEW_OWN 2000
#define FEW_VISIBLE 2000
#define STR_(x) #x
#define STR(x) STR_(x)

#define SCOPE " AND " CUSTOMER_SCOPE("c.region_id")

/* The next birthday: this year's, or next year's for a month-day before the
 * window's start (only in a window that wraps into January). 29 February
 * falls on 1 March in other years. */
#define NEXT_BDAY                                                            \
  "(MAKEDATE(YEAR(CURDATE()) + (k.birthday_md < ?), 1)"                      \
  " + INTERVAL (k.birthday_md DIV 100 - 1) MONTH"                            \
  " + INTERVAL (k.birthday_md MOD 100 - 1) DAY)"

#define BDAY_COLS                                                            \
  "k.id, k.name, k.role, k.title, k.phone, k.customer_id, c.name AS customer," \
  " (SELECT u.display_name FROM users u WHERE u.id = c.owner_id) AS owner,"  \
  " " NEXT_BDAY " AS next_birthday,"                                         \
  " DATE_FORMAT(" NEXT_BDAY ", '%m-%d') AS md,"                              \
  " DATEDIFF(" NEXT_BDAY ", CURDATE()) AS days"

static DB_STMT window = DB_STMT_INIT(
    "SELECT MONTH(CURDATE()) * 100 + DAYOFMONTH(CURDATE()),"
    " MONTH(CURDATE() + INTERVAL 30 DAY) * 100 + DAYOFMONTH(CURDATE() + INTERVAL 30 DAY),"
    " (SELECT COUNT(*) FROM (SELECT 1 FROM customers WHERE owner_id = ? LIMIT " STR(FEW_OWN) ") o),"
    " (SELECT COUNT(*) FROM (SELECT 1 FROM user_regions ur JOIN customers c"
    "   ON c.status = 'active' AND c.region_id = ur.region_id"
    "   WHERE ur.user_id = ? LIMIT " STR(FEW_VISIBLE) ") v)");

/* Parameters of the three: md_from (x3 for the columns), range lo, hi,
 * user (owner), scope flag, user, limit. */
static DB_STMT own_walk = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " BDAY_COLS
    " FROM customer_contacts k FORCE INDEX (birthday_md)"
    " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id"
    " WHERE k.birthday_md BETWEEN ? AND ? AND c.owner_id = ? AND c.status = 'active'" SCOPE
    " ORDER BY k.birthday_md, k.customer_id, k.id LIMIT ?");

static DB_STMT own_few = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " BDAY_COLS
    " FROM customers c JOIN customer_contacts k ON k.customer_id = c.id"
    " WHERE k.birthday_md BETWEEN ? AND ? AND c.owner_id = ? AND c.status = 'active'" SCOPE
    " ORDER BY k.birthday_md, k.customer_id, k.id LIMIT ?");

static DB_STMT others_walk = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " BDAY_COLS
    " FROM customer_contacts k FORCE INDEX (birthday_md)"
    " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id"
    " WHERE k.birthday_md BETWEEN ? AND ? AND (c.owner_id IS NULL OR c.owner_id <> ?)"
    " AND c.status = 'active'" SCOPE
    " ORDER BY k.birthday_md, k.customer_id, k.id LIMIT ?");

/* A regional manager with few customers in their regions: from those
 * customers (the scope flag is always 1 here; it keeps the parameters in
 * the order of the others). */
static DB_STMT others_few = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " BDAY_COLS
    " FROM user_regions ur JOIN customers c ON c.status = 'active' AND c.region_id = ur.region_id"
    " JOIN customer_contacts k ON k.customer_id = c.id"
    " WHERE k.birthday_md BETWEEN ? AND ? AND (c.owner_id IS NULL OR c.owner_id <> ?)"
    " AND ? = 1 AND ur.user_id = ?"
    " ORDER BY k.birthday_md, k.customer_id, k.id LIMIT ?");

/* Appends the statement's rows as prefix.<*n>.<column>, with mine set. */
static NEOERR *append_rows(DB_STMT *s, HDF *hdf, const char *prefix, int *n, int mine)
{
  NEOERR *err;
  int more;
  HDF *list = NULL, *row;
  while (!(err = db_next(s, &more)) && more) {
    if ((!list && (err = hdf_get_node(hdf, prefix, &list))) ||
        (err = db_row_node(list, *n, &row)) || (err = db_columns_to_node(s, row, -1)) ||
        (err = hdf_set_int_value(row, "mine", mine)))
      break;
    (*n)++;
  }
  db_done(s);
  return nerr_pass(err);
}

/* One group (own or others) over the window's one or two ranges. */
static NEOERR *birthday_group(DB_STMT *s, const struct user *u, const long long range[2][2],
                              int nranges, long long md_from, HDF *hdf, const char *prefix,
                              int *n, int mine)
{
  long long lim = scope_limited(u), id = u->id;
  for (int k = 0; k < nranges && *n < HOME_BIRTHDAYS_MAX; k++) {
    NEOERR *err = db_exec(s, "iiiiiiiii", md_from, md_from, md_from, range[k][0], range[k][1],
                          id, lim, id, (long long)(HOME_BIRTHDAYS_MAX - *n));
    if (!err) err = append_rows(s, hdf, prefix, n, mine);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *db_home_birthdays(const struct user *u, HDF *hdf, const char *prefix)
{
  NEOERR *err = db_exec(&window, "ii", (long long)u->id, (long long)u->id);
  if (err) return nerr_pass(err);
  int more;
  if ((err = db_next(&window, &more))) return nerr_pass(err);
  long long from = more ? db_int(&window, 0) : 0, to = more ? db_int(&window, 1) : 0;
  long long own = more ? db_int(&window, 2) : 0, visible = more ? db_int(&window, 3) : 0;
  db_done(&window);
  if (!more) return nerr_raise(NERR_DB, "no date from the database");

  long long range[2][2] = { { from, to }, { 0, 0 } };
  int nranges = 1;
  if (to < from) {               /* December into January */
    range[0][1] = 1231;
    range[1][0] = 101;
    range[1][1] = to;
    nranges = 2;
  }
  int n = 0;
  if (own > 0 && (err = birthday_group(own >= FEW_OWN ? &own_walk : &own_few, u, range, nranges,
                                       from, hdf, prefix, &n, 1)))
    return nerr_pass(err);
  DB_STMT *others = scope_limited(u) && visible < FEW_VISIBLE ? &others_few : &others_walk;
  return nerr_pass(birthday_group(others, u, range, nranges, from, hdf, prefix, &n, 0));
}

#define ACTION_COLS                                                          \
  "l.id, l.customer_id, c.name AS customer, l.channel, l.contacted_on, l.people," \
  " l.next_action, l.next_due, DATEDIFF(l.next_due, CURDATE()) AS days"

/* All three read contact_log's index due (staff_id, done, next_due). */
static DB_STMT overdue = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " ACTION_COLS
    " FROM contact_log l JOIN customers c FORCE INDEX (PRIMARY) ON c.id = l.customer_id"
    " WHERE l.staff_id = ? AND l.done = 0 AND l.next_due < CURDATE()"
    " AND c.status = 'active'" SCOPE
    " ORDER BY l.next_due DESC, l.id DESC LIMIT " STR(HOME_ACTIONS_MAX));

static DB_STMT upcoming = DB_STMT_INIT(
    "SELECT STRAIGHT_JOIN " ACTION_COLS
    " FROM contact_log l JOIN customers c FORCE INDEX (PRIMARY) ON c.id = l.customer_id"
    " WHERE l.staff_id = ? AND l.done = 0"
    " AND l.next_due >= CURDATE() AND l.next_due < CURDATE() + INTERVAL 8 DAY"
    " AND c.status = 'active'" SCOPE
    " ORDER BY l.next_due, l.id LIMIT " STR(HOME_ACTIONS_MAX));

/* Counted only up to HOME_COUNT_CAP: a salesperson may have thousands of
 * overdue actions, and an exact count would look up each one's customer. */
#define CAPPED(cond)                                                         \
  "(SELECT COUNT(*) FROM (SELECT 1 FROM contact_log l"                       \
  " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = l.customer_id"                                \
  " WHERE l.staff_id = ? AND l.done = 0 AND " cond " AND c.status = 'active'" SCOPE \
  " LIMIT " STR(HOME_COUNT_CAP) ") x)"
static DB_STMT action_counts = DB_STMT_INIT(
    "SELECT " CAPPED("l.next_due < CURDATE()") " AS overdue, "
    CAPPED("l.next_due >= CURDATE() AND l.next_due < CURDATE() + INTERVAL 8 DAY") " AS upcoming");

NEOERR *db_home_actions(const struct user *u, HDF *hdf, const char *prefix)
{
  long long lim = scope_limited(u), id = u->id;
  char name[128];
  NEOERR *err = db_exec(&action_counts, "iiiiii", id, lim, id, id, lim, id);
  if (!err) err = db_row_to_hdf(&action_counts, hdf, prefix, NULL);
  if (!err) {
    snprintf(name, sizeof name, "%s.cap", prefix);
    err = hdf_set_int_value(hdf, name, HOME_COUNT_CAP);
  }
  if (err) return nerr_pass(err);
  snprintf(name, sizeof name, "%s.Overdue", prefix);
  if ((err = db_exec(&overdue, "iii", id, lim, id)) ||
      (err = db_rows_to_hdf(&overdue, hdf, name, NULL)))
    return nerr_pass(err);
  snprintf(name, sizeof name, "%s.Upcoming", prefix);
  if ((err = db_exec(&upcoming, "iii", id, lim, id))) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&upcoming, hdf, name, NULL));
}
