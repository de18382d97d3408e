#include "core/err.h"

NERR_TYPE KERR_BAD_REQUEST, KERR_FORBIDDEN, KERR_NOT_FOUND, KERR_METHOD,
    KERR_CONFLICT, KERR_BAD_REFERENCE, KERR_TOO_LARGE, KERR_UNSUPPORTED, KERR_THROTTLED,
    KERR_UNAVAILABLE, KERR_NO_SPACE;

static const struct {
  NERR_TYPE *type;
  const char *name;
  int status;
} kinds[] = {
  { &KERR_BAD_REQUEST, "BadRequest", 400 },
  { &KERR_FORBIDDEN, "Forbidden", 403 },
  { &KERR_NOT_FOUND, "NotFound", 404 },
  { &KERR_METHOD, "MethodNotAllowed", 405 },
  { &KERR_CONFLICT, "Conflict", 409 },
  { &KERR_BAD_REFERENCE, "BadReference", 400 },
  { &KERR_TOO_LARGE, "TooLarge", 413 },
  { &KERR_UNSUPPORTED, "Unsupported", 415 },
  { &KERR_THROTTLED, "Throttled", 429 },
  { &KERR_UNAVAILABLE, "Unavailable", 503 },
  { &KERR_NO_SPACE, "NoSpace", 507 },
};

NEOERR *err_init(void)
{
  static int done;
  NEOERR *err = nerr_init();
  if (err) return nerr_pass(err);
  if (done) return STATUS_OK;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    err = nerr_register(kinds[i].type, kinds[i].name);
    if (err) return nerr_pass(err);
  }
  done = 1;
  return STATUS_OK;
}

int err_status(NEOERR *err)
{
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (nerr_match(err, *kinds[i].type)) return kinds[i].status;
  return 500;
}

const char *err_reason(NEOERR *err)
{
  if (!err || err == INTERNAL_ERR) return "";
  while (err->next && err->next != INTERNAL_ERR) err = err->next;
  return err->desc;
}
