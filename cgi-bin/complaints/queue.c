/* The complaint queue (投诉处理队列): filters, newest or oldest first,
 * pages; each row with its age and the first-response clock. */
#include "complaints/pages.h"
#include "core/list_filter.h"
#include "core/page.h"
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

static const char *const statuses[] = { "open", "closed", "all", NULL };
static const char *const kinds[] = { "complaint", "return", "exchange", "suggestion", NULL };
static const char *const reasons[] = { "quality", "service", "price", "delivery", "other", NULL };
/* In the order of enum complaint_proposal, after PROPOSAL_ANY. */
static const char *const proposals[] = { "decide", "pending", "returned", "returned_mine", NULL };
static const char *const assignee_words[] = { "mine", "none", NULL };
static const char *const soon[] = { "soon", NULL };
static const char *const oldest[] = { "oldest", NULL };

/* In the order of the links' query strings: status first and always, so
 * the quick filters can tell the plain queue (status=open) apart. */
static const struct lf_field fields[] = {
  { .name = "status", .kind = LF_CHOICE, .choices = statuses, .dflt = "open" },
  { .name = "step", .kind = LF_ID, .min = 1, .max = 7 },
  { .name = "kind", .kind = LF_CHOICE, .choices = kinds },
  { .name = "reason", .kind = LF_CHOICE, .choices = reasons },
  { .name = "product", .kind = LF_ID, .min = 1, .max = 0x7fffffff },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535 },
  { .name = "assignee", .kind = LF_ID, .choices = assignee_words, .min = 1, .max = 0x7fffffff },
  { .name = "proposal", .kind = LF_CHOICE, .choices = proposals },
  { .name = "overdue", .kind = LF_FLAG },
  { .name = "due", .kind = LF_CHOICE, .choices = soon },
  { .name = "sort", .kind = LF_CHOICE, .choices = oldest },
};

/* The table's values as the data layer's filter; overdue outranks due soon. */
static void to_filter(struct list_filter *lf, struct complaint_filter *f)
{
  memset(f, 0, sizeof *f);
  if (lf_num(lf, "overdue")) lf_set(lf, "due", NULL);
  f->status = lf_is(lf, "status", "closed") ? STATUS_CLOSED
            : lf_is(lf, "status", "all") ? STATUS_ALL : STATUS_OPEN;
  f->step = (int)lf_num(lf, "step");
  f->kind = lf_word(lf, "kind");
  f->reason = lf_word(lf, "reason");
  f->product_id = (unsigned)lf_num(lf, "product");
  f->region_id = (unsigned)lf_num(lf, "region");
  if (lf_is(lf, "assignee", "mine")) f->assignee = ASSIGNEE_MINE;
  else if (lf_is(lf, "assignee", "none")) f->assignee = ASSIGNEE_NONE;
  else if ((f->assignee_id = (unsigned)lf_num(lf, "assignee"))) f->assignee = ASSIGNEE_USER;
  for (int i = 0; proposals[i]; i++)
    if (lf_is(lf, "proposal", proposals[i])) f->proposal = (enum complaint_proposal)(i + 1);
  f->overdue = lf_num(lf, "overdue") ? DUE_OVERDUE : lf_word(lf, "due") ? DUE_SOON : DUE_ANY;
  f->oldest = lf_word(lf, "sort") != NULL;
  f->per = PER_PAGE;
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
  struct list_filter lf;
  struct complaint_filter f;
  NEOERR *err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]));
  if (err) return nerr_pass(err);
  to_filter(&lf, &f);
  f.page = page_number(r, MAX_PAGE);
  HDF *h = r->hdf;
  long long total;
  int capped, more;
  /* One calendar for the request: the due-soon bound and every row's clocks. */
  const struct workcal *cal;
  if ((err = db_workcal(&cal))) return nerr_pass(err);
  if (f.overdue == DUE_SOON) due_soon_end(cal, &f);
  if ((err = hdf_set_value(h, "Page.Section", "complaints")) || (err = list_filter_write(r, &lf)) ||
      (err = db_complaint_region_menu(&r->user, h)) ||
      (err = kept_menus(h, lf_str(&lf, "product"), lf_str(&lf, "assignee"))) ||
      (err = db_complaint_queue(&r->user, &f, h, &total, &capped, &more)))
    return nerr_pass(err);
  /* Lists show phones masked; the complaint page has the number. */
  char masked[64];
  for (HDF *row = hdf_obj_child(hdf_get_obj(h, "Complaints")); row; row = hdf_obj_next(row)) {
    complaint_mask_phone(hdf_get_value(row, "contact_phone", ""), masked, sizeof masked);
    if ((err = hdf_set_value(row, "contact_phone", masked)) || (err = complaints_spans(row, r->lang, cal)))
      return nerr_pass(err);
  }
  if ((err = page_pager_capped(r, total, capped, f.page, PER_PAGE, more))) return nerr_pass(err);
  r->template = "complaints/list.cs";
  return STATUS_OK;
}
