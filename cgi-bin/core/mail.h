#ifndef KEHU_MAIL_H
#define KEHU_MAIL_H
/* A mail's text from its template, templates/mail/<name>.cs, in one
 * language (L.* of conf/lang): the first line is the subject, the rest
 * after it the body. The templates turn HTML escaping off: mail is plain
 * text. *subject and *body are the caller's to free. */
#include <ClearSilver.h>

NEOERR *mail_render(const char *name, HDF *data, const char *lang, char **subject,
                    char **body);
#endif
