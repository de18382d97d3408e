#ifndef KEHU_DISPOSITION_H
#define KEHU_DISPOSITION_H
/* File names that users chose (an upload's name) on their way to the disk,
 * the screen and a download's Content-Disposition header. A name can carry
 * characters that make it lie about itself: bidi controls (U+202E shows
 * "gpj.exe" as "exe.jpg"), invisible format characters, line breaks that
 * would end a header. Every name passes file_name_clean before it is
 * stored and again before it is sent, and every download's header comes
 * from content_disposition, the one place it is built. */
#include <ClearSilver.h>

/* The part after the last / or \, without control characters (C0, DEL,
 * C1), bidi and other invisible format characters (U+061C, U+200B-200F,
 * U+2028-202E, U+2060-206F, U+FEFF, U+FFF9-FFFB) and malformed UTF-8
 * bytes, cut to at most n-1 bytes on a character boundary; "file" when
 * nothing is left. n must be at least 5. */
void file_name_clean(const char *in, char *out, size_t n);

/* Appends the value of a Content-Disposition header for a download named
 * `name` (cleaned as above first; "download" when NULL or empty):
 *   attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 8187>
 * The fallback keeps printable ASCII except " \ and %, each run of other
 * characters becoming one "_"; filename* percent-encodes every byte that
 * is not an RFC 8187 attr-char (a space is %20). */
NEOERR *content_disposition(const char *name, STRING *out);
#endif
