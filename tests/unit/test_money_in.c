/* Unit tests for amounts as files give them (cgi-bin/core/money_in.h):
 * what is read, in cents, and what is refused (-1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/money_in.h"

static void test_amounts(void **state)
{
  (void)state;
  static const struct { const char *in; long long cents; } cases[] = {
    { "0", 0 },
    { "12", 1200 },
    { "12.5", 1250 },
    { "12.05", 1205 },
    { "0.07", 7 },
    { "9999999999.99", 999999999999LL },
    { "0009999.99", 999999 },
    /* refused: signs, separators, symbols, spaces, three decimals */
    { "", -1 },
    { "-5", -1 },
    { "+5", -1 },
    { "1,234.50", -1 },
    { "12.345", -1 },
    { "12.", -1 },
    { ".5", -1 },
    { "¥12", -1 },
    { "12 ", -1 },
    /* DECIMAL(12,2) holds less than 10^10 */
    { "10000000000", -1 },
    { "10000000000.00", -1 },
    /* more than 14 characters, whatever the value */
    { "000000000001.50", -1 },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    if (money_in_cents(cases[i].in) != cases[i].cents)
      fail_msg("%s: %lld, not %lld", cases[i].in, money_in_cents(cases[i].in), cases[i].cents);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_amounts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
