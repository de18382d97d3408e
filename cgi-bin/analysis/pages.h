#ifndef KEHU_ANALYSIS_PAGES_H
#define KEHU_ANALYSIS_PAGES_H
/* The customer-analysis pages' handlers (客户分析). */
#include "core/app.h"

/* GET /analysis: the overview (Pareto view, classes, links to the lists). */
NEOERR *analysis_overview(struct req *r);
#endif
