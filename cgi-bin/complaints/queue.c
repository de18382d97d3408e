/* The complaint queue (投诉处理队列): filters, newest or oldest first,
 * pages; each row with its age and the first-response clock. */
#include "complaints/pages.h"
#include "core/qs.h"
#include "db/complaint.h"
#include "db/complaint_list.h"
#include "db/complaint_rules.h"
#include "core/clock.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/options.h"
#include "core/render.h"
#include "db/kept.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE 20
#define MAX_PAGE 100000
#define N(a) (sizeof a / sizeof a[0])

static const char *kinds[] = { "complaint", "return", "exchange", "suggestion" };
static const char *reasons[] = { "quality", "service", "price", "delivery", "other" };
/* In the order of enum complaint_proposal, after PROPOSAL_ANY. */
static const char *proposals[] = { "decide", "pending", "returned", "returned_mine" };

static const char *pick(const char *v, const char **allowed, size_t n)
{
  for (size_t i = 0; v && i < n; i++)
    if (strcmp(v, allowed[i]) == 0) return allowed[i];
  return NULL;
}

static void parse(struct req *r, struct complaint_filter *f)
{
  memset(f, 0, sizeof *f);
  f->step = (int)req_param_int(r, "step", 0, 1, 7);
  f->kind = pick(req_param(r, "kind"), kinds, N(kinds));
  f->reason = pick(req_param(r, "reason"), reasons, N(reasons));
  f->product_id = (unsigned)req_param_int(r, "product", 0, 1, 0x7fffffff);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 1, 65535);
  const char *a = req_param(r, "assignee");
  if (a && strcmp(a, "mine") == 0) f->assignee = ASSIGNEE_MINE;
  else if (a && strcmp(a, "none") == 0) f->assignee = ASSIGNEE_NONE;
  else if ((f->assignee_id = (unsigned)req_param_int(r, "assignee", 0, 1, 0x7fffffff)))
    f->assignee = ASSIGNEE_USER;
  const char *s = req_param(r, "status");
  f->status = s && strcmp(s, "closed") == 0 ? STATUS_CLOSED
            : s && strcmp(s, "all") == 0 ? STATUS_ALL : STATUS_OPEN;
  const char *p = req_param(r, "proposal");
  for (size_t i = 0; p && i < N(proposals); i++)
    if (strcmp(p, proposals[i]) == 0) f->proposal = (enum complaint_proposal)(i + 1);
  f->overdue = req_param_int(r, "overdue", 0, 0, 1) == 1 ? DUE_OVERDUE : DUE_ANY;
  const char *due = req_param(r, "due");
  if (!f->overdue && due && strcmp(due, "soon") == 0) f->overdue = DUE_SOON;
  const char *sort = req_param(r, "sort");
  f->oldest = sort && strcmp(sort, "oldest") == 0;
  f->page = (int)req_param_int(r, "page", 1, 1, MAX_PAGE);
  f->per = PER_PAGE;
}

/* The filters as Filter.* (for the form) and as Filter.Query (for the
 * page links; always starting "status=", so links can add "&page="). */
