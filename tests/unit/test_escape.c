/* Output escaping: templates rendered through cgi-bin/core/render.h (the
 * project's ClearSilver setup, Config.VarEscapeMode = html) must escape
 * markup in data, and the URL escaping used for ?next= must work. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/render.h"

static char dir[64];

static void write_template(const char *name, const char *text)
{
  char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  assert_int_equal(fputs(text, f) >= 0, 1);
  assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/kehu-test-escape-XXXXXX");
  if (!mkdtemp(dir)) return -1;
  write_template("var.cs", "<p title=\"<?cs var:T ?>\"><?cs var:T ?></p>");
  write_template("url.cs", "<a href=\"/login?next=<?cs var:url_escape(P) ?>\">x</a>");
  write_template("global.cs", "<h1><?cs var:L.Title ?></h1><b><?cs var:Name ?></b>");
  write_template("money.cs", "<td><?cs var:money(Amount) ?></td>");
  NEOERR *err = render_init(dir);
  if (err) { nerr_ignore(&err); return -1; }
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  render_destroy();
  const char *names[] = { "var.cs", "url.cs", "global.cs", "money.cs" };
  char path[128];
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  rmdir(dir);
  return 0;
}

/* Renders `name` with one data value; returns a malloc'd copy. */
static char *render1(const char *name, const char *key, const char *value,
                     HDF *global)
{
  HDF *data = NULL;
  STRING out;
  string_init(&out);
  assert_null(hdf_init(&data));
  assert_null(hdf_set_value(data, key, value));
  NEOERR *err = render(name, data, global, &out);
  if (err) {
    STRING msg;
    string_init(&msg);
    nerr_error_string(err, &msg);
    print_error("render failed: %s\n", msg.buf ? msg.buf : "?");
    string_clear(&msg);
    nerr_ignore(&err);
    fail();
  }
  char *copy = strdup(out.buf ? out.buf : "");
  string_clear(&out);
  hdf_destroy(&data);
  assert_non_null(copy);
  return copy;
}

static void test_html_escaped(void **state)
{
  (void)state;
  char *s = render1("var.cs", "T", "<script>\"'&</script>", NULL);
  assert_null(strstr(s, "<script>"));
  assert_null(strstr(s, "\"'"));
  assert_non_null(strstr(s, "&lt;script&gt;"));
  assert_non_null(strstr(s, "&amp;"));
  assert_non_null(strstr(s, "&quot;"));
  assert_null(strchr(s + strlen("<p title=\""), '\''));  /* ' escaped too */
  /* Exactly the template's own markup survives. */
  assert_true(strncmp(s, "<p title=\"", 10) == 0);
  assert_true(strlen(s) > 7 && strcmp(s + strlen(s) - 4, "</p>") == 0);
  free(s);
}

static void test_attribute_breakout_escaped(void **state)
{
  (void)state;
  char *s = render1("var.cs", "T", "\" onmouseover=\"alert(1)", NULL);
  assert_null(strstr(s, "\" onmouseover=\""));
  assert_non_null(strstr(s, "&quot; onmouseover=&quot;alert(1)"));
  free(s);
}

static void test_chinese_untouched(void **state)
{
  (void)state;
  char *s = render1("var.cs", "T", "上海华东贸易有限公司", NULL);
  assert_non_null(strstr(s, ">上海华东贸易有限公司<"));
  free(s);
}

static void test_global_strings_and_data_escaped(void **state)
{
  (void)state;
  HDF *global = NULL;
  assert_null(hdf_init(&global));
  assert_null(hdf_set_value(global, "L.Title", "Customers & <Co>"));
  char *s = render1("global.cs", "Name", "<i>x</i>", global);
  hdf_destroy(&global);
  assert_non_null(strstr(s, "Customers &amp; &lt;Co&gt;"));
  assert_non_null(strstr(s, "<b>&lt;i&gt;x&lt;/i&gt;</b>"));
  free(s);
}

static void test_url_escape_in_template(void **state)
{
  (void)state;
  char *s = render1("url.cs", "P", "/customers?q=华&region=a b", NULL);
  /* No raw reserved characters or spaces inside the parameter. */
  const char *p = strstr(s, "next=");
  assert_non_null(p);
  p += 5;
  const char *end = strchr(p, '"');
  assert_non_null(end);
  for (const char *c = p; c < end; c++) {
    assert_true(*c != ' ' && *c != '?' && *c != '&' && *c != '=' &&
                (unsigned char)*c < 0x80);
  }
  /* "/customers?q=华&region=a b", every reserved byte encoded; the space
   * may be '+' or %20. */
  static const char prefix[] = "%2Fcustomers%3Fq%3D%E5%8D%8E%26region%3Da";
  const size_t n = sizeof prefix - 1;
  assert_true(strncmp(p, prefix, n) == 0);
  assert_true(strncmp(p + n, "+b\"", 3) == 0 || strncmp(p + n, "%20b\"", 5) == 0);
  free(s);
}

static void test_cgi_url_escape(void **state)
{
  (void)state;
  char *esc = NULL;
  assert_null(cgi_url_escape("a b&c=d?e/华\"<", &esc));
  assert_non_null(esc);
  assert_null(strchr(esc, ' '));
  assert_null(strchr(esc, '&'));
  assert_null(strchr(esc, '='));
  assert_null(strchr(esc, '?'));
  assert_null(strchr(esc, '"'));
  assert_null(strchr(esc, '<'));
  assert_non_null(strstr(esc, "%E5%8D%8E"));
  assert_non_null(strstr(esc, "%26"));
  assert_true(strncmp(esc, "a", 1) == 0);
  free(esc);
  assert_null(cgi_url_escape("plain-ASCII_0.9", &esc));
  assert_string_equal(esc, "plain-ASCII_0.9");
  free(esc);
}

static void test_money_function_registered(void **state)
{
  (void)state;
  char *s = render1("money.cs", "Amount", "1234567.5", NULL);
  assert_string_equal(s, "<td>1,234,567.50</td>");
  free(s);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_html_escaped),
    cmocka_unit_test(test_attribute_breakout_escaped),
    cmocka_unit_test(test_chinese_untouched),
    cmocka_unit_test(test_global_strings_and_data_escaped),
    cmocka_unit_test(test_url_escape_in_template),
    cmocka_unit_test(test_cgi_url_escape),
    cmocka_unit_test(test_money_function_registered),
  };
  return cmocka_run_group_tests_name("escape", tests, setup, teardown);
}
