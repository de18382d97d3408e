/* Page templates rendered with hostile values (core/render.c, escaping on):
 * every data path a template names (Customer.name, Form.Errors.phone,
 * Error.Key, ...) gets one of the input's lines, which may be markup,
 * template syntax, invalid UTF-8, a language key or a huge number; then
 * every value also goes through each escaping and formatting function a
 * template can call. */
#include "fuzz.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/render.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const pages[] = {
  "error.cs", "account/login.cs", "customers/show.cs", "customers/form.cs",
  "customers/list.cs", "complaints/show.cs", "complaint_public/receipt.cs",
  "plans/show.cs", "dashboard/overview.cs",
};

#define MAX_PATHS 2048
static char *paths[MAX_PATHS];
static int npaths;
static CSPARSE *filters;

/* The data paths a template names: "Word.word..." not under L. */
static void scan(const char *text)
{
  for (const char *p = text; *p && npaths < MAX_PATHS; p++) {
    if (!isupper((unsigned char)*p) || (p > text && (isalnum((unsigned char)p[-1]) ||
                                                     p[-1] == '.' || p[-1] == '_')))
      continue;
    const char *q = p;
    while (isalnum((unsigned char)*q) || *q == '_' || *q == '.') q++;
    size_t n = q - p;
    if (n < 3 || !memchr(p, '.', n) || p[n - 1] == '.' || strncmp(p, "L.", 2) == 0) {
      p = q - 1;
      continue;
    }
    char *path = strndup(p, n);
    int seen = 0;
    for (int i = 0; i < npaths && !seen; i++) seen = strcmp(paths[i], path) == 0;
    if (seen) free(path);
    else paths[npaths++] = path;
    p = q - 1;
  }
}

static int setup(void)
{
  char dir[4096], file[4200];
  snprintf(dir, sizeof dir, "%s/templates", fuzz_root());
  NEOERR *err = render_init(dir);
  if (!err) {
    snprintf(file, sizeof file, "%s/conf/lang", fuzz_root());
    err = i18n_init(file);
  }
  for (size_t i = 0; !err && i < sizeof pages / sizeof pages[0]; i++) {
    char *text = NULL;
    snprintf(file, sizeof file, "%s/%s", dir, pages[i]);
    if (!(err = ne_load_file(file, &text))) scan(text);
    free(text);
  }
  /* Every function a template may apply to a value. */
  static char source[] =
      "<?cs each:v = V ?><?cs var:v ?><?cs var:html_escape(v) ?>"
      "<?cs var:url_escape(v) ?><?cs var:js_escape(v) ?><?cs var:html_strip(v) ?>"
      "<?cs var:text_html(v) ?><?cs var:money(v) ?><?cs var:string.length(v) ?>"
      "<?cs var:string.slice(v, 1, 5) ?><?cs var:#v + 1 ?><?cs /each ?>";
  if (!err) err = cs_init(&filters, NULL);
  if (!err) err = cgi_register_strfuncs(filters);
  if (!err) err = cs_register_strfunc(filters, "money", format_money_strfunc);
  if (!err) err = cs_parse_string(filters, source, strlen(source));
  if (err) {
    nerr_ignore(&err);
    return 0;
  }
  return 1;
}

static NEOERR *out_string(void *ctx, char *s)
{
  return string_append(ctx, s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  if (!ready && !(ready = setup())) return 0;
  char *text = malloc(size + 1);
  HDF *hdf = NULL;
  if (!text || hdf_init(&hdf)) {
    free(text);
    return 0;
  }
  memcpy(text, data, size);
  text[size] = '\0';
  NEOERR *err = STATUS_OK;
  /* Line k goes to paths k, k + lines, k + 2 * lines, ... */
  char *lines[64];
  int nlines = 0;
  for (char *save = NULL, *l = strtok_r(text, "\n", &save); l && nlines < 64;
       l = strtok_r(NULL, "\n", &save))
    lines[nlines++] = l;
  for (int i = 0; nlines && i < npaths && !err; i++)
    err = hdf_set_value(hdf, paths[i], lines[i % nlines]);
  for (int i = 0; i < nlines && !err; i++) {
    char key[16];
    snprintf(key, sizeof key, "V.%d", i);
    err = hdf_set_value(hdf, key, lines[i]);
  }
  STRING out;
  string_init(&out);
  for (size_t i = 0; !err && i < sizeof pages / sizeof pages[0]; i++) {
    for (int l = 0; l < 2 && !err; l++) {
      err = render(pages[i], hdf, i18n_hdf(l ? "en" : "zh-CN"), &out);
      string_clear(&out);
    }
  }
  if (!err) {
    filters->hdf = hdf;
    err = cs_render(filters, &out, out_string);
    filters->hdf = NULL;
  }
  if (err) nerr_ignore(&err);
  string_clear(&out);
  hdf_destroy(&hdf);
  free(text);
  return 0;
}