static NEOERR *fill_filter(struct req *r, const struct complaint_filter *f)
{
  static const char *statuses[] = { "open", "closed", "all" };
  char num[24], assignee[24] = "";
  if (f->assignee == ASSIGNEE_MINE) snprintf(assignee, sizeof assignee, "mine");
  else if (f->assignee == ASSIGNEE_NONE) snprintf(assignee, sizeof assignee, "none");
  else if (f->assignee == ASSIGNEE_USER) snprintf(assignee, sizeof assignee, "%u", f->assignee_id);
  STRING s;
  string_init(&s);
  NEOERR *err = qs_add(&s, "status", statuses[f->status]);
  if (!err && f->step) { snprintf(num, sizeof num, "%d", f->step); err = qs_add(&s, "step", num); }
  if (!err) err = qs_add(&s, "kind", f->kind);
  if (!err) err = qs_add(&s, "reason", f->reason);
  if (!err && f->product_id) { snprintf(num, sizeof num, "%u", f->product_id); err = qs_add(&s, "product", num); }
  if (!err && f->region_id) { snprintf(num, sizeof num, "%u", f->region_id); err = qs_add(&s, "region", num); }
  if (!err) err = qs_add(&s, "assignee", assignee);
  if (!err && f->proposal) err = qs_add(&s, "proposal", proposals[f->proposal - 1]);
  if (!err && f->overdue == DUE_OVERDUE) err = qs_add(&s, "overdue", "1");
  if (!err && f->overdue == DUE_SOON) err = qs_add(&s, "due", "soon");
  if (!err && f->oldest) err = qs_add(&s, "sort", "oldest");
  HDF *h = r->hdf;
  if (!err) err = hdf_set_value(h, "Filter.Query", s.buf);
  string_clear(&s);
  if (err || (err = hdf_set_value(h, "Filter.status", statuses[f->status])) ||
      (err = hdf_set_int_value(h, "Filter.step", f->step)) ||
      (err = hdf_set_value(h, "Filter.kind", f->kind ? f->kind : "")) ||
      (err = hdf_set_value(h, "Filter.reason", f->reason ? f->reason : "")) ||
      (err = hdf_set_int_value(h, "Filter.product", (int)f->product_id)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f->region_id)) ||
      (err = hdf_set_value(h, "Filter.assignee", assignee)) ||
      (err = hdf_set_value(h, "Filter.proposal", f->proposal ? proposals[f->proposal - 1] : "")) ||
      (err = hdf_set_int_value(h, "Filter.overdue", f->overdue == DUE_OVERDUE)) ||
      (err = hdf_set_int_value(h, "Filter.due_soon", f->overdue == DUE_SOON)) ||
      (err = hdf_set_value(h, "Filter.sort", f->oldest ? "oldest" : "")))
    return nerr_pass(err);
  return STATUS_OK;
}

/* A span of minutes as text ("3天 4小时", "3 d 4 h", "0 min"): formatted
 * here once, not by a template macro per cell (each call costs more than
 * the cell). */
static NEOERR *span(HDF *row, const char *lang, const char *minutes_col, const char *text_col)
{
  const char *v = hdf_get_value(row, minutes_col, NULL);
  if (!v) return STATUS_OK;
  long long d;
  int hh, mm;
  complaint_span(strtoll(v, NULL, 10), &d, &hh, &mm);
  const char *ud = i18n_get(lang, "Span.D"), *uh = i18n_get(lang, "Span.H"),
             *um = i18n_get(lang, "Span.M");
  /* Two units at most: days and hours, hours and minutes, or minutes. */
  long long big = d > 0 ? d : hh > 0 ? hh : mm;
  const char *ubig = d > 0 ? ud : hh > 0 ? uh : um;
  char a[48], b[48] = "", text[100];
  format_count(big, ubig, a, sizeof a);
  if (d > 0 || hh > 0) format_count(d > 0 ? hh : mm, d > 0 ? uh : um, b, sizeof b);
  snprintf(text, sizeof text, "%s%s%s", a, *b ? " " : "", b);
  return nerr_pass(hdf_set_value(row, text_col, text));
}

NEOERR *complaints_spans(HDF *row, const char *lang, const struct workcal *cal)
{
  NEOERR *err = span(row, lang, "age_minutes", "age_text");
  if (!err) err = complaints_clocks(row, lang, cal);
  return nerr_pass(err);
}

/* The product and assignee menus' options, rendered once per menu
 * revision by templates/complaints/menu_options.cs (copied into each
 * request and looped over in the page they would be a large share of the
 * queue's work), kept under the menu's name. Names are the same in both
 * languages. */
static struct kept_map options = KEPT_MAP(2, 0);

static NEOERR *render_options(HDF *menus, const char *which, char **out)
{
  HDF *h;
  NEOERR *err = hdf_init(&h);
  if (err) return nerr_pass(err);
  if (!(err = hdf_set_value(h, "Which", which)) && !(err = hdf_copy(h, "Menu", menus)))
    err = render_dup("complaints/menu_options.cs", h, NULL, out);
  hdf_destroy(&h);
  return nerr_pass(err);
}

