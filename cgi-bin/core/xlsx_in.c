#include "core/xlsx_in.h"
#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int xlsx_in_is_zip(const void *data, size_t n)
{
  return n >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

/* A growing text buffer. */
struct text {
  char *s;
  size_t len, cap;
  int overflow;
};

static int text_add(struct text *t, const char *s, size_t n)
{
  if (t->len + n > XLSX_MAX_CELL) { t->overflow = 1; return 0; }
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 64;
    while (cap < t->len + n + 1) cap *= 2;
    char *b = realloc(t->s, cap);
    if (!b) return -1;
    t->s = b;
    t->cap = cap;
  }
  memcpy(t->s + t->len, s, n);
  t->len += n;
  t->s[t->len] = '\0';
  return 0;
}

static void text_reset(struct text *t)
{
  t->len = 0;
  t->overflow = 0;
  if (t->s) t->s[0] = '\0';
}

/* Element names without a namespace prefix ("x:row" -> "row"). */
static const char *local(const char *name)
{
  const char *c = strrchr(name, ':');
  return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
  for (int i = 0; atts[i]; i += 2)
    if (strcmp(local(atts[i]), name) == 0) return atts[i + 1];
  return NULL;
}

struct xlsx {
  XML_Parser xp;
  NEOERR *err;
  int nomem;
  /* shared strings */
  char **ss;
  size_t *ss_len;
  size_t nss, cap_ss;
  /* parse state */
  int in_si, in_t, in_rph, in_v, in_is;
  struct text cur;           /* text of the current <si> or <c> */
  /* sheet */
  long row, next_row;
  int col, next_col;
  char ctype[16];
  struct text cells[XLSX_MAX_COLS];
  int ncells;
  xlsx_row_fn fn;
  void *ctx;
};

static void stop(struct xlsx *x)
{
  XML_StopParser(x->xp, XML_FALSE);
}

static void on_text(void *ud, const XML_Char *s, int len)
{
  struct xlsx *x = ud;
  if ((x->in_t && !x->in_rph) || x->in_v) {
    if (text_add(&x->cur, s, (size_t)len)) { x->nomem = 1; stop(x); }
  }
}

/* --- shared strings ------------------------------------------------------ */

static void ss_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
  struct xlsx *x = ud;
  (void)atts;
  const char *n = local(name);
  if (strcmp(n, "si") == 0) { x->in_si = 1; text_reset(&x->cur); }
  else if (strcmp(n, "rPh") == 0) x->in_rph++;
  else if (strcmp(n, "t") == 0 && x->in_si) x->in_t = 1;
}

static void ss_end(void *ud, const XML_Char *name)
{
  struct xlsx *x = ud;
  const char *n = local(name);
  if (strcmp(n, "t") == 0) x->in_t = 0;
  else if (strcmp(n, "rPh") == 0) x->in_rph--;
  else if (strcmp(n, "si") == 0 && x->in_si) {
    x->in_si = 0;
    if (x->nss == x->cap_ss) {
      size_t cap = x->cap_ss ? x->cap_ss * 2 : 256;
      char **s = realloc(x->ss, cap * sizeof *s);
      if (!s) { x->nomem = 1; stop(x); return; }
      x->ss = s;
      size_t *l = realloc(x->ss_len, cap * sizeof *l);
      if (!l) { x->nomem = 1; stop(x); return; }
      x->ss_len = l;
      x->cap_ss = cap;
    }
    char *copy = malloc(x->cur.len + 1);
    if (!copy) { x->nomem = 1; stop(x); return; }
    if (x->cur.len) memcpy(copy, x->cur.s, x->cur.len);
    copy[x->cur.len] = '\0';
    x->ss[x->nss] = copy;
    x->ss_len[x->nss++] = x->cur.len;
  }
}

/* --- the worksheet ------------------------------------------------------- */

/* "BC12" -> column 54 (0-based); -1 when there are no letters. */
static int col_of(const char *ref)
{
  int c = 0, any = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ref++) {
    c = c * 26 + (*ref - 'A' + 1);
    any = 1;
    if (c > 100000) return -1;
  }
  return any ? c - 1 : -1;
}

