#ifndef KEHU_CHARSET_H
#define KEHU_CHARSET_H
/* Text files as people save them: UTF-8 (with or without a byte-order
 * mark), GBK/GB18030 from Chinese Excel ("CSV (逗号分隔)"), UTF-16 with a
 * byte-order mark ("Unicode 文本"). Everything becomes UTF-8 here, with
 * glibc's iconv. */
#include <ClearSilver.h>
#include <stddef.h>

/* 1 when s[0..n) is structurally valid UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF); control characters are allowed. */
int charset_is_utf8(const char *s, size_t n);

/* The encoding of a file: "UTF-8" (BOM or valid UTF-8 throughout),
 * "UTF-16LE"/"UTF-16BE" (BOM), else "GB18030" (a superset of GBK and
 * GB2312, so every file saved as GBK decodes with it). */
const char *charset_detect(const char *s, size_t n);

/* Converts s[0..n) from `from` to UTF-8 in a new NUL-terminated buffer
 * (*out, free it; *outlen without the NUL); a byte-order mark is dropped.
 * NERR_PARSE, with the byte offset, when the input is not valid in `from`. */
NEOERR *charset_to_utf8(const char *s, size_t n, const char *from,
                        char **out, size_t *outlen);
#endif
