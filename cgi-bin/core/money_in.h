#ifndef KEHU_MONEY_IN_H
#define KEHU_MONEY_IN_H
/* An amount as a file gives it (a price, a payment): digits with at most
 * two decimals (valid_amount: no sign, no separators), at most 14
 * characters, below the 10^10 a DECIMAL(12,2) column holds. Its cents (read
 * by money_cents, the one money parser), or -1 when it is not one. */
long long money_in_cents(const char *v);
#endif
