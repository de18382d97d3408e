#ifndef KEHU_DATE_IN_H
#define KEHU_DATE_IN_H
/* A date as people type it in a file: 2026-3-5, 2026/03/05, 2026.3.5,
 * 2026年3月5日 (read with strptime), or an Excel serial day number
 * (46000, what a date cell becomes in a CSV saved without formats), which
 * strptime cannot read. 1: out holds YYYY-MM-DD, a real calendar day from
 * 1900 to 2999; 0: v is none of these (out is then ""). */
int date_in(const char *v, char out[11]);
#endif
