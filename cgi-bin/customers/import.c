/* The import job: customers, orders or payments from CSV (UTF-8 with or
 * without BOM, GBK/GB18030, UTF-16 with BOM) or XLSX: upload, preview with
 * every row's errors, and an all-or-nothing commit with progress. What a
 * row means is its kind's (customers/import.h); this file holds what the
 * kinds share: the file, its header, the rows' errors and the spools. */
#include "customers/pages.h"
#include "customers/import.h"
#include "customers/fields.h"
#include "core/charset.h"
#include "core/csv_in.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/page.h"
#include "core/session.h"
#include "core/utf8.h"
#include "core/xlsx_in.h"
#include "db/analysis_settings.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROWS 200000          /* data rows in one file */
#define MAX_ERRORS 100000        /* errors kept for the preview */
#define PREVIEW_ROWS 50
#define ERRORS_PER_PAGE 100
#define KEEP_DAYS 1              /* files of uncommitted jobs live this long */

static const struct import_kind *const kinds[] = {
  &import_customers, &import_orders, &import_payments,
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

/* The kind a form names (?what=), customers by default. */
static const struct import_kind *kind_named(const char *what)
{
  for (size_t i = 0; what && i < NKINDS; i++)
    if (strcmp(what, kinds[i]->what) == 0) return kinds[i];
  return &import_customers;
}

static const struct import_kind *kind_of_entity(const char *entity)
{
  for (size_t i = 0; i < NKINDS; i++)
    if (strcmp(entity, kinds[i]->entity) == 0) return kinds[i];
  return &import_customers;
}

/* --- spool files ------------------------------------------------------------------- */

static const char *var_dir(void)
{
  const char *v = getenv("KEHU_VAR");
  return v && *v ? v : "var";
}

static void job_path(char *out, size_t n, long long id, const char *ext)
{
  snprintf(out, n, "%s/imports/%lld.%s", var_dir(), id, ext);
}

/* TSV cell: backslash, tab, CR and LF escaped. */
static void tsv_put(FILE *f, const char *s)
{
  for (; *s; s++) {
    switch (*s) {
    case '\\': fputs("\\\\", f); break;
    case '\t': fputs("\\t", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    default: fputc(*s, f);
    }
  }
}

/* Splits a TSV line in place into at most max cells, unescaping them. */
static int tsv_split(char *line, char **cells, int max)
{
  int n = 0;
  char *w = line, *start = line;
  for (char *p = line;; p++) {
    if (*p == '\t' || *p == '\n' || *p == '\0') {
      char end = *p;
      *w = '\0';
      if (n < max) cells[n++] = start;
      if (end != '\t') break;
      start = w = p + 1;
      continue;
    }
    if (*p == '\\' && p[1]) {
      p++;
      *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
    } else {
      *w++ = *p;
    }
  }
  return n;
}

/* getline into a growing buffer; 0 at the end. */
static int read_line(FILE *f, char **buf, size_t *cap)
{
  return getline(buf, cap, f) > 0;
}

static long count_lines(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  long n = 0;
  int c;
  while ((c = getc(f)) != EOF) n += c == '\n';
  fclose(f);
  return n;
}

void import_spool_row(struct import_parse *p, long ordinal, long row, const char *const *values)
{
  fprintf(p->tsv, "%ld", row);
  for (int c = 0; c < p->kind->nspool; c++) {
    fputc('\t', p->tsv);
    tsv_put(p->tsv, values[c]);
  }
  fputs(p->rows[ordinal].bad ? "\t1\n" : "\t0\n", p->tsv);
}

void *import_more(void *items, long count, long *cap, size_t size)
{
  if (count < *cap) return items;
  long more = *cap ? *cap * 2 : 256;
  void *bigger = realloc(items, (size_t)more * size);
  if (bigger) *cap = more;
  return bigger;
}

/* --- the rows' errors ---------------------------------------------------------------- */

NEOERR *import_file_fail(struct import_parse *p, const char *key, const char *arg)
{
  p->file_error = key;
  snprintf(p->file_error_arg, sizeof p->file_error_arg, "%s", arg ? arg : "");
  return nerr_raise(NERR_PARSE, "import: %s %s", key, p->file_error_arg);
}

NEOERR *import_error(struct import_parse *p, long ordinal, long row, int col, const char *msg,
                     const char *value)
{
  p->rows[ordinal].bad = 1;
  if (p->nerrors >= MAX_ERRORS) { p->errors_dropped++; return STATUS_OK; }
  struct import_error *e = import_more(p->errors, p->nerrors, &p->cap_errors, sizeof *e);
  if (!e) return nerr_raise(NERR_NOMEM, "import errors");
  p->errors = e;
  e = &p->errors[p->nerrors];
  e->row = row;
  e->col = col;
  e->seq = p->nerrors;
  e->msg = strdup(msg);
  /* The value shown next to the message: at most 60 bytes, cut at a
   * character boundary. */
  size_t n = strlen(value ? value : "");
  if (n > 60) {
    n = 60;
    while (n && ((unsigned char)value[n] & 0xc0) == 0x80) n--;
  }
  e->value = strndup(value ? value : "", n);
  if (!e->msg || !e->value) {
    free(e->msg);
    free(e->value);
    return nerr_raise(NERR_NOMEM, "import errors");
  }
  p->nerrors++;
  return STATUS_OK;
}

const char *import_msg(struct import_parse *p, const char *key)
{
  char k[96];
  snprintf(k, sizeof k, "Import.Err.%s", key);
  return i18n_get(p->r->lang, k);
}

NEOERR *import_error_first(struct import_parse *p, long ordinal, long row, int col,
                           const char *key, long first, const char *value)
{
  char after[64], m[256];
  snprintf(after, sizeof after, "%sAfter", key);
  snprintf(m, sizeof m, "%s %ld%s", import_msg(p, key), first, import_msg(p, after));
  return nerr_pass(import_error(p, ordinal, row, col, m, value));
}


static int cmp_errors(const void *a, const void *b)
{
  const struct import_error *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static NEOERR *write_errors(struct import_parse *p, const char *path)
{
  if (p->nerrors) qsort(p->errors, p->nerrors, sizeof *p->errors, cmp_errors);
  FILE *f = fopen(path, "w");
  if (!f) return nerr_raise_errno(NERR_IO, "%s", path);
  for (long i = 0; i < p->nerrors; i++) {
    fprintf(f, "%ld\t%s\t", p->errors[i].row, p->kind->cols[p->errors[i].col]);
    tsv_put(f, p->errors[i].value);
    fputc('\t', f);
    tsv_put(f, p->errors[i].msg);
    fputc('\n', f);
  }
  if (fclose(f) != 0) return nerr_raise_errno(NERR_IO, "%s", path);
  return STATUS_OK;
}

/* --- cells and rows ------------------------------------------------------------------ */

NEOERR *import_cells(struct import_parse *p, long row, int ncells, const char *const *cells,
                     const size_t *lens, struct import_cells *c)
{
  const struct import_kind *k = p->kind;
  NEOERR *err = import_next_row(p, row, &c->ordinal);
  if (err) return nerr_pass(err);
  for (int i = 0; i < k->ncols; i++) {
    c->raw[i] = c->own[i] = NULL;
    c->v[i][0] = '\0';
  }
  for (int i = 0; i < ncells && i < p->ncols_file; i++) {
    int col = p->map[i];
    if (col < 0) continue;
    c->raw[col] = cells[i];
    if (!utf8_valid(cells[i], lens[i])) c->own[col] = "BadChars";
    else customer_field_trimmed(cells[i], c->v[col], IMPORT_CELL_MAX);
  }
  for (int i = 0; i < k->ncols; i++)
    if (!c->own[i] && k->required[i] && !c->v[i][0]) c->own[i] = "Required";
  return STATUS_OK;
}

NEOERR *import_cells_done(struct import_parse *p, long row, const struct import_cells *c,
                          const char *const *spool)
{
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < p->kind->ncols; i++)
    if (c->own[i])
      err = import_error(p, c->ordinal, row, i,
                         strcmp(c->own[i], "Required") == 0
                             ? i18n_get(p->r->lang, "Valid.Required")
                             : import_msg(p, c->own[i]),
                         c->raw[i] ? c->raw[i] : "");
  if (!err) import_spool_row(p, c->ordinal, row, spool);
  return nerr_pass(err);
}

NEOERR *import_next_row(struct import_parse *p, long row, long *ordinal)
{
  if (p->total >= MAX_ROWS) {
    char n[32];
    snprintf(n, sizeof n, "%d", MAX_ROWS);
    return import_file_fail(p, "TooManyRows", n);
  }
  struct import_row *rows = import_more(p->rows, p->total, &p->cap_rows, sizeof *rows);
  if (!rows) return nerr_raise(NERR_NOMEM, "rows");
  p->rows = rows;
  *ordinal = p->total++;
  p->rows[*ordinal] = (struct import_row){ .row = row, .cust = -1 };
  return STATUS_OK;
}

/* --- the header ---------------------------------------------------------------------- */

/* Trimmed copy of a header cell without a trailing "*" (required mark). */
static void header_text(const char *s, char *out, size_t n)
{
  while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
  snprintf(out, n, "%s", s);
  size_t len = strlen(out);
  while (len && strchr(" \t\r\n*", out[len - 1])) len--;
  if (len >= 3 && memcmp(out + len - 3, "\xef\xbc\x8a", 3) == 0) len -= 3;   /* ＊ */
  out[len] = '\0';
}

/* The kind's column a header cell names; -2 for an empty one (not read),
 * -1 for none. */
static int header_col(const struct import_kind *k, const char *cell)
{
  char h[256];
  header_text(cell, h, sizeof h);
  if (!*h) return -2;
  for (int i = 0; i < k->ncols; i++) {
    char key[64];
    snprintf(key, sizeof key, "Import.%s.%s", k->node, k->cols[i]);
    if (strcmp(h, k->zh[i]) == 0 || strcasecmp(h, k->cols[i]) == 0 ||
        strcasecmp(h, i18n_get("en", key)) == 0)
      return i;
  }
  return -1;
}

NEOERR *import_required_columns(struct import_parse *p, const int *seen)
{
  for (int c = 0; c < p->kind->ncols; c++)
    if (p->kind->required[c] && !seen[c])
      return import_file_fail(p, "MissingColumn", p->kind->zh[c]);
  return STATUS_OK;
}

static NEOERR *header_row(struct import_parse *p, int ncells, const char *const *cells)
{
  const struct import_kind *k = p->kind;
  p->map = malloc((ncells ? ncells : 1) * sizeof *p->map);
  if (!p->map) return nerr_raise(NERR_NOMEM, "header");
  p->ncols_file = ncells;
  int seen[IMPORT_MAX_COLS] = { 0 };
  STRING unknown;
  string_init(&unknown);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < ncells && !err; i++) {
    int c = header_col(k, cells[i]);
    p->map[i] = c < 0 ? -1 : c;
    if (c == -1) {
      char h[256];
      header_text(cells[i], h, sizeof h);
      if (utf8_valid(h, strlen(h)))
        err = string_appendf(&unknown, "%s“%s”", !unknown.len ? ""
                             : strcmp(p->r->lang, "en") == 0 ? ", " : "、", h);
    } else if (c >= 0 && seen[c]++) {
      err = import_file_fail(p, "DuplicateColumn", k->zh[c]);
    }
  }
  if (!err && unknown.len) err = import_file_fail(p, "UnknownColumns", unknown.buf);
  string_clear(&unknown);
  if (!err) err = k->check_header(p, seen);
  if (!err) p->header_done = 1;
  return nerr_pass(err);
}

/* --- reading the file ---------------------------------------------------------------- */

static void parse_free(struct import_parse *p)
{
  if (p->own) p->kind->end(p);
  free(p->own);
  free(p->table);
  import_lookup_free(p);
  hdf_destroy(&p->refs);
  free(p->map);
  free(p->rows);
  for (long i = 0; i < p->nerrors; i++) {
    free(p->errors[i].msg);
    free(p->errors[i].value);
  }
  free(p->errors);
  if (p->tsv) fclose(p->tsv);
}

static int all_empty(int ncells, const char *const *cells)
{
  char buf[64];
  for (int i = 0; i < ncells; i++)
    if (*customer_field_trimmed(cells[i], buf, sizeof buf)) return 0;
  return 1;
}

static NEOERR *on_row(void *ctx, long row, int ncells, const char *const *cells,
                      const size_t *lens)
{
  struct import_parse *p = ctx;
  if (all_empty(ncells, cells)) return STATUS_OK;
  if (!p->header_done) return nerr_pass(header_row(p, ncells, cells));
  return nerr_pass(p->kind->row(p, row, ncells, cells, lens));
}

static NEOERR *parse_csv(struct import_parse *p, const char *data, size_t n, const char *charset)
{
  char *text;
  size_t len;
  NEOERR *err = charset_to_utf8(data, n, charset, &text, &len);
  if (err) {
    nerr_ignore(&err);
    return import_file_fail(p, "Encoding", charset);
  }
  struct csv_in c;
  csv_in_init(&c, text, len, 0);
  int rc;
  long record = 0;
  const char **cells = NULL;
  size_t *lens = NULL;
  int cap = 0;
  while (!err && (rc = csv_in_next(&c)) == 1) {
    record++;
    int nf = csv_in_count(&c);
    if (nf > cap) {
      cap = nf;
      const char **nc = realloc(cells, cap * sizeof *cells);
      if (nc) cells = nc;
      size_t *nl = realloc(lens, cap * sizeof *lens);
      if (nl) lens = nl;
      if (!nc || !nl) { err = nerr_raise(NERR_NOMEM, "csv"); break; }
    }
    for (int i = 0; i < nf; i++) {
      cells[i] = csv_in_field(&c, i);
      lens[i] = csv_in_len(&c, i);
    }
    err = on_row(p, record, nf, cells, lens);
  }
  if (!err && rc < 0) {
    char line[32];
    snprintf(line, sizeof line, "%ld", c.line);
    err = import_file_fail(p, "BadCsv", line);
  }
  free(cells);
  free(lens);
  csv_in_free(&c);
  free(text);
  return nerr_pass(err);
}

/* Files of jobs older than KEEP_DAYS are removed (their rows in
 * import_jobs stay as the record), and so are spool files a crashed
 * upload left behind. */
static void clean_up(void)
{
  char path[1024];
  snprintf(path, sizeof path, "%s/imports", var_dir());
  DIR *d = opendir(path);
  if (!d) return;
  struct dirent *de;
  time_t now = time(NULL);
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char f[1300];
    struct stat st;
    snprintf(f, sizeof f, "%s/%s", path, de->d_name);
    if (stat(f, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > KEEP_DAYS * 86400L)
      unlink(f);
  }
  closedir(d);
}

/* The whole upload in memory (the route allows 20 MiB). */
static NEOERR *read_upload(FILE *fp, char **data, size_t *n)
{
  *data = NULL;
  *n = 0;
  size_t cap = 1 << 16, len = 0;
  char *b = malloc(cap);
  if (!b) return nerr_raise(NERR_NOMEM, "upload");
  size_t got;
  if (fseek(fp, 0, SEEK_SET) != 0) { free(b); return nerr_raise_errno(NERR_IO, "upload"); }
  while ((got = fread(b + len, 1, cap - len, fp)) > 0) {
    len += got;
    if (len == cap) {
      char *nb = realloc(b, cap * 2);
      if (!nb) { free(b); return nerr_raise(NERR_NOMEM, "upload"); }
      b = nb;
      cap *= 2;
    }
  }
  if (ferror(fp)) { free(b); return nerr_raise_errno(NERR_IO, "upload"); }
  *data = b;
  *n = len;
  return STATUS_OK;
}

/* Binary files that are not XLSX: images, PDFs, old .xls, ... */
static int looks_binary(const char *d, size_t n)
{
  if (n >= 2 && (memcmp(d, "\xff\xfe", 2) == 0 || memcmp(d, "\xfe\xff", 2) == 0)) return 0;
  size_t check = n < 4096 ? n : 4096;
  return memchr(d, '\0', check) != NULL;
}

/* Shows the form again with a message about the file. */
static NEOERR *upload_refused(struct req *r, const char *key, const char *arg)
{
  char k[96];
  snprintf(k, sizeof k, "Import.Error.%s", key);
  NEOERR *err = hdf_set_value(r->hdf, "Import.Error", i18n_get(r->lang, k));
  if (!err && arg && *arg) err = hdf_set_value(r->hdf, "Import.ErrorArg", arg);
  if (err) return nerr_pass(err);
  r->status = 422;
  return nerr_pass(customers_import_form(r));
}

/* The uploaded file's name without a client's folders. */
static const char *file_name(struct req *r)
{
  const char *name = hdf_get_value(r->hdf, "Query.file", "");
  const char *slash = strrchr(name, '/'), *bslash = strrchr(name, '\\');
  if (slash && (!bslash || slash > bslash)) return slash + 1;
  return bslash ? bslash + 1 : name;
}

/* The upload's spools while it is read: up-<token>.<ext>. */
struct upload_files {
  char tsv[1100], err[1100], extra[1100];
};

/* Reads the file into the spools; p->file_error names what is wrong with
 * the file itself. */
static NEOERR *read_file(struct import_parse *p, const char *data, size_t n, const char *format,
                         const char **charset, const struct upload_files *up)
{
  NEOERR *err = STATUS_OK;
  if (!(p->tsv = fopen(up->tsv, "w"))) return nerr_raise_errno(NERR_IO, "%s", up->tsv);
  const struct import_kind *k = p->kind;
  if (k->own_size && !(p->own = calloc(1, k->own_size))) return nerr_raise(NERR_NOMEM, "import");
  if (k->owners) err = import_load_owners(p);
  if (!err && k->table_read)
    err = import_refs(p, k->table_read, "T", k->table_fields, &p->table, &p->ntable);
  if (!err && strcmp(format, "xlsx") == 0) {
    err = xlsx_in_read(data, n, on_row, p);
    if (err && !p->file_error && nerr_match(err, NERR_PARSE)) {
      nerr_ignore(&err);
      err = import_file_fail(p, "BadXlsx", NULL);
    }
  } else if (!err) {
    *charset = charset_detect(data, n);
    err = parse_csv(p, data, n, *charset);
  }
  if (!err && !p->header_done) err = import_file_fail(p, "NoHeader", NULL);
  if (!err && p->total == 0) err = import_file_fail(p, "NoRows", NULL);
  if (!err) err = p->kind->finish(p, up->extra);
  if (!err && fclose(p->tsv) != 0) err = nerr_raise_errno(NERR_IO, "%s", up->tsv);
  p->tsv = NULL;
  if (!err) err = write_errors(p, up->err);
  return nerr_pass(err);
}

/* The job's row and its files in their place. */
static NEOERR *make_job(struct import_parse *p, const char *format, const char *charset,
                        const struct upload_files *up, long long *job)
{
  long bad = 0;
  for (long i = 0; i < p->total; i++) bad += p->rows[i].bad;
  struct import_job_info info = {
    .entity = p->kind->entity, .filename = file_name(p->r), .format = format,
    .charset = charset, .total = p->total, .bad_rows = bad,
    .errors = p->nerrors + p->errors_dropped,
  };
  NEOERR *err = db_import_job_create(&p->r->user, &info, job);
  char final[1100];
  job_path(final, sizeof final, *job, "tsv");
  if (!err && rename(up->tsv, final) != 0) err = nerr_raise_errno(NERR_IO, "rename %s", final);
  job_path(final, sizeof final, *job, "err");
  if (!err && rename(up->err, final) != 0) err = nerr_raise_errno(NERR_IO, "rename %s", final);
  if (!err && p->kind->extra) {
    job_path(final, sizeof final, *job, p->kind->extra);
    if (rename(up->extra, final) != 0) err = nerr_raise_errno(NERR_IO, "rename %s", final);
  }
  return nerr_pass(err);
}

NEOERR *customers_import_upload(struct req *r)
{
  FILE *fp = cgi_filehandle(r->cgi, "file");
  if (!fp) return nerr_pass(upload_refused(r, "NoFile", NULL));
  char *data;
  size_t n;
  NEOERR *err = read_upload(fp, &data, &n);
  if (err) return nerr_pass(err);
  if (n == 0) { free(data); return nerr_pass(upload_refused(r, "Empty", NULL)); }
  const char *format = xlsx_in_is_zip(data, n) ? "xlsx" : "csv";
  if (strcmp(format, "csv") == 0 && looks_binary(data, n)) {
    free(data);
    return nerr_pass(upload_refused(r, "NotSupported", NULL));
  }
  clean_up();
  char dir[1024];
  snprintf(dir, sizeof dir, "%s/imports", var_dir());
  if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
    free(data);
    return nerr_raise_errno(NERR_IO, "mkdir %s", dir);
  }
  char token[17];
  token_random(token, 8);
  struct upload_files up;
  snprintf(up.tsv, sizeof up.tsv, "%s/up-%s.tsv", dir, token);
  snprintf(up.err, sizeof up.err, "%s/up-%s.err", dir, token);
  snprintf(up.extra, sizeof up.extra, "%s/up-%s.extra", dir, token);
  struct import_parse p;
  memset(&p, 0, sizeof p);
  p.r = r;
  p.kind = kind_named(req_param(r, "what"));
  const char *charset = "";
  long long job = 0;
  err = read_file(&p, data, n, format, &charset, &up);
  free(data);
  if (!err) err = make_job(&p, format, charset, &up, &job);
  const char *file_error = p.file_error;
  char arg[512];
  snprintf(arg, sizeof arg, "%s", p.file_error_arg);
  parse_free(&p);
  if (err) {
    unlink(up.tsv);
    unlink(up.err);
    unlink(up.extra);
    if (file_error) {
      nerr_ignore(&err);
      return nerr_pass(upload_refused(r, file_error, arg));
    }
    return nerr_pass(err);
  }
  return nerr_pass(req_redirect(r, "/customers/import/%lld", job));
}

