#include "db/complaint_rules.h"
#include "core/validate.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum complaint_rule complaint_rule_check(const struct complaint_state *s, enum complaint_act act,
                                         int step, const struct user *u)
{
  if (!(u->role & ROLES_OFFICE)) return RULE_OFFICE_ONLY;
  if (act == ACT_REOPEN) return s->closed ? RULE_OK : RULE_ORDER;
  if (s->closed || step != s->step) return RULE_ORDER;
  switch (act) {
  case ACT_RECORD:
    /* Step 4 moves on by a leader's approval, step 7 by closing. */
    return step == 4 || step == 7 ? RULE_ORDER : RULE_OK;
  case ACT_PROPOSE:
    if (step != 4) return RULE_ORDER;
    return s->pending_by ? RULE_PENDING : RULE_OK;
  case ACT_DECIDE:
    if (u->role != ROLE_LEADER) return RULE_LEADER_ONLY;
    if (step != 4) return RULE_ORDER;
    if (!s->pending_by) return RULE_NO_PROPOSAL;
    return s->pending_by == u->id ? RULE_OWN_PROPOSAL : RULE_OK;
  case ACT_FOLLOWUP:
    return step == 7 ? RULE_OK : RULE_ORDER;
  case ACT_CLOSE:
    if (step != 7) return RULE_ORDER;
    return s->followups > 0 ? RULE_OK : RULE_NEED_FOLLOWUP;
  default:
    return RULE_ORDER;
  }
}

const char *const complaint_remedy_names[] = {
  "replace", "repair", "return", "refund", "compensation", "explanation",
  "price_check", "reexplain", "apology_gift", NULL,
};

/* The source's answers to "(3)对价格很在意": find out whether a competitor
 * cut its price or the customer's information was wrong (核查), explain
 * again (重新解释), win the customer back with an apology and a small gift
 * (道歉并赠予小纪念品). Offered for a price complaint only. */
static const char *const price_only[] = { "price_check", "reexplain", "apology_gift", NULL };

static int listed(const char *const *list, const char *v)
{
  for (; *list; list++)
    if (strcmp(*list, v) == 0) return 1;
  return 0;
}

int complaint_remedy_offered(const char *reason, const char *remedy)
{
  if (!listed(complaint_remedy_names, remedy)) return 0;
  return !listed(price_only, remedy) || (reason && strcmp(reason, "price") == 0);
}

int complaint_amount_positive(const char *amount)
{
  for (; *amount; amount++)
    if (*amount >= '1' && *amount <= '9') return 1;
  return 0;
}

int complaint_amount_ok(const char *remedy, const char *amount)
{
  if (!valid_amount(amount)) return 0;
  if (strcmp(remedy, "refund") == 0 || strcmp(remedy, "compensation") == 0)
    return complaint_amount_positive(amount);
  return 1;
}

int complaint_datetime(const char *in, char *out, size_t n)
{
  char day[11];
  if (strlen(in) != 16 || (in[10] != 'T' && in[10] != ' ') || in[13] != ':') return 0;
  memcpy(day, in, 10);
  day[10] = '\0';
  if (!valid_date(day)) return 0;
  for (int i = 11; i < 16; i++)
    if (i != 13 && (in[i] < '0' || in[i] > '9')) return 0;
  int h = atoi(in + 11), m = atoi(in + 14);
  if (h > 23 || m > 59) return 0;
  return snprintf(out, n, "%s %02d:%02d:00", day, h, m) < (int)n;
}

void complaint_span(long long minutes, long long *days, int *hours, int *mins)
{
  if (minutes < 0) minutes = -minutes;
  *days = minutes / 1440;
  *hours = (int)(minutes % 1440 / 60);
  *mins = (int)(minutes % 60);
}

void complaint_mask_phone(const char *in, char *out, size_t n)
{
  size_t len = strlen(in), digits = 0, o = 0;
  if (n == 0) return;
  for (const char *p = in; *p; p++) digits += *p >= '0' && *p <= '9';
  if (digits < 8) {
    /* Too short to keep both ends: the last two characters only. */
    const char *tail = len > 2 ? in + len - 2 : in;
    snprintf(out, n, "****%s", tail);
    return;
  }
  size_t seen = 0;
  for (const char *p = in; *p && o + 1 < n; p++) {
    int d = *p >= '0' && *p <= '9';
    if (d) seen++;
    out[o++] = d && seen > 3 && seen <= digits - 4 ? '*' : *p;
  }
  out[o] = '\0';
}
