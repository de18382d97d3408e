<?cs set:Page.Title = L.Analysis.Title ?><?cs include:"layout/top.cs" ?><?cs
def:pct(v) ?><?cs if:?v ?><?cs var:v ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:list_href(c) ?>/customers?class=<?cs var:c ?><?cs if:Filter.region > 0 ?>&amp;region=<?cs var:Filter.region ?><?cs /if ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Analysis.Title ?></h1>
</div>
<?cs include:"analysis/subnav.cs" ?>
<?cs if:User.Role != "regional_manager" || subcount(Regions) > 1 ?>
<form method="get" action="/analysis" class="filters" id="pareto-filter">
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <label for="region"><?cs var:L.Analysis.Region ?></label>
  <select id="region" name="region">
    <option value="0"><?cs var:L.Analysis.AllRegions ?></option>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.region ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
  <button type="submit" class="button primary"><?cs var:L.Analysis.Apply ?></button>
  </div></details>
</form>
<?cs /if ?>
<?cs if:!Run.id ?>
<p class="empty" id="no-run"><?cs var:L.Analysis.NoRun ?></p>
<?cs else ?>
<p class="muted" id="run-info"><?cs var:L.Analysis.Pareto.Basis.Before ?><?cs var:Settings.period_months ?><?cs var:L.Analysis.Pareto.Basis.After ?>
  <?cs var:L.Analysis.LastRun ?><?cs call:colon() ?><span id="run-at"><?cs var:Run.finished_at ?></span>
  （<?cs var:L.Analysis.AsOf ?> <span id="run-as-of"><?cs var:Run.as_of ?></span>）</p>
<p class="step-source" id="abc-quote"><?cs var:L.Analysis.Pareto.Quote ?></p>
<div class="stats" id="class-cards">
<?cs each:c = Pareto.Classes ?><?cs if:c.class == "A" || c.class == "B" ?><a class="stat" id="class-<?cs var:c.class ?>" href="<?cs call:list_href(c.class) ?>"><?cs else ?><div class="stat" id="class-<?cs var:c.class ?>"><?cs /if ?>
  <span class="stat-label"><?cs var:c.class ?> <?cs var:L.AbcName[c.class] ?><?cs if:c.class == "A" ?> · <?cs var:L.Analysis.Pareto.Focus ?><?cs elif:c.class == "B" ?> · <?cs var:L.Analysis.Pareto.Care ?><?cs /if ?></span>
  <span class="stat-value"><?cs var:c.customers ?> <small><?cs var:L.Analysis.Pareto.CustomersUnit ?> · <?cs var:L.Analysis.Pareto.RevenueShort ?> <?cs call:pct(c.sales_pct) ?></small></span>
<?cs if:c.class == "A" || c.class == "B" ?></a><?cs else ?></div><?cs /if ?><?cs /each ?>
</div>
<?cs if:Pareto.customers == 0 ?><p class="empty" id="no-customers"><?cs var:L.Analysis.Pareto.NoCustomers ?></p><?cs /if ?>

<section class="card" id="classes">
  <h2><?cs var:L.Analysis.Pareto.Classes ?></h2>
  <div class="table-wrap">
  <table class="data" id="t-classes" aria-label="<?cs var:L.Analysis.Pareto.Classes ?>">
    <thead><tr><th><?cs var:L.Analysis.Pareto.Class ?></th><th class="num"><?cs var:L.Analysis.Pareto.Customers ?></th><th class="num"><?cs var:L.Analysis.Pareto.CustomerShare ?></th><th class="num"><?cs var:L.Analysis.Pareto.Revenue ?></th><th class="num"><?cs var:L.Analysis.Pareto.RevenueShare ?></th><th><?cs var:L.Analysis.Pareto.List ?></th></tr></thead>
    <tbody><?cs each:c = Pareto.Classes ?><tr data-class="<?cs var:c.class ?>"><td class="nowrap"><?cs call:class_badge(c.class) ?> <?cs var:L.AbcName[c.class] ?></td><td class="num"><?cs var:c.customers ?></td><td class="num"><?cs call:pct(c.customers_pct) ?></td><td class="num"><?cs var:c.sales_y ?></td><td class="num"><?cs call:pct(c.sales_pct) ?></td><td class="nowrap"><a id="list-<?cs var:c.class ?>" href="<?cs call:list_href(c.class) ?>"><?cs if:c.class == "A" ?><?cs var:L.Analysis.Pareto.FocusList ?><?cs elif:c.class == "B" ?><?cs var:L.Analysis.Pareto.CareList ?><?cs else ?><?cs var:L.Analysis.Pareto.PlainList ?><?cs /if ?></a></td></tr><?cs /each ?></tbody>
  </table></div>
</section>

<section class="card" id="pareto">
  <h2><?cs var:L.Analysis.Pareto.Title ?></h2>
  <p class="muted"><?cs var:L.Analysis.Pareto.Explain ?></p>
  <div class="pareto"><div class="table-wrap">
  <table class="data" id="t-pareto" data-chart="pareto" data-x-title="<?cs var:L.Analysis.Pareto.CumCustomers ?>" aria-label="<?cs var:L.Analysis.Pareto.Title ?>">
    <thead><tr><th><?cs var:L.Analysis.Pareto.Bucket ?></th><th class="num"><?cs var:L.Analysis.Pareto.Customers ?></th><th class="num"><?cs var:L.Analysis.Pareto.Revenue ?></th><th class="num" data-series><?cs var:L.Analysis.Pareto.BucketShare ?></th><th class="num" data-label><?cs var:L.Analysis.Pareto.CumCustomers ?></th><th class="num" data-series data-line><?cs var:L.Analysis.Pareto.CumRevenue ?></th></tr></thead>
    <tbody><?cs each:b = Pareto.Buckets ?><tr data-key="<?cs var:b.key ?>"><td class="nowrap"><?cs if:b.key > 0 ?>≥ <?cs var:b.floor ?><?cs else ?><?cs var:L.Analysis.Pareto.NoRevenue ?><?cs /if ?></td><td class="num"><?cs var:b.customers ?></td><td class="num"><?cs var:b.sales_y ?></td><td class="num"><?cs call:pct(b.sales_pct) ?></td><td class="num"><?cs call:pct(b.cum_customers) ?></td><td class="num"><?cs call:pct(b.cum_sales) ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
