#include "fuzz.h"
#include <stdlib.h>

const char *fuzz_root(void)
{
  const char *root = getenv("KEHU_ROOT");
  return root && *root ? root : ".";
}
