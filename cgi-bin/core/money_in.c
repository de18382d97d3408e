#include "core/money_in.h"
#include "core/format.h"
#include "core/validate.h"
#include <string.h>

#define DECIMAL_12_2_CENTS 1000000000000LL

long long money_in_cents(const char *v)
{
  if (!valid_amount(v) || strlen(v) > 14) return -1;
  long long cents = money_cents(v);
  return cents < DECIMAL_12_2_CENTS ? cents : -1;
}
