/* Unit tests for the list pages' filter table (cgi-bin/core/list_filter.h),
 * its sort table, and the one pager (page_pager in cgi-bin/core/page.c):
 * parsing each kind of field at its bounds, hostile values (overlong,
 * repeated, not UTF-8, huge numbers), the write-back as Filter.* and the
 * query strings; the sort's default and first-click directions. Every
 * expected value is worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/list_filter.h"
#include "core/page.h"

static const char *const kinds[] = { "complaint", "return", NULL };
static const char *const who[] = { "mine", "none", NULL };
static const char *const statuses[] = { "open", "closed", "all", NULL };

/* A queue-like list: every kind once. */
static const struct lf_field fields[] = {
  { .name = "status", .kind = LF_CHOICE, .choices = statuses, .dflt = "open" },
  { .name = "kind", .kind = LF_CHOICE, .choices = kinds },
  { .name = "step", .kind = LF_ID, .min = 1, .max = 7 },
  { .name = "assignee", .kind = LF_ID, .choices = who, .min = 1, .max = 0x7fffffff },
  { .name = "overdue", .kind = LF_FLAG },
  { .name = "q", .kind = LF_TEXT, .max = 12, .opts = LF_ALWAYS },
  { .name = "postal", .kind = LF_DIGITS, .max = 6 },
  { .name = "from", .kind = LF_MONTH, .opts = LF_NOFOLD },
  { .name = "day", .kind = LF_DATE },
  { .name = "quick", .kind = LF_CHOICE, .choices = kinds, .opts = LF_NOQS },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535, .listed = "Regions",
    .missing = "NoSuchRegion" },
};
#define NFIELDS ((int)(sizeof fields / sizeof fields[0]))

struct fx { HDF *hdf; struct req r; struct list_filter lf; };

static int setup(void **state)
{
  static struct fx f;
  memset(&f, 0, sizeof f);
  assert_null(hdf_init(&f.hdf));
  f.r = (struct req){ .hdf = f.hdf, .lang = "zh-CN", .method = "GET", .path = "/x", .status = 200 };
  /* The lists the page offered: regions 1 and 3. */
  assert_null(hdf_set_value(f.hdf, "Regions.0.id", "1"));
  assert_null(hdf_set_value(f.hdf, "Regions.1.id", "3"));
  *state = &f;
  return 0;
}

static int teardown(void **state)
{
  struct fx *f = *state;
  hdf_destroy(&f->hdf);
  return 0;
}

static void param(struct fx *f, const char *name, const char *v)
{
  char key[64];
  snprintf(key, sizeof key, "Query.%s", name);
  assert_null(hdf_set_value(f->hdf, key, v));
}

static struct list_filter *parsed(struct fx *f)
{
  assert_null(list_filter_parse(&f->r, &f->lf, fields, NFIELDS));
  return &f->lf;
}

static const char *query(struct list_filter *lf, char *out, size_t n)
{
  STRING s;
  string_init(&s);
  assert_null(list_filter_query(lf, &s));
  snprintf(out, n, "%s", s.buf ? s.buf : "");
  string_clear(&s);
  return out;
}

/* One value through field i: what it keeps ("" dropped). */
static const char *one(int i, const char *raw)
{
  static struct lf_value v;
  list_filter_value(&fields[i], raw, &v);
  return v.s;
}

static void test_nothing_sent_gives_defaults(void **state)
{
  struct fx *f = *state;
  struct list_filter *lf = parsed(f);
  char q[512];
  assert_string_equal(lf_str(lf, "status"), "open");   /* the default */
  assert_null(lf_word(lf, "kind"));
  assert_int_equal(lf_num(lf, "step"), 0);
  /* The default is spelt out, q= always; nothing else. */
  assert_string_equal(query(lf, q, sizeof q), "status=open&q=");
  assert_null(list_filter_write(&f->r, lf));
  assert_string_equal(hdf_get_value(f->hdf, "Filter.status", "?"), "open");
  assert_string_equal(hdf_get_value(f->hdf, "Filter.kind", "?"), "");
  assert_string_equal(hdf_get_value(f->hdf, "Filter.Query", "?"), "status=open&q=");
  assert_int_equal(hdf_get_int_value(f->hdf, "Filter.Active", 9), 0);
}

