#ifndef KEHU_UTF8_H
#define KEHU_UTF8_H
#include <stddef.h>
/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, no
 * code points above U+10FFFF) and holds no control characters other than
 * tab, CR and LF; 0 otherwise. */
int utf8_valid(const char *s, size_t n);
/* 1 when s[0..n) is well-formed UTF-8, whatever characters it holds (file
 * contents, where control characters are data). */
int utf8_well_formed(const char *s, size_t n);
/* Length (1-4) of the well-formed UTF-8 sequence at s[0..n), 0 if it is
 * malformed or n is 0. */
int utf8_sequence(const char *s, size_t n);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_len(const char *s);
#endif
