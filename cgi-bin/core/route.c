#include "core/app.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compares one pattern with a path; "{id}" matches 1-18 digits. */
static int pattern_match(const char *pat, const char *path, long long *id)
{
  while (*pat && *path) {
    if (strncmp(pat, "{id}", 4) == 0) {
      const char *start = path;
      while (*path >= '0' && *path <= '9') path++;
      size_t n = path - start;
      if (n == 0 || n > 18 || (*start == '0' && n > 1)) return 0;
      *id = strtoll(start, NULL, 10);
      pat += 4;
      continue;
    }
    if (*pat++ != *path++) return 0;
  }
  if (strcmp(pat, "{id}") == 0) return 0;
  return *pat == '\0' && *path == '\0';
}

const struct route *route_match(const struct route *routes, const char *method,
                                const char *path, long long *id, int *path_known)
{
  *path_known = 0;
  int head = strcmp(method, "HEAD") == 0;
  for (const struct route *rt = routes; rt->pattern; rt++) {
    long long v = 0;
    if (!pattern_match(rt->pattern, path, &v)) continue;
    if (strcmp(rt->method, method) == 0 || (head && strcmp(rt->method, "GET") == 0)) {
      *id = v;
      return rt;
    }
    *path_known = 1;
  }
  return NULL;
}

void route_allow(const struct route *routes, const char *path, char *out, size_t n)
{
  int get = 0, post = 0;
  for (const struct route *rt = routes; rt->pattern; rt++) {
    long long v;
    if (!pattern_match(rt->pattern, path, &v)) continue;
    if (strcmp(rt->method, "GET") == 0) get = 1;
    if (strcmp(rt->method, "POST") == 0) post = 1;
  }
  snprintf(out, n, "%s%s%s", get ? "GET, HEAD" : "", get && post ? ", " : "",
           post ? "POST" : "");
}

static const struct { enum role role; const char *name; } roles[] = {
  { ROLE_ADMIN, "admin" },
  { ROLE_LEADER, "leader" },
  { ROLE_STAFF, "staff" },
  { ROLE_RM, "regional_manager" },
};

const char *role_name(enum role role)
{
  for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
    if (roles[i].role == role) return roles[i].name;
  return "";
}

enum role role_parse(const char *name)
{
  for (size_t i = 0; name && i < sizeof roles / sizeof roles[0]; i++)
    if (strcmp(roles[i].name, name) == 0) return roles[i].role;
  return ROLE_NONE;
}

int route_print(const struct route *routes)
{
  for (const struct route *rt = routes; rt->pattern; rt++) {
    printf("%s\t%s\t", rt->method, rt->pattern);
    if (rt->roles & ROLE_PUBLIC) {
      printf("public\n");
      continue;
    }
    const char *sep = "";
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
      if (!(rt->roles & roles[i].role)) continue;
      printf("%s%s", sep, roles[i].name);
      sep = ",";
    }
    printf("\n");
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
