#ifndef KEHU_DB_DASHBOARD_CHARTS_H
#define KEHU_DB_DASHBOARD_CHARTS_H
/* The dealer dashboard's charts and warnings, scoped as db/dashboard.h
 * says. */
#include "db/dashboard.h"
#include "db/dashboard_settings.h"

/* The charts' numbers:
 *   prefix.Months.N.{month (1..12), year (this|last), amount}
 *   prefix.Categories.N.{name_zh, name_en, ty, ly}   this year, and last year's same months
 *   prefix.Support.N.{category_id, name_zh, name_en, budget, spend}
 *   prefix.Reasons.N.{reason, n}                      complaints received this year
 *   prefix.Top.N.{id, name, growth}     up to ten that grew (growth > 0), highest first
 *   prefix.Bottom.N.{id, name, growth}  the ten lowest growths (declines first) of the
 *                                       dealers not in Top (N may skip numbers)
 *   prefix.NoGrowth.0.n                 dealers without last year's sales (no growth) */
NEOERR *db_dash_charts(const struct user *u, const struct dash_filter *f, HDF *hdf,
                       const char *prefix);

/* Warnings: prefix.{Falling, Late, Unvisited, Behind}.N.{id, name, v}
 * (ten each, worst first; v: trend %, overdue amount, last contact, spend %
 * of due) and prefix.Counts.{falling, late, unvisited, behind}. */
NEOERR *db_dash_warnings(const struct user *u, const struct dash_filter *f,
                         const struct dash_settings *s, HDF *hdf, const char *prefix);
#endif
