#ifndef KEHU_DB_COMPLAINT_SQL_H
#define KEHU_DB_COMPLAINT_SQL_H
/* Pieces shared by the complaint data-access files (not for handlers). */
#include "core/req.h"
#include "db/customer_sql.h"

/* A complaint's regional scope, the customers' rule: parameters
 * scope_limited(u), u->id. A complaint without a region is outside every
 * regional manager's scope (NULL IN (...) is not true). */
#define COMPLAINT_SCOPE(col) CUSTOMER_SCOPE(col)

/* The clocks and the age of complaint c, for the queue and the complaint
 * page: sla is responded, overdue, due or none; sla_minutes the business
 * minutes the answer took (wall-clock for a row kehu-sla has not seen);
 * the due times, resolution and the wait (schema/042) for the business
 * hours left, counted in C (complaints/clock.c); age_minutes since it came
 * in (until closed). */
#define COMPLAINT_CLOCK_COLS \
  " CASE WHEN c.first_response_at IS NOT NULL THEN 'responded'" \
  "  WHEN c.first_response_due IS NULL OR c.status = 'closed' THEN 'none'" \
  "  WHEN c.first_response_due < NOW() THEN 'overdue' ELSE 'due' END AS sla," \
  " COALESCE(c.first_response_bmin," \
  "  TIMESTAMPDIFF(MINUTE, c.received_at, c.first_response_at)) AS sla_minutes," \
  " c.first_response_due AS sla_due, c.resolution_due AS res_due, c.resolved_at AS res_at," \
  " c.resolution_bmin AS res_minutes, c.waiting_since AS res_waiting, c.status AS clock_status," \
  " TIMESTAMPDIFF(MINUTE, c.received_at, COALESCE(c.closed_at, NOW())) AS age_minutes"

/* Follow-ups recorded since complaint c was last reopened (by staff or by
 * a low rating), or all of them if it never was: closing needs one, so a
 * reopened complaint is not closed on the strength of the old ones. Told
 * by the timeline's ids (a follow-up writes a 'followup' event in its own
 * transaction), not by times: a reopening and a follow-up can share a
 * second. */
#define COMPLAINT_FOLLOWUPS_OPEN \
  " IF(c.reopen_count = 0," \
  "  (SELECT COUNT(*) FROM complaint_followups f WHERE f.complaint_id = c.id)," \
  "  (SELECT COUNT(*) FROM complaint_events f WHERE f.complaint_id = c.id" \
  "   AND f.event = 'followup' AND f.id > (SELECT MAX(e.id) FROM complaint_events e" \
  "    WHERE e.complaint_id = c.id AND e.event = 'reopened')))"

#endif
