/* Replays every corpus file under tests/fuzz/<target>/ through one harness,
 * printing cmocka's "[       OK ] name" line per file so that make test
 * counts them as unit tests. A crash or a sanitizer report ends the
 * process, which make test counts as a failure. */
#include "fuzz.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of dir (not "." files), sorted; *n of them. */
static char **list(const char *dir, int *n)
{
  DIR *d = opendir(dir);
  char **names = NULL;
  *n = 0;
  if (!d) return NULL;
  for (struct dirent *e; (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char **more = realloc(names, (*n + 1) * sizeof *names);
    if (!more) break;
    names = more;
    names[(*n)++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, *n, sizeof *names, by_name);
  return names;
}

static int replay(const char *path, const char *name)
{
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  struct stat st;
  uint8_t *data = NULL;
  size_t n = 0;
  if (fstat(fileno(f), &st) == 0 && (data = malloc(st.st_size + 1)))
    n = fread(data, 1, st.st_size, f);
  fclose(f);
  if (!data) return 0;
  LLVMFuzzerTestOneInput(data, n);
  free(data);
  printf("[       OK ] %s\n", name);
  fflush(stdout);
  return 1;
}

int main(void)
{
  char base[4096], dir[4096 + 256], path[4096 + 512];
  snprintf(base, sizeof base, "%s/tests/fuzz", fuzz_root());
  int ntargets, files = 0;
  char **targets = list(base, &ntargets);
  for (int t = 0; t < ntargets; t++) {
    snprintf(dir, sizeof dir, "%s/%s", base, targets[t]);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) { free(targets[t]); continue; }
    int n;
    char **names = list(dir, &n);
    for (int i = 0; i < n; i++) {
      char name[600];
      snprintf(path, sizeof path, "%s/%s", dir, names[i]);
      snprintf(name, sizeof name, "%s/%s", targets[t], names[i]);
      files += replay(path, name);
      free(names[i]);
    }
    free(names);
    free(targets[t]);
  }
  free(targets);
  if (files == 0) {
    printf("[  FAILED  ] no corpus files under %s\n", base);
    return 1;
  }
  return 0;
}
