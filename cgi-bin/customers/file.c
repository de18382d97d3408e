/* The customer file (客户档案): figures at the top, then one tab at a time
 * (plain links, so the page works without JavaScript and each tab costs
 * only its own query). */
#include "customers/pages.h"
#include "customers/analysis.h"
#include "customers/history.h"
#include "customers/tabs.h"
#include "core/err.h"
#include "db/support_return.h"
#include "db/complaint.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/plan.h"
#include <stdio.h>
#include <string.h>

NEOERR *customers_show_tab(struct req *r, const char *tab)
{
  int found;
  NEOERR *err = db_customer_get(&r->user, r->id, r->hdf, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  HDF *h = r->hdf;
  char name[32];
  for (int i = 0; customer_tabs[i]; i++) {
    snprintf(name, sizeof name, "Tabs.%d", i);
    if ((err = hdf_set_value(h, name, customer_tabs[i]))) return nerr_pass(err);
  }
  if ((err = hdf_set_value(h, "Page.Section", "customers")) ||
      (err = hdf_set_value(h, "Tab.Name", tab)) ||
      (err = customers_analysis_head(r)) ||
      (err = db_customer_tab(&r->user, r->id, tab, h)))
    return nerr_pass(err);
  if (strcmp(tab, "basic") == 0 && (err = db_customer_people(r->id, h, "People")))
    return nerr_pass(err);
  if (strcmp(tab, "history") == 0 &&
      (err = customer_history_words(hdf_get_obj(h, "Tab.Rows"), r->lang)))
    return nerr_pass(err);
  /* The complaints tab (投诉): its rows come from the complaint data-access
   * file, scoped like every complaint query (its count is in the file's
   * summary statement). */
  if (strcmp(tab, "complaints") == 0 &&
      (err = db_customer_complaints(&r->user, r->id, h, "Tab.Rows")))
    return nerr_pass(err);
  /* The support tab (支援): the dealer's plans, from the plan data-access
   * file, scoped like every plan query. */
  if (strcmp(tab, "support") == 0 &&
      ((err = db_customer_support(&r->user, r->id, h, "Support")) ||
       (err = db_support_return_customer(&r->user, r->id, h, "Support.Return"))))
    return nerr_pass(err);
  /* The payments tab's receipt form (customers/payments.c). */
  if (strcmp(tab, "payments") == 0 && (err = customers_payments_tab(r))) return nerr_pass(err);
  /* The add forms on these tabs choose a product. */
  if ((strcmp(tab, "quotes") == 0 || strcmp(tab, "service") == 0) &&
      (err = db_product_list(h, "Products")))
    return nerr_pass(err);
  r->template = "customers/show.cs";
  return STATUS_OK;
}

NEOERR *customers_show(struct req *r)
{
  const char *tab = req_param(r, "tab");
  if (!customer_tab_known(tab)) tab = "basic";
  NEOERR *err = customers_show_tab(r, tab);
  /* ?edit=N: that entry's edit and remove panel on its own tab. */
  long long edit = req_param_int(r, "edit", 0, 1, REQ_ID_MAX);
  if (!err && edit && r->template) err = customers_entry_panel(r, tab, edit);
  return nerr_pass(err);
}
