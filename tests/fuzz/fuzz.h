#ifndef KEHU_FUZZ_H
#define KEHU_FUZZ_H
/* Every harness under tests/fuzz/ is one libFuzzer entry point. `make
 * fuzz` links it with clang's libFuzzer; `make test` links it with
 * replay.c, which feeds it every corpus file under tests/fuzz/ (gcc +
 * ASan, no clang needed). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The repository's root (KEHU_ROOT, else the working directory), for the
 * harnesses that read templates and language files. */
const char *fuzz_root(void);
#endif
