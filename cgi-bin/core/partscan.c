#include "core/partscan.h"
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The part headers that may appear once each. */
static const char *const once[] = {
  "content-disposition", "content-type", "content-transfer-encoding",
};

void partscan_init(struct partscan *s, const char *boundary)
{
  memset(s, 0, sizeof *s);
  s->active = 1;
  s->delim_len = (size_t)snprintf(s->delim, sizeof s->delim, "--%s", boundary);
}

/* A header line ended: 0, or -1 when its name was seen before in this part. */
static int header(struct partscan *s)
{
  size_t n = s->line_len < sizeof s->head ? s->line_len : sizeof s->head;
  const char *colon = memchr(s->head, ':', n);
  if (!colon) return 0;
  size_t name = colon - s->head;
  for (size_t i = 0; i < sizeof once / sizeof once[0]; i++) {
    if (strlen(once[i]) != name || strncasecmp(s->head, once[i], name) != 0) continue;
    if (s->seen & (1u << i)) return -1;
    s->seen |= 1u << i;
  }
  return 0;
}

static int line_end(struct partscan *s)
{
  size_t len = s->line_len;
  if (len && len <= sizeof s->head && s->head[len - 1] == '\r') len--;
  if (s->in_headers) {
    if (len == 0) s->in_headers = 0;
    else if (header(s)) return -1;
  } else if (len >= s->delim_len && memcmp(s->head, s->delim, s->delim_len) == 0) {
    /* A delimiter: a new part's headers follow, unless it is the closing
     * one ("--" after it). */
    int closing = len >= s->delim_len + 2 && s->head[s->delim_len] == '-' &&
                  s->head[s->delim_len + 1] == '-';
    s->in_headers = !closing;
    s->seen = 0;
  }
  s->line_len = 0;
  return 0;
}

int partscan_feed(struct partscan *s, const char *buf, size_t n)
{
  if (s->bad) return -1;
  size_t i;
  for (i = 0; i < n; i++) {
    if (buf[i] == '\n') {
      if (line_end(s)) break;
      continue;
    }
    if (s->line_len < sizeof s->head) s->head[s->line_len] = buf[i];
    if (++s->line_len > PARTSCAN_MAX_HEADER && s->in_headers) break;
  }
  if (i < n) {
    s->bad = 1;
    return -1;
  }
  return 0;
}