static NEOERR *flush_row(struct xlsx *x)
{
  if (x->ncells == 0) return STATUS_OK;
  const char *cells[XLSX_MAX_COLS];
  size_t lens[XLSX_MAX_COLS];
  int used = 0;
  for (int i = 0; i < x->ncells; i++) {
    cells[i] = x->cells[i].s ? x->cells[i].s : "";
    lens[i] = x->cells[i].len;
    if (lens[i]) used = i + 1;
  }
  NEOERR *err = used ? x->fn(x->ctx, x->row, used, cells, lens) : STATUS_OK;
  for (int i = 0; i < x->ncells; i++) text_reset(&x->cells[i]);
  x->ncells = 0;
  return err;
}

/* Excel's numbers: "5" stays "5", "1.0E+5" becomes "100000",
 * "0.30000000000000004" becomes "0.3". */
static void number_text(struct text *t)
{
  if (!t->len) return;
  char *end;
  double d = strtod(t->s, &end);
  if (*end || !isfinite(d)) return;
  char buf[64];
  if (d == floor(d) && fabs(d) < 1e15) snprintf(buf, sizeof buf, "%.0f", d);
  else snprintf(buf, sizeof buf, "%.15g", d);
  text_reset(t);
  text_add(t, buf, strlen(buf));
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
  struct xlsx *x = ud;
  const char *n = local(name);
  if (strcmp(n, "row") == 0) {
    const char *r = attr(atts, "r");
    x->row = r ? atol(r) : x->next_row;
    if (x->row < 1) x->row = x->next_row;
    x->next_row = x->row + 1;
    x->next_col = 0;
    x->ncells = 0;
  } else if (strcmp(n, "c") == 0) {
    const char *r = attr(atts, "r"), *t = attr(atts, "t");
    int c = r ? col_of(r) : -1;
    x->col = c >= 0 ? c : x->next_col;
    x->next_col = x->col + 1;
    snprintf(x->ctype, sizeof x->ctype, "%s", t ? t : "n");
    text_reset(&x->cur);
  } else if (strcmp(n, "v") == 0) {
    x->in_v = 1;
  } else if (strcmp(n, "is") == 0) {
    x->in_is = 1;
  } else if (strcmp(n, "rPh") == 0) {
    x->in_rph++;
  } else if (strcmp(n, "t") == 0 && x->in_is) {
    x->in_t = 1;
  }
}

static void sheet_end(void *ud, const XML_Char *name)
{
  struct xlsx *x = ud;
  const char *n = local(name);
  if (strcmp(n, "v") == 0) x->in_v = 0;
  else if (strcmp(n, "t") == 0) x->in_t = 0;
  else if (strcmp(n, "is") == 0) x->in_is = 0;
  else if (strcmp(n, "rPh") == 0) x->in_rph--;
  else if (strcmp(n, "c") == 0) {
    if (x->col >= XLSX_MAX_COLS) return;   /* far-right cells are ignored */
    struct text *cell = &x->cells[x->col];
    text_reset(cell);
    if (strcmp(x->ctype, "s") == 0) {
      char *end;
      long i = strtol(x->cur.s ? x->cur.s : "", &end, 10);
      if (x->cur.len && !*end && i >= 0 && (size_t)i < x->nss) {
        if (text_add(cell, x->ss[i], x->ss_len[i])) { x->nomem = 1; stop(x); return; }
      }
    } else if (x->cur.len) {
      if (text_add(cell, x->cur.s, x->cur.len)) { x->nomem = 1; stop(x); return; }
      if (strcmp(x->ctype, "n") == 0) number_text(cell);
    }
    if (x->col + 1 > x->ncells) {
      for (int i = x->ncells; i < x->col; i++) text_reset(&x->cells[i]);
      x->ncells = x->col + 1;
    }
    text_reset(&x->cur);
  } else if (strcmp(n, "row") == 0) {
    x->err = flush_row(x);
    if (x->err) stop(x);
  }
}

/* Streams one part of the zip through a fresh parser. *found = 0 when the
 * part does not exist. */