static void test_choices(void **state)
{
  (void)state;
  assert_string_equal(one(1, "return"), "return");
  assert_string_equal(one(1, "Return"), "");        /* case matters */
  assert_string_equal(one(1, "return "), "");
  assert_string_equal(one(1, "retur"), "");
  assert_string_equal(one(1, "returnreturn"), "");
  assert_string_equal(one(1, "return\xff"), "");
}

static void test_ids_at_their_bounds(void **state)
{
  (void)state;
  struct lf_value v;
  assert_int_equal(list_filter_value(&fields[2], "1", &v), 1);
  assert_int_equal(v.n, 1);
  assert_int_equal(list_filter_value(&fields[2], "7", &v), 1);
  assert_int_equal(v.n, 7);
  assert_int_equal(list_filter_value(&fields[2], "0", &v), 0);
  assert_int_equal(list_filter_value(&fields[2], "8", &v), 0);
  assert_int_equal(v.n, 0);
  assert_string_equal(v.s, "");
  /* Leading zeros are read, and written back without them. */
  assert_int_equal(list_filter_value(&fields[2], "007", &v), 1);
  assert_string_equal(v.s, "7");
  /* Signs, spaces, exponents, hex: no. */
  assert_string_equal(one(2, "-1"), "");
  assert_string_equal(one(2, "+3"), "");
  assert_string_equal(one(2, " 3"), "");
  assert_string_equal(one(2, "3 "), "");
  assert_string_equal(one(2, "3e0"), "");
  assert_string_equal(one(2, "0x3"), "");
  /* Words the id field also takes. */
  assert_int_equal(list_filter_value(&fields[3], "mine", &v), 1);
  assert_string_equal(v.s, "mine");
  assert_int_equal(v.n, 0);
  assert_int_equal(list_filter_value(&fields[3], "2147483647", &v), 1);
  assert_int_equal(v.n, 2147483647);
  assert_string_equal(one(3, "2147483648"), "");    /* max + 1 */
  assert_string_equal(one(3, "bogus"), "");
}

static void test_huge_numbers_do_not_wrap(void **state)
{
  (void)state;
  /* 2^64 + 1 would wrap to 1 in an unsigned read; 2^63 overflows strtoll. */
  assert_string_equal(one(3, "18446744073709551617"), "");
  assert_string_equal(one(3, "9223372036854775808"), "");
  assert_string_equal(one(3, "99999999999999999999999999999999999999"), "");
  assert_string_equal(one(2, "000000000000000000001"), "");   /* 21 digits */
}

static void test_flags(void **state)
{
  (void)state;
  assert_string_equal(one(4, "1"), "1");
  assert_string_equal(one(4, "0"), "");
  assert_string_equal(one(4, "2"), "");
  assert_string_equal(one(4, "on"), "");
  assert_string_equal(one(4, "11"), "");
}

static void test_text_trimmed_and_cut_on_a_character(void **state)
{
  (void)state;
  assert_string_equal(one(5, "  长沙  "), "长沙");
  assert_string_equal(one(5, "   "), "");
  /* 12 bytes kept: four 3-byte characters fit exactly ... */
  assert_string_equal(one(5, "长沙岳阳株洲"), "长沙岳阳");
  /* ... and one ASCII letter first leaves room for three only (12 is
   * inside the fourth character: cut before it, 10 bytes). */
  assert_string_equal(one(5, "a长沙岳阳株洲"), "a长沙岳");
  /* Not UTF-8 at all (GB18030 bytes, a lone continuation, an overlong
   * slash, a surrogate): dropped, not cut into something else. */
  assert_string_equal(one(5, "\xb3\xa4\xc9\xb3"), "");
  assert_string_equal(one(5, "ab\x80"), "");
  assert_string_equal(one(5, "\xc0\xaf"), "");
  assert_string_equal(one(5, "\xed\xa0\x80"), "");
  assert_string_equal(one(5, "a\x01z"), "");         /* a control character */
}