/* --- the form ------------------------------------------------------------------- */

NEOERR *import_kind_cols(HDF *h, const struct import_kind *k, const char *prefix)
{
  NEOERR *err = STATUS_OK;
  char name[64];
  for (int c = 0; !err && c < k->ncols; c++) {
    snprintf(name, sizeof name, "%s.%d.name", prefix, c);
    err = hdf_set_value(h, name, k->cols[c]);
    snprintf(name, sizeof name, "%s.%d.zh", prefix, c);
    if (!err) err = hdf_set_value(h, name, k->zh[c]);
    snprintf(name, sizeof name, "%s.%d.required", prefix, c);
    if (!err && k->required[c]) err = hdf_set_value(h, name, "1");
  }
  return nerr_pass(err);
}

NEOERR *customers_import_form(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err = hdf_set_value(h, "Page.Section", "customers");
  for (size_t i = 0; !err && i < NKINDS; i++) err = kinds[i]->form_cols(h);
  if (!err) err = hdf_set_value(h, "Import.What", kind_named(req_param(r, "what"))->what);
  if (!err) err = db_import_regions(h, "Import.Regions");
  if (err) return nerr_pass(err);
  r->template = "customers/import.cs";
  return STATUS_OK;
}

/* --- the preview ------------------------------------------------------------------ */