static NEOERR *parse_part(struct xlsx *x, zip_t *za, const char *part, long limit,
                          XML_StartElementHandler start, XML_EndElementHandler end,
                          int *found)
{
  *found = 0;
  zip_file_t *zf = zip_fopen(za, part, 0);
  if (!zf) return STATUS_OK;
  *found = 1;
  x->xp = XML_ParserCreate(NULL);
  if (!x->xp) { zip_fclose(zf); return nerr_raise(NERR_NOMEM, "XML parser"); }
  XML_SetUserData(x->xp, x);
  XML_SetElementHandler(x->xp, start, end);
  XML_SetCharacterDataHandler(x->xp, on_text);
  NEOERR *err = STATUS_OK;
  long total = 0;
  char buf[64 * 1024];
  for (;;) {
    zip_int64_t got = zip_fread(zf, buf, sizeof buf);
    if (got < 0) { err = nerr_raise(NERR_PARSE, "%s: cannot unpack", part); break; }
    total += got;
    if (total > limit) { err = nerr_raise(NERR_PARSE, "%s: too large", part); break; }
    if (XML_Parse(x->xp, buf, (int)got, got == 0) == XML_STATUS_ERROR) {
      if (x->err) { err = x->err; x->err = NULL; }
      else if (x->nomem) err = nerr_raise(NERR_NOMEM, "%s", part);
      else err = nerr_raise(NERR_PARSE, "%s line %lu: %s", part,
                            (unsigned long)XML_GetCurrentLineNumber(x->xp),
                            XML_ErrorString(XML_GetErrorCode(x->xp)));
      break;
    }
    if (got == 0) break;
  }
  XML_ParserFree(x->xp);
  x->xp = NULL;
  zip_fclose(zf);
  return err;
}

/* The first worksheet: sheet1.xml, or else the first xl/worksheets/ part
 * in the archive. */
static int first_sheet(zip_t *za, char *out, size_t n)
{
  if (zip_name_locate(za, "xl/worksheets/sheet1.xml", 0) >= 0) {
    snprintf(out, n, "xl/worksheets/sheet1.xml");
    return 1;
  }
  zip_int64_t count = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < count; i++) {
    const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
    if (name && strncmp(name, "xl/worksheets/", 14) == 0 && !strchr(name + 14, '/') &&
        strlen(name) > 18 && strcmp(name + strlen(name) - 4, ".xml") == 0) {
      snprintf(out, n, "%s", name);
      return 1;
    }
  }
  return 0;
}

NEOERR *xlsx_in_read(const void *data, size_t n, xlsx_row_fn fn, void *ctx)
{
  if (!xlsx_in_is_zip(data, n)) return nerr_raise(NERR_PARSE, "not a zip file");
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, n, 0, &ze);
  if (!src) { zip_error_fini(&ze); return nerr_raise(NERR_NOMEM, "zip source"); }
  zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!za) {
    zip_source_free(src);
    NEOERR *err = nerr_raise(NERR_PARSE, "not a readable zip: %s", zip_error_strerror(&ze));
    zip_error_fini(&ze);
    return err;
  }
  zip_error_fini(&ze);
  struct xlsx *x = calloc(1, sizeof *x);
  if (!x) { zip_discard(za); return nerr_raise(NERR_NOMEM, "xlsx"); }
  x->fn = fn;
  x->ctx = ctx;
  x->next_row = 1;
  int found;
  char sheet[256];
  NEOERR *err = parse_part(x, za, "xl/sharedStrings.xml", XLSX_MAX_STRINGS, ss_start, ss_end, &found);
  if (!err && !first_sheet(za, sheet, sizeof sheet))
    err = nerr_raise(NERR_PARSE, "no worksheet in the workbook");
  if (!err) {
    x->in_t = x->in_rph = 0;
    err = parse_part(x, za, sheet, XLSX_MAX_SHEET, sheet_start, sheet_end, &found);
  }
  for (size_t i = 0; i < x->nss; i++) free(x->ss[i]);
  free(x->ss);
  free(x->ss_len);
  free(x->cur.s);
  for (int i = 0; i < XLSX_MAX_COLS; i++) free(x->cells[i].s);
  free(x);
  zip_discard(za);
  return err;
}