static void test_overlong_text(void **state)
{
  (void)state;
  /* 100,000 bytes: cut to the field's 12 without reading past them. */
  static char big[100001];
  memset(big, 'x', sizeof big - 1);
  assert_string_equal(one(5, big), "xxxxxxxxxxxx");
  /* An overlong word for a choice, an id or a month: dropped. */
  assert_string_equal(one(1, big), "");
  assert_string_equal(one(2, big), "");
  assert_string_equal(one(7, big), "");
  /* Text with no bound of its own keeps LIST_FILTER_TEXT - 1 bytes. */
  struct lf_field loose = { .name = "t", .kind = LF_TEXT };
  struct lf_value v;
  assert_int_equal(list_filter_value(&loose, big, &v), 1);
  assert_int_equal(strlen(v.s), LIST_FILTER_TEXT - 1);
}

static void test_digit_prefixes(void **state)
{
  (void)state;
  assert_string_equal(one(6, "4100"), "4100");
  assert_string_equal(one(6, " 410000 "), "410000");
  assert_string_equal(one(6, "41000099"), "410000");   /* cut at 6, still digits */
  assert_string_equal(one(6, "41a"), "");
  assert_string_equal(one(6, "４１"), "");              /* full-width digits */
}

static void test_months_and_days(void **state)
{
  (void)state;
  struct lf_value v;
  assert_int_equal(list_filter_value(&fields[7], "2026-03", &v), 1);
  assert_int_equal(v.n, 2026 * 12 + 2);
  assert_string_equal(one(7, "2000-01"), "2000-01");
  assert_string_equal(one(7, "2099-12"), "2099-12");
  assert_string_equal(one(7, "1999-12"), "");
  assert_string_equal(one(7, "2100-01"), "");
  assert_string_equal(one(7, "2019-13"), "");
  assert_string_equal(one(7, "2019-00"), "");
  assert_string_equal(one(7, "2019-3"), "");
  assert_string_equal(one(7, "2019/03"), "");
  assert_string_equal(one(7, "2019-03-01"), "");
  assert_string_equal(one(8, "2024-02-29"), "2024-02-29");   /* leap year */
  assert_string_equal(one(8, "2000-02-29"), "2000-02-29");   /* 400 rule */
  assert_string_equal(one(8, "2026-02-29"), "");
  assert_string_equal(one(8, "2026-04-31"), "");
  assert_string_equal(one(8, "2026-12-31"), "2026-12-31");
  assert_string_equal(one(8, "2026-12-00"), "");
  assert_string_equal(one(8, "2026-12-3x"), "");
}

static void test_query_string_and_write_back(void **state)
{
  struct fx *f = *state;
  param(f, "status", "closed");
  param(f, "kind", "return");
  param(f, "step", "4");
  param(f, "assignee", "mine");
  param(f, "overdue", "1");
  param(f, "q", " a&b=c ");
  param(f, "from", "2026-01");
  param(f, "quick", "return");
  param(f, "region", "3");
  struct list_filter *lf = parsed(f);
  char q[512];
  /* Table order; URL-escaped; quick (LF_NOQS) left out. */
  assert_string_equal(query(lf, q, sizeof q),
                      "status=closed&kind=return&step=4&assignee=mine&overdue=1&q=a%26b%3Dc"
                      "&from=2026-01&region=3");
  assert_null(list_filter_write(&f->r, lf));
  assert_string_equal(hdf_get_value(f->hdf, "Filter.q", "?"), "a&b=c");
  assert_string_equal(hdf_get_value(f->hdf, "Filter.step", "?"), "4");
  assert_string_equal(hdf_get_value(f->hdf, "Filter.quick", "?"), "return");
  assert_int_equal(hdf_get_int_value(f->hdf, "Filter.Active", 0), 1);
}

static void test_active_ignores_nofold_and_defaults(void **state)
{
  struct fx *f = *state;
  param(f, "status", "open");      /* the default, sent */
  param(f, "from", "2026-01");     /* LF_NOFOLD */
  struct list_filter *lf = parsed(f);
  assert_null(list_filter_write(&f->r, lf));
  assert_int_equal(hdf_get_int_value(f->hdf, "Filter.Active", 9), 0);
}

static void test_repeated_parameters(void **state)
{
  struct fx *f = *state;
  /* ClearSilver keeps a repeated parameter's values as children and one of
   * them as the node's value: the value is checked like any other and the
   * children never reach the query string. */
  param(f, "kind", "return");
  param(f, "kind.0", "complaint");
  param(f, "kind.1", "x' OR 1=1");
  param(f, "step", "99");
  param(f, "step.0", "2");
  struct list_filter *lf = parsed(f);
  char q[512];
  assert_string_equal(lf_str(lf, "kind"), "return");
  assert_int_equal(lf_num(lf, "step"), 0);   /* the node's value is out of bounds */
  assert_string_equal(query(lf, q, sizeof q), "status=open&kind=return&q=");
}