/* Menu `which`'s options with `chosen` marked, as hdf node `name`. */
static NEOERR *menu_options(HDF *h, const char *name, HDF *menus, unsigned long rev,
                            const char *which, const char *chosen)
{
  char *fresh = NULL;
  const char *kept = kept_get(&options, which, strlen(which), (long long)rev, NULL);
  NEOERR *err = STATUS_OK;
  if (!kept && !(err = render_options(menus, which, &fresh))) {
    kept_put(&options, which, strlen(which), (long long)rev, fresh, strlen(fresh));
    kept = fresh;
  }
  STRING s;
  string_init(&s);
  if (!err && !(err = options_select(kept, chosen, &s)))
    err = hdf_set_value(h, name, s.buf ? s.buf : "");
  string_clear(&s);
  free(fresh);
  return nerr_pass(err);
}

static NEOERR *kept_menus(HDF *h, const char *product, const char *assignee)
{
  HDF *menus;
  unsigned long rev;
  NEOERR *err = db_complaint_menus_kept(&menus, &rev);
  if (!err) err = menu_options(h, "Kept.ProductOptions", menus, rev, "products", product);
  if (!err) err = menu_options(h, "Kept.StaffOptions", menus, rev, "staff", assignee);
  return nerr_pass(err);
}

/* The end of "due soon": now plus COMPLAINT_DUE_SOON_MINUTES of working
 * time (at night: into the next working morning). */
static void due_soon_end(const struct workcal *cal, struct complaint_filter *f)
{
  char now[24];
  china_format("%Y-%m-%d %H:%M:%S", now, sizeof now);
  long long end = workcal_add(cal, workcal_time(now), COMPLAINT_DUE_SOON_MINUTES * 60LL);
  workcal_format(end < 0 ? workcal_time(now) : end, f->due_before, sizeof f->due_before);
}

NEOERR *complaints_queue(struct req *r)
{
  struct complaint_filter f;
  parse(r, &f);
  HDF *h = r->hdf;
  long long total;
  int capped, more;
  /* One calendar for the request: the due-soon bound and every row's clocks. */
  const struct workcal *cal;
  NEOERR *err = db_workcal(&cal);
  if (err) return nerr_pass(err);
  if (f.overdue == DUE_SOON) due_soon_end(cal, &f);
  if ((err = hdf_set_value(h, "Page.Section", "complaints")) || (err = fill_filter(r, &f)) ||
      (err = db_complaint_region_menu(&r->user, h)) ||
      (err = kept_menus(h, hdf_get_value(h, "Filter.product", ""),
                        hdf_get_value(h, "Filter.assignee", ""))) ||
      (err = db_complaint_queue(&r->user, &f, h, &total, &capped, &more)))
    return nerr_pass(err);
  /* Lists show phones masked; the complaint page has the number. */
  char masked[64];
  for (HDF *row = hdf_obj_child(hdf_get_obj(h, "Complaints")); row; row = hdf_obj_next(row)) {
    complaint_mask_phone(hdf_get_value(row, "contact_phone", ""), masked, sizeof masked);
    if ((err = hdf_set_value(row, "contact_phone", masked)) || (err = complaints_spans(row, r->lang, cal)))
      return nerr_pass(err);
  }
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", total);
  if ((err = hdf_set_value(h, "Pager.Total", buf)) ||
      (err = hdf_set_int_value(h, "Pager.Capped", capped)) ||
      (err = hdf_set_int_value(h, "Pager.Page", f.page)) ||
      (f.page > 1 && (err = hdf_set_int_value(h, "Pager.Prev", f.page - 1))) ||
      (more && (err = hdf_set_int_value(h, "Pager.Next", f.page + 1))))
    return nerr_pass(err);
  long long pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
  snprintf(buf, sizeof buf, "%lld", pages < f.page ? f.page : pages);
  if ((err = hdf_set_value(h, "Pager.Pages", buf))) return nerr_pass(err);
  r->template = "complaints/list.cs";
  return STATUS_OK;
}
