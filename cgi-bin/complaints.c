/* Complaints and returns (投诉与退货), the staff side, program
 * complaints.fcgi: the route table. The pages are in cgi-bin/complaints/;
 * the public form (/complaint...) is another program. */
#include "complaints/pages.h"
#include "db/runtime.h"

/* Three attachments of 5 MB plus the form's fields, as the public form. */
#define ATTACH_POST_MAX (16L << 20)

static const struct route routes[] = {
  { "GET", "/complaints", ROLES_SIGNED_IN, complaints_queue, 0, 0 },
  { "GET", "/complaints/new", ROLES_SIGNED_IN, complaints_new_form, 0, 0 },
  { "POST", "/complaints/new", ROLES_SIGNED_IN, complaints_new, 0, 0 },
  { "GET", "/complaints/{id}/receipt", ROLES_SIGNED_IN, complaints_receipt, 0, 0 },
  { "GET", "/complaints/attachment/{id}", ROLES_SIGNED_IN, complaints_attachment, 0, 0 },
  { "GET", "/complaints/{id}", ROLES_SIGNED_IN, complaints_show, 0, 0 },
  { "GET", "/complaints/{id}/agreement", ROLES_SIGNED_IN, complaints_agreement, 0, 0 },
  { "POST", "/complaints/{id}/step", ROLES_OFFICE, complaints_step, 0, 0 },
  { "POST", "/complaints/{id}/decide", ROLES_OFFICE, complaints_decide, 0, 0 },
  { "POST", "/complaints/{id}/close", ROLES_OFFICE, complaints_close, 0, 0 },
  { "POST", "/complaints/{id}/reopen", ROLES_OFFICE, complaints_reopen, 0, 0 },
  { "POST", "/complaints/{id}/message", ROLES_SIGNED_IN, complaints_message, 0, 0 },
  { "POST", "/complaints/{id}/match", ROLES_OFFICE, complaints_match, 0, 0 },
  { "POST", "/complaints/{id}/attach", ROLES_OFFICE, complaints_attach, ATTACH_POST_MAX, ROUTE_UPLOAD },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