static void test_hostile_values_all_at_once(void **state)
{
  struct fx *f = *state;
  param(f, "status", "open\r\nSet-Cookie: x=1");
  param(f, "kind", "<script>");
  param(f, "step", "1 OR 1=1");
  param(f, "assignee", "-2147483649");
  param(f, "overdue", "%00");
  param(f, "postal", "41;--");
  param(f, "day", "2026-02-30");
  param(f, "region", "99999999999999999999");
  struct list_filter *lf = parsed(f);
  char q[512];
  assert_string_equal(query(lf, q, sizeof q), "status=open&q=");
}

static void test_listed_id_outside_the_list_is_not_found(void **state)
{
  struct fx *f = *state;
  param(f, "region", "2");   /* a real id, but not offered to this user */
  NEOERR *err = list_filter_parse(&f->r, &f->lf, fields, NFIELDS);
  assert_non_null(err);
  assert_true(nerr_match(err, KERR_NOT_FOUND));
  assert_string_equal(hdf_get_value(f->hdf, "Error.Key", ""), "NoSuchRegion");
  nerr_ignore(&err);
}

static void test_set_checks_like_a_request(void **state)
{
  struct fx *f = *state;
  struct list_filter *lf = parsed(f);
  lf_set(lf, "step", "5");
  assert_int_equal(lf_num(lf, "step"), 5);
  lf_set(lf, "step", "50");      /* out of bounds: unset */
  assert_int_equal(lf_num(lf, "step"), 0);
  lf_set(lf, "status", NULL);    /* unset: back to the default */
  assert_string_equal(lf_str(lf, "status"), "open");
  lf_set(lf, "kind", "return");
  assert_true(lf_is(lf, "kind", "return"));
}

/* A report's choices: a bad value is a 400 naming the field's message, an
 * empty one is unset, a good one kept; a lenient field beside it still
 * drops its bad value. */
static const struct lf_field strict[] = {
  { .name = "dim", .kind = LF_CHOICE, .choices = kinds, .dflt = "return", .opts = LF_STRICT,
    .missing = "BadDim" },
  { .name = "step", .kind = LF_ID, .min = 1, .max = 7 },
};

static void test_strict_field_bad_value_is_bad_request(void **state)
{
  struct fx *f = *state;
  param(f, "step", "99");
  param(f, "dim", "");
  assert_null(list_filter_parse(&f->r, &f->lf, strict, 2));
  assert_string_equal(lf_str(&f->lf, "dim"), "return");   /* empty: the default */
  assert_int_equal(lf_num(&f->lf, "step"), 0);            /* lenient: dropped */
  param(f, "dim", "complaint");
  assert_null(list_filter_parse(&f->r, &f->lf, strict, 2));
  assert_string_equal(lf_str(&f->lf, "dim"), "complaint");
  param(f, "dim", "planet");
  NEOERR *err = list_filter_parse(&f->r, &f->lf, strict, 2);
  assert_non_null(err);
  assert_true(nerr_match(err, KERR_BAD_REQUEST));
  assert_string_equal(hdf_get_value(f->hdf, "Error.Key", ""), "BadDim");
  nerr_ignore(&err);
}

/* --- the sort piece ------------------------------------------------------ */

/* The customer list's shape: a default no header offers (newest first),
 * columns ascending on a first click, one descending (the dashboard's). */
static const struct lf_sort sorts[] = {
  { "", 1 }, { "name", 0 }, { "code", 0 }, { "ytd", 1 },
};
#define NSORTS ((int)(sizeof sorts / sizeof sorts[0]))

/* The filter and the sort as the page would parse and write them. */
static struct list_filter *sorted(struct fx *f, const char *sort, const char *dir)
{
  if (sort) param(f, "sort", sort);
  if (dir) param(f, "dir", dir);
  struct list_filter *lf = parsed(f);
  list_sort_parse(&f->r, lf, sorts, NSORTS, 0);
  assert_null(list_filter_write(&f->r, lf));
  return lf;
}

static const char *got(struct fx *f, const char *key)
{
  return hdf_get_value(f->hdf, key, "(unset)");
}

