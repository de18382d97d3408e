#include "core/password_rule.h"
#include "core/utf8.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The list, read once per process: a deploy restarts the programs. Held as
 * one buffer of NUL-separated lines. */
static char *list;
static size_t list_len;
static int list_read;
static const char *list_path;

void password_rule_list(const char *path)
{
  free(list);
  list = NULL;
  list_len = 0;
  list_read = 0;
  list_path = path;
}

static void read_list(void)
{
  list_read = 1;
  char path[1024];
  if (list_path) {
    snprintf(path, sizeof path, "%s", list_path);
  } else {
    const char *root = getenv("KEHU_ROOT");
    snprintf(path, sizeof path, "%s/conf/common-passwords.txt", root && *root ? root : ".");
  }
  FILE *f = fopen(path, "r");
  if (!f) return;
  char line[256];
  size_t cap = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    size_t n = strlen(line);
    if (!n || line[0] == '#') continue;
    if (list_len + n + 1 > cap) {
      size_t ncap = cap ? cap * 2 : 4096;
      while (ncap < list_len + n + 1) ncap *= 2;
      char *grown = realloc(list, ncap);
      if (!grown) break;
      list = grown;
      cap = ncap;
    }
    memcpy(list + list_len, line, n + 1);
    list_len += n + 1;
  }
  fclose(f);
}

static int common(const char *pw)
{
  if (!list_read) read_list();
  for (size_t at = 0; at < list_len; at += strlen(list + at) + 1)
    if (strcasecmp(list + at, pw) == 0) return 1;
  return 0;
}

const char *password_rule_check(const char *pw, const char *username)
{
  if (!pw || !*pw) return "Valid.Required";
  if (strlen(pw) > PASSWORD_MAX) return "Valid.TooLong";
  if (utf8_len(pw) < PASSWORD_MIN) return "Valid.PasswordShort";
  if (username && strcasecmp(pw, username) == 0) return "Valid.PasswordName";
  if (common(pw)) return "Valid.PasswordCommon";
  return NULL;
}

void password_one_time(char out[PASSWORD_ONE_TIME + 1])
{
  /* No 0/O, 1/l/I: read aloud or copied from a screen without doubt. */
  static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (int i = 0; i < PASSWORD_ONE_TIME; i++)
    out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
  out[PASSWORD_ONE_TIME] = 0;
}
