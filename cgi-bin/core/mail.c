#include "core/mail.h"
#include "core/i18n.h"
#include "core/render.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NEOERR *mail_render(const char *name, HDF *data, const char *lang, char **subject,
                    char **body)
{
  *subject = *body = NULL;
  char path[96];
  snprintf(path, sizeof path, "mail/%s.cs", name);
  STRING s;
  string_init(&s);
  NEOERR *err = render(path, data, i18n_hdf(lang), &s);
  if (err) { string_clear(&s); return nerr_pass(err); }
  const char *text = s.buf ? s.buf : "";
  while (*text == '\n' || *text == ' ') text++;   /* the template's own line breaks */
  size_t cut = strcspn(text, "\n");
  const char *rest = text + cut;
  while (*rest == '\n') rest++;
  *subject = strndup(text, cut);
  *body = strdup(rest);
  string_clear(&s);
  if (!*subject || !*body) {
    free(*subject);
    free(*body);
    *subject = *body = NULL;
    return nerr_raise(NERR_NOMEM, "mail text");
  }
  return STATUS_OK;
}