/* Each case worked out by hand: the request's sort= and dir= (NULL: not
 * sent) and kind= (a filter in the links), the default row; what the page
 * gets. Next: the directions of the name, code and ytd headers. */
static const struct scase {
  const char *sort, *dir, *kind;
  int dflt;
  int want_sort, want_desc;
  const char *word, *dir_word, *sorted, *next_name, *next_code, *next_ytd;
} scases[] = {
  /* Nothing asked: newest first; the links carry the filter alone. */
  { NULL, NULL, NULL, 0, 0, 1, "", "desc", "status=open&q=", "asc", "asc", "desc" },
  /* A column without dir=: its own direction, so no dir= in the links;
   * its header now offers the other direction, the others their own. */
  { "name", NULL, NULL, 0, 1, 0, "name", "asc", "status=open&q=&sort=name",
    "desc", "asc", "desc" },
  /* A descending column asked ascending: both in the links. */
  { "ytd", "asc", NULL, 0, 3, 0, "ytd", "asc", "status=open&q=&sort=ytd&dir=asc",
    "asc", "asc", "desc" },
  /* The same, in its own direction. */
  { "ytd", "desc", NULL, 0, 3, 1, "ytd", "desc", "status=open&q=&sort=ytd",
    "asc", "asc", "asc" },
  /* Oldest first: the default order against its direction, after the filter. */
  { NULL, "asc", "return", 0, 0, 0, "", "asc", "status=open&kind=return&q=&dir=asc",
    "asc", "asc", "desc" },
  /* A list whose default is a column (the dashboard's ytd): named, it
   * gives the links of not asking. */
  { "ytd", "desc", NULL, 3, 3, 1, "ytd", "desc", "status=open&q=", "asc", "asc", "asc" },
  /* ... and another column there does carry sort=. */
  { "code", NULL, NULL, 3, 2, 0, "code", "asc", "status=open&q=&sort=code",
    "asc", "desc", "desc" },
};

static void test_sort_cases(void **state)
{
  struct fx *f = *state;
  static const char *const keys[] = {
    "Filter.sort", "Filter.dir", "Filter.QuerySorted", "Filter.Next.name", "Filter.Next.code",
    "Filter.Next.ytd",
  };
  for (size_t i = 0; i < sizeof scases / sizeof scases[0]; i++) {
    const struct scase *c = &scases[i];
    assert_null(hdf_remove_tree(f->hdf, "Query"));
    assert_null(hdf_remove_tree(f->hdf, "Filter"));
    if (c->sort) param(f, "sort", c->sort);
    if (c->dir) param(f, "dir", c->dir);
    if (c->kind) param(f, "kind", c->kind);
    struct list_filter *lf = parsed(f);
    list_sort_parse(&f->r, lf, sorts, NSORTS, c->dflt);
    assert_null(list_filter_write(&f->r, lf));
    if (lf->sort != c->want_sort || lf->desc != c->want_desc)
      fail_msg("case %zu: sort %d desc %d", i, lf->sort, lf->desc);
    const char *want[] = { c->word, c->dir_word, c->sorted, c->next_name, c->next_code,
                           c->next_ytd };
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
      if (strcmp(got(f, keys[k]), want[k]) != 0)
        fail_msg("case %zu, %s: \"%s\", wanted \"%s\"", i, keys[k], got(f, keys[k]), want[k]);
    /* The filter's own query string never carries the order. */
    assert_string_equal(got(f, "Filter.Query"),
                        c->kind ? "status=open&kind=return&q=" : "status=open&q=");
  }
  /* Every header has its Next; the default's "" word has none. */
  int n = 0;
  for (HDF *c = hdf_obj_child(hdf_get_obj(f->hdf, "Filter.Next")); c; c = hdf_obj_next(c)) n++;
  assert_int_equal(n, 3);
}

