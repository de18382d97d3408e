/* The public complaint form (投诉与退货), program complaint_public.fcgi:
 * no sign-in. The route table; the pages are in cgi-bin/complaint_public/. */
#include "complaint_public/pages.h"
#include "db/runtime.h"

/* Three attachments of 5 MB plus the text fields; nginx's
 * client_max_body_size for /complaint is the same. */
#define SUBMIT_MAX (16L << 20)

static const struct route routes[] = {
  { "GET", "/complaint", ROLE_PUBLIC, complaint_form, 0, 0 },
  { "POST", "/complaint", ROLE_PUBLIC, complaint_submit, SUBMIT_MAX, ROUTE_UPLOAD },
  { "GET", "/complaint/receipt", ROLE_PUBLIC, complaint_receipt, 0, 0 },
  { "GET", "/complaint/status", ROLE_PUBLIC, complaint_status_form, 0, 0 },
  { "POST", "/complaint/status", ROLE_PUBLIC, complaint_status, 0, 0 },
  { "POST", "/complaint/rate", ROLE_PUBLIC, complaint_rate, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
