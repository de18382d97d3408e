/* An uploaded CSV as the import reads it (core/charset.c then
 * core/csv_in.c): the detected encoding, and every encoding the import
 * knows forced on the same bytes; each decoded text through the reader
 * with the guessed separator and each fixed one. */
#include "fuzz.h"
#include "core/charset.h"
#include "core/csv_in.h"
#include <stdlib.h>
#include <string.h>

static void read_all(const char *text, size_t n, char sep)
{
  struct csv_in c;
  csv_in_init(&c, text, n, sep);
  while (csv_in_next(&c) == 1) {
    int count = csv_in_count(&c);
    for (int i = 0; i <= count; i++) {
      const char *f = csv_in_field(&c, i);
      size_t len = csv_in_len(&c, i);
      if (len) (void)f[len - 1];
    }
  }
  csv_in_free(&c);
}

static void decode(const char *data, size_t size, const char *from)
{
  char *text = NULL;
  size_t n = 0;
  NEOERR *err = charset_to_utf8(data, size, from, &text, &n);
  if (err) {
    nerr_ignore(&err);
    return;
  }
  (void)charset_is_utf8(text, n);
  static const char seps[] = { 0, ',', '\t', ';' };
  for (size_t i = 0; i < sizeof seps; i++) read_all(text, n, seps[i]);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *s = (const char *)data;
  decode(s, size, charset_detect(s, size));
  static const char *const all[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) decode(s, size, all[i]);
  /* The raw bytes too: the reader must not trust its input's encoding. */
  read_all(s, size, 0);
  return 0;
}
