#ifndef KEHU_ANALYSIS_PAGES_H
#define KEHU_ANALYSIS_PAGES_H
/* The customer-analysis pages' handlers (客户分析). */
#include "core/app.h"

/* GET /analysis: the overview (Pareto view, classes, links to the lists). */
NEOERR *analysis_overview(struct req *r);
/* GET /analysis/report (.csv, .xlsx): sales, margin, customers and churn
 * by one dimension for a period, against the period before and a year
 * before (report.c, report_export.c). */
NEOERR *analysis_report(struct req *r);
NEOERR *analysis_report_csv(struct req *r);
NEOERR *analysis_report_xlsx(struct req *r);
/* GET /analysis/watch (.csv, .xlsx): the hidden-dissatisfaction watch list. */
NEOERR *analysis_watch(struct req *r);
NEOERR *analysis_watch_csv(struct req *r);
NEOERR *analysis_watch_xlsx(struct req *r);
/* GET /analysis/profit (.csv, .xlsx): customer profitability. */
NEOERR *analysis_profit(struct req *r);
NEOERR *analysis_profit_csv(struct req *r);
NEOERR *analysis_profit_xlsx(struct req *r);
/* GET /analysis/churn: churn per period and segment, lifetime value. */
NEOERR *analysis_churn(struct req *r);

/* The wake-up list (唤醒名单) and its decisions: analysis/wake.c,
 * analysis/wake_decision.c. */
NEOERR *analysis_wake(struct req *r);
NEOERR *analysis_wake_csv(struct req *r);
NEOERR *analysis_wake_xlsx(struct req *r);
NEOERR *analysis_wake_decision(struct req *r);
NEOERR *analysis_wake_decide(struct req *r);
NEOERR *analysis_wake_outcome(struct req *r);

/* The analysis settings and the batch's runs: analysis/settings.c. */
NEOERR *analysis_settings(struct req *r);
NEOERR *analysis_settings_save(struct req *r);
NEOERR *analysis_settings_run(struct req *r);
#endif
