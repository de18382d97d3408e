<?cs set:Page.Title = L.Plans.BudgetTitle ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?><?cs
def:budget_table(rows, tid, first, with_plans, title) ?><div class="chart-pair wide-table"><div class="table-wrap"><table class="data" id="<?cs var:tid ?>" data-chart="bar" aria-label="<?cs var:title ?>: <?cs var:L.Plans.Budget ?> / <?cs var:L.Plans.Actual ?>">
    <thead><tr><th><?cs var:first ?></th><?cs if:with_plans ?><th class="num opt"><?cs var:L.Plans.Plans ?></th><?cs /if ?><th class="num opt"><?cs var:L.Plans.MeasureCount ?></th><th class="num" data-series><?cs var:L.Plans.Budget ?></th><th class="num" data-series><?cs var:L.Plans.Actual ?></th><th class="num"><?cs var:L.Plans.Used ?></th></tr></thead>
    <tbody><?cs each:g = rows ?><tr data-id="<?cs var:g.id ?>"<?cs if:g.overspent == "1" ?> class="overspent"<?cs /if ?>><td><?cs call:lang_name(g) ?></td><?cs if:with_plans ?><td class="num opt"><?cs var:g.plans ?></td><?cs /if ?><td class="num opt"><?cs var:g.measures ?></td><td class="num nowrap budget"><?cs call:yuan_cell(g.budget) ?></td><td class="num nowrap actual"><?cs call:yuan_cell(g.actual) ?></td><td class="num used"><?cs call:used(g) ?><?cs call:over_flag(g) ?></td></tr><?cs /each ?></tbody>
    <tfoot><tr<?cs if:Total.overspent == "1" ?> class="overspent"<?cs /if ?>><th scope="row"><?cs var:L.Plans.Total ?></th><?cs if:with_plans ?><td class="num opt"><?cs var:Total.plans ?></td><?cs /if ?><td class="num opt"><?cs var:Total.measures ?></td><td class="num nowrap"><?cs call:yuan_cell(Total.budget) ?></td><td class="num nowrap"><?cs call:yuan_cell(Total.actual) ?></td><td class="num used"><?cs call:used(Total) ?><?cs call:over_flag(Total) ?></td></tr></tfoot>
  </table></div></div><?cs /def ?>
<p class="crumb"><a href="/plans">← <?cs var:L.Plans.Back ?></a></p>
<div class="page-head">
  <h1><?cs var:L.Plans.BudgetTitle ?></h1>
  <p class="head-actions"><a class="button" id="export-csv" href="/plans/budget?year=<?cs var:Filter.year ?>&amp;region=<?cs if:Filter.region ?><?cs var:Filter.region ?><?cs /if ?>&amp;format=csv"><?cs var:L.Plans.ExportCsv ?></a></p>
</div>
<form method="get" action="/plans/budget" class="filters" id="budget-filters">
  <label class="sr-only" for="year"><?cs var:L.Plans.Year ?></label>
  <input id="year" name="year" type="number" min="2000" max="2100" value="<?cs var:Filter.year ?>">
  <label class="sr-only" for="region"><?cs var:L.Plans.Region ?></label>
  <select id="region" name="region"><option value=""><?cs var:L.Plans.AllRegions ?></option><?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:Filter.region == g.id ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?></select>
  <button type="submit" class="button primary"><?cs var:L.Plans.Filter ?></button>
</form>
<div class="stats" id="budget-stats">
  <div class="stat"><span class="stat-value small-value" id="sum-budget"><?cs call:yuan(Total.budget) ?></span><span class="stat-label"><?cs var:L.Plans.Budget ?></span></div>
  <div class="stat<?cs if:Total.overspent == "1" ?> warn<?cs /if ?>"><span class="stat-value small-value" id="sum-actual"><?cs call:yuan(Total.actual) ?></span><span class="stat-label"><?cs var:L.Plans.Actual ?><?cs if:Total.overspent == "1" ?> · ⚠ <?cs var:L.Plans.Overspent ?><?cs /if ?></span></div>
  <div class="stat<?cs if:Total.over_measures > 0 ?> warn<?cs /if ?>"><span class="stat-value small-value" id="over-measures"><?cs var:Total.over_measures ?></span><span class="stat-label"><?cs var:L.Plans.OverMeasures ?></span></div>
</div>
<p class="small muted"><?cs var:L.Plans.BudgetNote ?></p>
<section class="card" id="budget-by-category"><h2><?cs var:L.Plans.ByCategory ?></h2><?cs call:budget_table(ByCategory, "by-category", L.Plans.Category, 0, L.Plans.ByCategory) ?></section>
<section class="card" id="budget-by-region"><h2><?cs var:L.Plans.ByRegion ?></h2><?cs call:budget_table(ByRegion, "by-region", L.Plans.Region, 1, L.Plans.ByRegion) ?><?cs if:subcount(ByRegion) == 0 ?><p class="empty"><?cs var:L.Plans.NoBudget ?></p><?cs /if ?></section>
<?cs include:"layout/bottom.cs" ?>
