#include "db/runtime.h"
#include "db/complaint_list.h"
#include "db/db.h"
#include "db/session.h"

static const struct session_store sessions = {
  .load = db_session_load,
  .touch = db_session_touch,
  .create = db_session_create,
  .remove = db_session_delete,
};

/* The client library's own state goes last, after the connection. */
static void disconnect(void)
{
  db_disconnect();
  mysql_library_end();
}

const struct app_runtime db_runtime = {
  .connect = db_connect,
  .request_end = db_request_end,
  .disconnect = disconnect,
  .sessions = &sessions,
  .nav_count = db_complaint_overdue_count,
};
