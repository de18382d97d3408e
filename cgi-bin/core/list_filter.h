#ifndef KEHU_LIST_FILTER_H
#define KEHU_LIST_FILTER_H
/* A list page's filter as a table (docs/list-kit.md): each field names its
 * parameter, its kind and its bounds; list_filter_parse reads them from the
 * request, list_filter_write puts them back as Filter.<name> for the form
 * and as Filter.Query for the page, sort and export links. A value that
 * does not fit its field is dropped (the field is unset), as every list
 * did by hand; only a field with `listed` turns a bad id into a 404.
 * Pure apart from the request's HDF; unit-tested in
 * tests/unit/test_list_filter.c. */
#include "core/req.h"

#define LIST_FILTER_MAX 24     /* fields a list may declare */
#define LIST_FILTER_TEXT 256   /* bytes a value may keep, with its NUL */

enum lf_kind {
  LF_CHOICE,  /* one of `choices` (a NULL-ended list of words) */
  LF_ID,      /* digits only, min..max; or one of `choices` ("mine", "all") */
  LF_FLAG,    /* "1" or unset */
  LF_TEXT,    /* trimmed, cut at `max` bytes on a UTF-8 boundary; "" unset */
  LF_DIGITS,  /* a prefix of digits (postal codes): trimmed, cut at `max` */
  LF_MONTH,   /* YYYY-MM, 2000-01..2099-12; n is y * 12 + m - 1 */
  LF_DATE,    /* YYYY-MM-DD, a real day of 2000..2099 */
};

/* Field options, or'ed. */
enum {
  LF_ALWAYS = 1,   /* in Filter.Query even when empty ("q=", "status=open") */
  LF_NOQS = 2,     /* not in Filter.Query (a shortcut the links spell out) */
  LF_NOFOLD = 4,   /* set, it does not open the filter fold (Filter.Active) */
  LF_STRICT = 8,   /* a value given that does not fit is a 400 (`missing`
                      names the message), not dropped: a report's choices */
};

struct lf_field {
  const char *name;             /* the parameter, and Filter.<name> */
  enum lf_kind kind;
  const char *const *choices;   /* LF_CHOICE, and words LF_ID also takes */
  long long min, max;           /* LF_ID bounds; LF_TEXT/LF_DIGITS: max bytes kept */
  const char *dflt;             /* the value when unset or dropped (NULL: none) */
  int opts;
  const char *listed;           /* LF_ID: an HDF list of rows with .id the id must be in */
  const char *missing;          /* with `listed`: the not-found message key */
};

struct lf_value {
  char s[LIST_FILTER_TEXT];     /* the value as the links spell it; "" unset */
  long long n;                  /* LF_ID/LF_FLAG/LF_MONTH as a number; 0 otherwise */
};

/* The sort piece: a list's orders, one row each. */
struct lf_sort {
  const char *word;   /* sort=<word>; "" for an order no header offers (the default's) */
  int desc;           /* the direction sort=<word> without dir= gives: a first click */
};

struct list_filter {
  const struct lf_field *fields;
  int nfields;
  struct lf_value v[LIST_FILTER_MAX];
  const struct lf_sort *sorts;  /* NULL: the list has no sort piece */
  int nsorts, dflt;             /* dflt: the order without sort= */
  int sort, desc;               /* the order asked for (an index of sorts) and its direction */
};

/* Reads every field of fields[0..n) (n at most LIST_FILTER_MAX). Errors
 * only for a `listed` id the list does not hold (app_fail's 404, the list
 * must be in the HDF by then) and a bad value of an LF_STRICT field (400). */
NEOERR *list_filter_parse(struct req *r, struct list_filter *lf, const struct lf_field *fields,
                          int n);
/* One value, checked as field f checks it, into *out. 1: kept; 0: dropped
 * (out is then "" and 0). The parser's core, open to the unit tests. */
int list_filter_value(const struct lf_field *f, const char *raw, struct lf_value *out);

/* The field named `name` (it must be declared: a typo aborts). */
const char *lf_str(const struct list_filter *lf, const char *name);   /* "" unset */
const char *lf_word(const struct list_filter *lf, const char *name);  /* NULL unset */
long long lf_num(const struct list_filter *lf, const char *name);
int lf_is(const struct list_filter *lf, const char *name, const char *word);
/* A handler's own rule on top (a role may not use a field, a period worked
 * out from two others, this year by default): the value replaced by s,
 * checked as the request's would be; NULL or "" unsets it (the default
 * then applies). */
void lf_set(struct list_filter *lf, const char *name, const char *s);

/* The sort piece, after list_filter_parse: sort= names one of
 * sorts[0..n) (any other word gives the default order, sorts[dflt]), dir= is
 * asc or desc, anything else the order's own direction. Sets lf->sort and
 * lf->desc; list_filter_write then writes them too. */
void list_sort_parse(struct req *r, struct list_filter *lf, const struct lf_sort *sorts, int n,
                     int dflt);

/* Filter.<name> for every field (its value, else its default, else ""),
 * Filter.Query (the fields in table order, URL-escaped, '&' between; "" when
 * none) and Filter.Active (1 when a field without LF_NOFOLD is set to other
 * than its default). With a sort piece also Filter.sort (the word), Filter.dir
 * (asc, desc), Filter.Next.<word> (the direction a click on that header
 * asks for: the other one on the current order, else the order's own) and
 * Filter.QuerySorted (Filter.Query with sort= unless the order is the
 * default and dir= unless it is the order's own direction: the page and
 * export links). */
NEOERR *list_filter_write(struct req *r, const struct list_filter *lf);
/* Filter.Query alone, into s (the unit tests, and pages that need it twice). */
NEOERR *list_filter_query(const struct list_filter *lf, STRING *s);
#endif
