#ifndef KEHU_CUSTOMERS_ANALYSIS_H
#define KEHU_CUSTOMERS_ANALYSIS_H
/* The file's analysis header (issue 17): what the batch computed for the
 * customer, under Analysis.* (see analysis.c), and the lifecycle override
 * form's values (Form.life_stage, Form.life_version) unless a posted form
 * is being shown again. */
#include "core/app.h"

NEOERR *customers_analysis_head(struct req *r);
#endif