static void test_sort_hostile_values(void **state)
{
  struct fx *f = *state;
  static const char *const bad_sorts[] = {
    "name;DROP TABLE customers", "NAME", " name", "name ", "", "0", "1", "-1",
    "namename", "na", "name\r\nSet-Cookie: x=1", "\xff\xfe", "Next", "sort",
  };
  static const char *const bad_dirs[] = { "sideways", "ASC", "asc ", "", "1", "-1", "desc;" };
  for (size_t i = 0; i < sizeof bad_sorts / sizeof bad_sorts[0]; i++) {
    assert_null(hdf_remove_tree(f->hdf, "Filter"));
    struct list_filter *lf = sorted(f, bad_sorts[i], "desc");
    /* the default order, the direction still honoured */
    assert_int_equal(lf->sort, 0);
    assert_int_equal(lf->desc, 1);
    assert_string_equal(got(f, "Filter.QuerySorted"), "status=open&q=");
  }
  for (size_t i = 0; i < sizeof bad_dirs / sizeof bad_dirs[0]; i++) {
    assert_null(hdf_remove_tree(f->hdf, "Filter"));
    struct list_filter *lf = sorted(f, "code", bad_dirs[i]);
    /* the order kept, in its own direction */
    assert_int_equal(lf->sort, 2);
    assert_int_equal(lf->desc, 0);
    assert_string_equal(got(f, "Filter.QuerySorted"), "status=open&q=&sort=code");
  }
}

static void test_sort_bounds_of_the_table(void **state)
{
  struct fx *f = *state;
  /* The last row and the first of a one-row table. */
  struct list_filter *lf = sorted(f, "ytd", NULL);
  assert_int_equal(lf->sort, NSORTS - 1);
  assert_int_equal(lf->desc, 1);
  assert_string_equal(got(f, "Filter.QuerySorted"), "status=open&q=&sort=ytd");
  static const struct lf_sort one[] = { { "name", 0 } };
  list_sort_parse(&f->r, lf, one, 1, 0);   /* sort=ytd is not in it */
  assert_int_equal(lf->sort, 0);
  assert_int_equal(lf->desc, 0);
  assert_null(hdf_remove_tree(f->hdf, "Filter"));
  assert_null(list_filter_write(&f->r, lf));
  assert_string_equal(got(f, "Filter.sort"), "name");
  assert_string_equal(got(f, "Filter.Next.name"), "desc");
  assert_string_equal(got(f, "Filter.QuerySorted"), "status=open&q=");
  /* A list without a sort piece writes none of it. */
  assert_null(hdf_remove_tree(f->hdf, "Filter"));
  lf = parsed(f);
  assert_null(list_filter_write(&f->r, lf));
  assert_string_equal(got(f, "Filter.QuerySorted"), "(unset)");
  assert_string_equal(got(f, "Filter.sort"), "(unset)");
}

/* --- the pager ----------------------------------------------------------- */

/* Pager.Links as text: "1 2 _ 9" (_ a gap). */
static const char *links(HDF *h, char *out, size_t n)
{
  out[0] = '\0';
  for (HDF *l = hdf_obj_child(hdf_get_obj(h, "Pager.Links")); l; l = hdf_obj_next(l)) {
    size_t len = strlen(out);
    snprintf(out + len, n - len, "%s%s", len ? " " : "",
             hdf_get_value(l, "gap", NULL) ? "_" : hdf_get_value(l, "page", "?"));
  }
  return out;
}

/* Each case worked out by hand; capped < 0 calls page_pager (an exact
 * count), else page_pager_capped. Prev/Next 0: no link. */
static const struct pcase {
  long long total;
  int capped, page, per, more;
  int want_page;
  long long pages, from, to;
  int prev, next;
  const char *links;
} pcases[] = {
  /* 101 rows, 20 a page: 6 pages; page 4 shows rows 61-80. */
  { 101, -1, 4, 20, 0, 4, 6, 61, 80, 3, 5, "1 2 3 4 5 6" },
  /* Page 9 of them: brought back to the last page, 6 (row 101 alone). */
  { 101, -1, 9, 20, 0, 6, 6, 101, 101, 5, 0, "1 _ 4 5 6" },
  /* Nothing at all: one empty page. */
  { 0, -1, 1, 20, 0, 1, 1, 0, 0, 0, 0, "1" },
  /* Counting stopped at 1000 (50 pages of 20); on page 50 rows follow:
   * 51 pages so far, a next link, no last page to link. */
  { 1000, 1, 50, 20, 1, 50, 51, 981, 1000, 49, 51, "1 _ 48 49 50 51" },
  /* Page 2 of a capped count: the known 50 pages, no last link. */
  { 1000, 1, 2, 20, 1, 2, 50, 21, 40, 1, 3, "1 2 3 4" },
  /* Page 60, past the cap, the last rows: 60 pages, no next. */
  { 1000, 1, 60, 20, 0, 60, 60, 1181, 1200, 59, 0, "1 _ 58 59 60" },
};

