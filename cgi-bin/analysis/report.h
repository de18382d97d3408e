#ifndef KEHU_ANALYSIS_REPORT_H
#define KEHU_ANALYSIS_REPORT_H
/* The analysis report (分析报表): the filter its page and exports share,
 * and the rows both show. */
#include "core/app.h"
#include "db/analysis_report.h"

struct report_filter {
  struct report_query q;     /* points into the strings below */
  char start[11], prev[11], year_ago[11];   /* first days, YYYY-MM-DD */
  char end[11], prev_end[11], year_end[11]; /* last days, inclusive */
  char label[12], prev_label[12], year_label[12];   /* 2026-11, 2026-Q3, 2026 */
  int have_run;              /* 0: no run has finished; nothing to report */
};

/* The latest run, the period (p = 2026-11 | 2026-Q3 | 2026, or kind =
 * month | quarter | year for that kind's latest complete period), the
 * dimension (dim = region | class | size | category | product | owner |
 * postal) and the region, checked: a malformed value is a 400, a period
 * with no stored results or a region not the user's a 404. Sets Filter.*,
 * Run.*, Regions, Periods in the HDF. */
NEOERR *report_filter_parse(struct req *r, struct report_filter *f);

/* The region parameter, checked (400 when not a number, 404 when not one
 * of the user's regions: Regions holds those); Filter.region. */
NEOERR *report_region(struct req *r, unsigned *id);

/* The report's rows under Report.Rows, the `limit` largest (0: all; with
 * more, Report.More = limit), and the whole under Report.Whole.0,
 * each with its screen figures: label, money as whole yuan (sales_y ...),
 * exact yuan for the exports (sales_x ...), changes in per cent, churn
 * rates and the customer list's query strings (href, p_href, y_href). */
NEOERR *report_read(struct req *r, const struct report_filter *f, int limit);
#endif
