/* Step 5's handling agreement (处理协议, "第五，客户同意处理方案后，签下处理
 * 协议"): one printable page with the customer, the complaint, the approved
 * remedy and its amount, the dates, and lines for the customer's, the
 * company's and the approver's signatures. Read through the same scoped
 * call as the complaint page, so another region's complaint is a 404. */
#include "complaints/pages.h"
#include "core/clock.h"

NEOERR *complaints_agreement(struct req *r)
{
  NEOERR *err = complaints_read(r);
  if (err) return nerr_pass(err);
  char today[11];
  china_format("%Y-%m-%d", today, sizeof today);
  if ((err = hdf_set_value(r->hdf, "Agreement.printed_on", today))) return nerr_pass(err);
  r->template = "complaints/agreement.cs";
  return STATUS_OK;
}