static void test_pager(void **state)
{
  struct fx *f = *state;
  char l[128], what[64];
  for (size_t i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
    const struct pcase *c = &pcases[i];
    assert_null(hdf_remove_tree(f->hdf, "Pager"));
    if (c->capped < 0) assert_null(page_pager(&f->r, c->total, c->page, c->per));
    else assert_null(page_pager_capped(&f->r, c->total, c->capped, c->page, c->per, c->more));
    snprintf(what, sizeof what, "case %zu", i);
    long long got[] = {
      hdf_get_int_value(f->hdf, "Pager.Page", -1), hdf_get_int_value(f->hdf, "Pager.Pages", -1),
      hdf_get_int_value(f->hdf, "Pager.From", -1), hdf_get_int_value(f->hdf, "Pager.To", -1),
      hdf_get_int_value(f->hdf, "Pager.Prev", 0), hdf_get_int_value(f->hdf, "Pager.Next", 0),
    };
    long long want[] = { c->want_page, c->pages, c->from, c->to, c->prev, c->next };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
      if (got[k] != want[k]) fail_msg("%s, value %zu: %lld, wanted %lld", what, k, got[k], want[k]);
    assert_string_equal(links(f->hdf, l, sizeof l), c->links);
  }
}

/* Seek anchors: the first and last rank of the page on the links that
 * exist; none on page 1's prev, the last page's next, or a key of 0. */
static void test_pager_anchors(void **state)
{
  struct fx *f = *state;
  assert_null(page_pager(&f->r, 120, 2, 50));   /* pages 1..3, prev and next */
  assert_null(page_pager_anchors(&f->r, 407, 933));
  assert_string_equal(hdf_get_value(f->hdf, "Pager.PrevAt", ""), "before=407");
  assert_string_equal(hdf_get_value(f->hdf, "Pager.NextAt", ""), "after=933");
  assert_null(hdf_remove_tree(f->hdf, "Pager"));
  assert_null(page_pager(&f->r, 120, 1, 50));   /* the first page: no prev */
  assert_null(page_pager_anchors(&f->r, 1, 50));
  assert_null(hdf_get_value(f->hdf, "Pager.PrevAt", NULL));
  assert_string_equal(hdf_get_value(f->hdf, "Pager.NextAt", ""), "after=50");
  assert_null(hdf_remove_tree(f->hdf, "Pager"));
  assert_null(page_pager(&f->r, 120, 3, 50));   /* the last: no next; no key */
  assert_null(page_pager_anchors(&f->r, 0, 0));
  assert_null(hdf_get_value(f->hdf, "Pager.PrevAt", NULL));
  assert_null(hdf_get_value(f->hdf, "Pager.NextAt", NULL));
}

int main(void)
{
  assert_null(err_init());
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_nothing_sent_gives_defaults, setup, teardown),
    cmocka_unit_test(test_choices),
    cmocka_unit_test(test_ids_at_their_bounds),
    cmocka_unit_test(test_huge_numbers_do_not_wrap),
    cmocka_unit_test(test_flags),
    cmocka_unit_test(test_text_trimmed_and_cut_on_a_character),
    cmocka_unit_test(test_overlong_text),
    cmocka_unit_test(test_digit_prefixes),
    cmocka_unit_test(test_months_and_days),
    cmocka_unit_test_setup_teardown(test_query_string_and_write_back, setup, teardown),
    cmocka_unit_test_setup_teardown(test_active_ignores_nofold_and_defaults, setup, teardown),
    cmocka_unit_test_setup_teardown(test_repeated_parameters, setup, teardown),
    cmocka_unit_test_setup_teardown(test_hostile_values_all_at_once, setup, teardown),
    cmocka_unit_test_setup_teardown(test_listed_id_outside_the_list_is_not_found, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_set_checks_like_a_request, setup, teardown),
    cmocka_unit_test_setup_teardown(test_strict_field_bad_value_is_bad_request, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pager_anchors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sort_cases, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sort_hostile_values, setup, teardown),
    cmocka_unit_test_setup_teardown(test_sort_bounds_of_the_table, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pager, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
