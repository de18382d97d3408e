/* Unit tests for uploaded files (cgi-bin/core/files.c): recognised by
 * their first bytes, and stored when the disk has no room: a file size
 * limit (RLIMIT_FSIZE) makes write() fail as a full disk would, without
 * needing a small filesystem. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/err.h"
#include "core/files.h"
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static char var[] = "/tmp/kehu-unit-files.XXXXXX";

/* Entries of $KEHU_VAR/files, "." and ".." aside. */
static int files_left(void)
{
  char dir[64];
  snprintf(dir, sizeof dir, "%s/files", var);
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
  closedir(d);
  return n;
}

static FILE *upload(size_t n)
{
  FILE *f = tmpfile();
  assert_non_null(f);
  for (size_t i = 0; i < n; i++) fputc('x', f);
  rewind(f);
  return f;
}

static void test_stored_when_there_is_room(void **state)
{
  (void)state;
  FILE *in = upload(100000);
  char stored[65];
  assert_null(file_store(in, stored));
  fclose(in);
  assert_int_equal(strlen(stored), 64);
  assert_int_equal(files_left(), 1);
  file_discard(stored);
  assert_int_equal(files_left(), 0);
}

static void test_full_disk_is_507_and_leaves_nothing(void **state)
{
  (void)state;
  FILE *in = upload(100000);
  struct rlimit old, tiny = { 4096, 4096 };
  assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
  tiny.rlim_max = old.rlim_max;
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
  char stored[65];
  NEOERR *err = file_store(in, stored);
  setrlimit(RLIMIT_FSIZE, &old);
  fclose(in);
  assert_non_null(err);
  assert_int_equal(err_status(err), 507);
  nerr_ignore(&err);
  assert_int_equal(files_left(), 0);
}

static void test_attachment_type(void **state)
{
  (void)state;
  const unsigned char jpg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F' };
  const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 };
  const unsigned char bad_png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, 'x' };
  assert_string_equal(attachment_type(jpg, sizeof jpg), "image/jpeg");
  assert_string_equal(attachment_type(png, sizeof png), "image/png");
  assert_string_equal(attachment_type((const unsigned char *)"%PDF-1.7\n", 9), "application/pdf");
  assert_null(attachment_type(bad_png, sizeof bad_png));
  assert_null(attachment_type(jpg, 2));                 /* too short to tell */
  assert_null(attachment_type(png, 7));
  assert_null(attachment_type((const unsigned char *)"%PDF", 4));
  assert_null(attachment_type((const unsigned char *)"this is text", 12));
  assert_null(attachment_type((const unsigned char *)"<svg xmlns=", 11));
  assert_null(attachment_type((const unsigned char *)"GIF89a", 6));
  assert_null(attachment_type((const unsigned char *)"", 0));
}

int main(void)
{
  /* Past the limit write() fails with EFBIG instead of killing us. */
  signal(SIGXFSZ, SIG_IGN);
  if (!mkdtemp(var) || setenv("KEHU_VAR", var, 1) != 0) return 1;
  if (err_init()) return 1;
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_attachment_type),
    cmocka_unit_test(test_stored_when_there_is_room),
    cmocka_unit_test(test_full_disk_is_507_and_leaves_nothing),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  char dir[64];
  snprintf(dir, sizeof dir, "%s/files", var);
  rmdir(dir);
  rmdir(var);
  return failed;
}