/* Region, owner and product names for the preview, under
 * Import.RegionName.<id>, Import.OwnerName.<id>, Import.ProductName.<id>. */
static NEOERR *names(struct req *r)
{
  static const struct { const char *node, *field, *key; } sets[] = {
    { "R", NULL, "Import.RegionName" },
    { "O", "display_name", "Import.OwnerName" },
    { "P", "name", "Import.ProductName" },
  };
  HDF *tmp;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = db_import_regions(tmp, "R");
  if (!err) err = db_import_owners(tmp, "O");
  if (!err) err = db_import_products(tmp, "P");
  const char *region_field = strcmp(r->lang, "en") == 0 ? "name_en" : "name_zh";
  char key[96];
  for (size_t s = 0; !err && s < sizeof sets / sizeof sets[0]; s++) {
    const char *field = sets[s].field ? sets[s].field : region_field;
    for (HDF *g = hdf_get_child(tmp, sets[s].node); !err && g; g = hdf_obj_next(g)) {
      snprintf(key, sizeof key, "%s.%s", sets[s].key, hdf_get_value(g, "id", "0"));
      err = hdf_set_value(r->hdf, key, hdf_get_value(g, field, ""));
    }
  }
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

static NEOERR *job_or_404(struct req *r, const struct import_kind **kind)
{
  int found;
  NEOERR *err = db_import_job_get(&r->user, r->id, r->hdf, "Job", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(app_fail(r, KERR_NOT_FOUND, "ImportNotFound"));
  *kind = kind_of_entity(hdf_get_value(r->hdf, "Job.entity", ""));
  return STATUS_OK;
}

/* The first rows of the spool under Rows.N; their row numbers in rownum. */
static NEOERR *preview_rows(struct req *r, const struct import_kind *k, FILE *f, long *rownum,
                            int *nrows)
{
  NEOERR *err = STATUS_OK;
  int nf = k->nspool;
  char *line = NULL, *cells[IMPORT_MAX_COLS + 2];
  size_t cap = 0;
  char key[96];
  *nrows = 0;
  for (int i = 0; !err && i < PREVIEW_ROWS && read_line(f, &line, &cap); i++) {
    int n = tsv_split(line, cells, nf + 2);
    if (n != nf + 2) continue;
    rownum[(*nrows)++] = atol(cells[0]);
    snprintf(key, sizeof key, "Rows.%d.row", i);
    err = hdf_set_value(r->hdf, key, cells[0]);
    snprintf(key, sizeof key, "Rows.%d.bad", i);
    if (!err && strcmp(cells[nf + 1], "1") == 0) err = hdf_set_value(r->hdf, key, "1");
    for (int c = 0; !err && c < nf; c++) {
      if (!*cells[c + 1]) continue;
      snprintf(key, sizeof key, "Rows.%d.%s", i, k->spool[c]);
      err = hdf_set_value(r->hdf, key, cells[c + 1]);
    }
  }
  free(line);
  return nerr_pass(err);
}

/* Rows shown with an error the spool line does not know of (found in the
 * table after the line was written): the errors are sorted by row, so
 * only their beginning is read. */
static NEOERR *mark_late_errors(struct req *r, FILE *f, const long *rownum, int nrows)
{
  NEOERR *err = STATUS_OK;
  char *line = NULL, key[64];
  size_t cap = 0;
  int i = 0;
  while (!err && i < nrows && read_line(f, &line, &cap)) {
    long row = atol(line);
    while (i < nrows && rownum[i] < row) i++;
    if (i < nrows && rownum[i] == row) {
      snprintf(key, sizeof key, "Rows.%d.bad", i);
      err = hdf_set_value(r->hdf, key, "1");
    }
  }
  free(line);
  return nerr_pass(err);
}

/* The errors, a page at a time, under Errors.N. */
static NEOERR *error_page(struct req *r, const char *path)
{
  HDF *h = r->hdf;
  long long nerrors = hdf_get_int_value(h, "Job.errors", 0);
  int page = (int)req_param_int(r, "page", 1, 1, 1000000);
  long long pages = nerrors ? (nerrors + ERRORS_PER_PAGE - 1) / ERRORS_PER_PAGE : 1;
  if (page > pages) page = (int)pages;
  NEOERR *err = page_pager(r, nerrors, page, ERRORS_PER_PAGE);
  FILE *f = err ? NULL : fopen(path, "r");
  if (!f) return nerr_pass(err);
  char *line = NULL, key[64];
  size_t cap = 0;
  long skip = (long)(page - 1) * ERRORS_PER_PAGE, i = 0;
  int k = 0;
  while (!err && k < ERRORS_PER_PAGE && read_line(f, &line, &cap)) {
    if (i++ < skip) continue;
    char *ec[4];
    if (tsv_split(line, ec, 4) != 4) continue;
    static const char *const names4[] = { "row", "field", "value", "message" };
    for (int c = 0; !err && c < 4; c++) {
      snprintf(key, sizeof key, "Errors.%d.%s", k, names4[c]);
      err = hdf_set_value(h, key, ec[c]);
    }
    k++;
  }
  free(line);
  fclose(f);
  return nerr_pass(err);
}

NEOERR *customers_import_preview(struct req *r)
{
  const struct import_kind *k;
  NEOERR *err = job_or_404(r, &k);
  if (err) return nerr_pass(err);
  HDF *h = r->hdf;
  if ((err = hdf_set_value(h, "Page.Section", "customers"))) return nerr_pass(err);
  const char *state = hdf_get_value(h, "Job.state", "");
  long long total = hdf_get_int_value(h, "Job.total_rows", 0);
  long long bad = hdf_get_int_value(h, "Job.bad_rows", 0);
  if ((err = hdf_set_int_value(h, "Job.good_rows", (int)(total - bad)))) return nerr_pass(err);
  r->template = "customers/import_preview.cs";
  if (strcmp(state, "done") == 0) return STATUS_OK;
  char path[1100], key[64];
  if (k->extra) {
    job_path(path, sizeof path, r->id, k->extra);
    snprintf(key, sizeof key, "Job.%s", k->extra);
    if ((err = hdf_set_int_value(h, key, (int)count_lines(path)))) return nerr_pass(err);
  }
  job_path(path, sizeof path, r->id, "tsv");
  FILE *f = fopen(path, "r");
  if (!f) return nerr_pass(hdf_set_value(h, "Job.expired", "1"));
  long rownum[PREVIEW_ROWS];
  int nrows = 0;
  err = names(r);
  if (!err) err = preview_rows(r, k, f, rownum, &nrows);
  fclose(f);
  job_path(path, sizeof path, r->id, "err");
  if (!err && nrows && (f = fopen(path, "r"))) {
    err = mark_late_errors(r, f, rownum, nrows);
    fclose(f);
  }
  if (!err) err = error_page(r, path);
  return nerr_pass(err);
}

/* --- the commit -------------------------------------------------------------------- */

static void write_progress(long long job, long long done, long long total)
{
  char path[1100], tmp[1200];
  job_path(path, sizeof path, job, "progress");
  snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) return;
  fprintf(f, "%lld %lld\n", done, total);
  if (fclose(f) == 0) rename(tmp, path);
  else unlink(tmp);
}

/* Sends every line of one spool file. */
static NEOERR *send_spool(struct req *r, struct customer_import **ci, const struct import_spool *s,
                          long long total, enum import_outcome *outcome)
{
  char path[1100];
  job_path(path, sizeof path, r->id, s->ext);
  FILE *f = fopen(path, "r");
  if (!f) {
    db_customer_import_abort(ci, "Failed");
    return nerr_raise_errno(NERR_IO, "%s", path);
  }
  int nf = s->nfields;
  char *line = NULL, *cells[IMPORT_MAX_COLS + 2];
  size_t cap = 0;
  long long sent = db_customer_import_sent(*ci);
  NEOERR *err = STATUS_OK;
  *outcome = IMPORT_OK;
  while (read_line(f, &line, &cap)) {
    if (tsv_split(line, cells, nf) != nf || (s->row_lines && strcmp(cells[nf - 1], "0") != 0)) {
      /* a row with errors cannot be here: the job had none */
      db_customer_import_abort(ci, "Failed");
      err = nerr_raise(NERR_ASSERT, "import %lld: bad spool line", r->id);
      break;
    }
    err = s->send(ci, cells, outcome);
    if (err || *outcome != IMPORT_OK) break;
    if (db_customer_import_sent(*ci) != sent) {
      sent = db_customer_import_sent(*ci);
      write_progress(r->id, sent, total);
    }
  }
  free(line);
  fclose(f);
  return nerr_pass(err);
}

/* Every spool file of a job is there (it has not expired). */
static int spools_there(struct req *r, const struct import_kind *k)
{
  char path[1100];
  for (int i = 0; i < k->nsends; i++) {
    job_path(path, sizeof path, r->id, k->sends[i].ext);
    if (access(path, R_OK) != 0) return 0;
  }
  return 1;
}

static void remove_spools(struct req *r, const struct import_kind *k)
{
  char path[1100];
  for (int i = 0; i < k->nsends; i++) {
    job_path(path, sizeof path, r->id, k->sends[i].ext);
    unlink(path);
  }
  job_path(path, sizeof path, r->id, "err");
  unlink(path);
}

NEOERR *customers_import_commit(struct req *r)
{
  const struct import_kind *k;
  NEOERR *err = job_or_404(r, &k);
  if (err) return nerr_pass(err);
  if (!spools_there(r, k)) return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
  /* progress counts rows, and for an order job its orders too */
  long long total = hdf_get_int_value(r->hdf, "Job.total_rows", 0);
  char path[1100];
  if (k->extra) {
    job_path(path, sizeof path, r->id, k->extra);
    total += count_lines(path);
  }
  struct customer_import *ci;
  enum import_outcome outcome;
  err = db_import_begin(&r->user, r->id, k->id, &ci, &outcome);
  if (err || outcome != IMPORT_OK) {
    if (err) return nerr_pass(err);
    return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
  }
  write_progress(r->id, 0, total);
  for (int i = 0; !err && ci && outcome == IMPORT_OK && i < k->nsends; i++)
    err = send_spool(r, &ci, &k->sends[i], total, &outcome);
  long long imported = 0;
  if (!err && outcome == IMPORT_OK && ci)
    err = db_customer_import_end(&ci, r->ip, &imported, &outcome);
  if (ci) db_customer_import_abort(&ci, "Failed");
  if (err) return nerr_pass(err);
  if (outcome == IMPORT_OK) {
    write_progress(r->id, total, total);
    remove_spools(r, k);
    /* The new history changes classes and lists: ask the analysis runner
     * for a run (the import is in; a failed request is only logged). */
    NEOERR *ask = db_analysis_request(&r->user, r->ip, "import", NULL);
    if (ask) log_error(&ask, "analysis request after import");
    if ((err = req_flash(r, "Imported"))) return nerr_pass(err);
  }
  return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
}

/* {"done":N,"total":M,"state":"running"} for static/import.js: rows (for
 * an order job: orders and lines) sent so far. */
NEOERR *customers_import_status(struct req *r)
{
  const struct import_kind *k;
  NEOERR *err = job_or_404(r, &k);
  if (err) return nerr_pass(err);
  const char *state = hdf_get_value(r->hdf, "Job.state", "ready");
  long long total = hdf_get_int_value(r->hdf, "Job.total_rows", 0);
  long long done = strcmp(state, "done") == 0 ? total : 0;
  if (strcmp(state, "running") == 0) {
    char path[1100];
    job_path(path, sizeof path, r->id, "progress");
    FILE *f = fopen(path, "r");
    if (f) {
      long long d, t;
      if (fscanf(f, "%lld %lld", &d, &t) == 2) { done = d; total = t; }
      fclose(f);
    }
  }
  char body[160];
  int n = snprintf(body, sizeof body, "{\"done\":%lld,\"total\":%lld,\"state\":\"%s\"}\n",
                   done, total, state);
  if ((err = req_stream(r, "application/json", NULL))) return nerr_pass(err);
  return nerr_pass(req_write(r, body, (size_t)n));
}
