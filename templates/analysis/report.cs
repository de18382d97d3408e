<?cs set:Page.Title = L.Analysis.Report.Title ?><?cs include:"layout/top.cs" ?><?cs
def:pct(v) ?><?cs if:?v ?><?cs var:v ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:linked(href, text) ?><?cs if:href ?><a href="/customers?<?cs var:href ?>"><?cs var:text ?></a><?cs else ?><?cs var:text ?><?cs /if ?><?cs /def ?><?cs
def:cells(x) ?><td class="num"><?cs call:linked(x.href, x.sales_y) ?></td><?cs if:!year ?><td class="num"><?cs call:linked(x.p_href, x.p_sales_y) ?></td><?cs /if ?><td class="num"><?cs call:linked(x.y_href, x.y_sales_y) ?></td><?cs if:!year ?><td class="num"><?cs call:pct(x.sales_pp) ?></td><?cs /if ?><td class="num"><?cs call:pct(x.sales_py) ?></td><td class="num"><?cs call:linked(x.href, x.margin_y) ?></td><?cs if:!year ?><td class="num"><?cs call:pct(x.margin_pp) ?></td><?cs /if ?><td class="num"><?cs call:pct(x.margin_py) ?></td><td class="num"><?cs call:linked(x.href, x.customers) ?></td><td class="num"><?cs call:linked(x.y_href, x.y_customers) ?></td><td class="num"><?cs call:pct(x.churn) ?></td><td class="num"><?cs call:pct(x.y_churn) ?></td><td class="num"><?cs var:x.new_customers ?></td><td class="num"><?cs var:x.conversions ?></td><?cs /def ?><?cs
set:year = Filter.kind == "year" ?><?cs
set:product = Filter.dim == "product" || Filter.dim == "category" ?>
<div class="page-head">
  <h1><?cs var:L.Analysis.Report.Title ?></h1>
  <?cs if:Filter.p ?><?cs call:export_links("/analysis/report", L.Analysis.Report.Export, "") ?><?cs /if ?>
</div>
<?cs include:"analysis/subnav.cs" ?>
<nav class="tabs" id="report-dims" aria-label="<?cs var:L.Analysis.Report.By ?>">
  <?cs each:d = L.Analysis.Report.Dim ?><a href="/analysis/report?p=<?cs var:Filter.p ?>&amp;kind=<?cs var:Filter.kind ?>&amp;dim=<?cs name:d ?>&amp;region=<?cs var:Filter.region ?>" id="dim-<?cs name:d ?>"<?cs if:Filter.dim == name(d) ?> class="active" aria-current="page"<?cs /if ?>><?cs var:d ?></a><?cs /each ?>
</nav>
<form method="get" action="/analysis/report" class="filters" id="report-filter">
  <input type="hidden" name="dim" value="<?cs var:Filter.dim ?>">
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <label for="kind"><?cs var:L.Analysis.Report.Kind ?></label>
  <select id="kind" name="kind">
    <?cs each:k = L.Analysis.Report.Kinds ?><option value="<?cs name:k ?>"<?cs if:Filter.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <label for="p"><?cs var:L.Analysis.Report.Period ?></label>
  <select id="p" name="p">
    <option value=""><?cs var:L.Analysis.Report.Latest ?></option>
    <?cs each:x = Periods ?><option value="<?cs var:x.label ?>"<?cs if:x.label == Filter.p ?> selected<?cs /if ?>><?cs var:x.label ?></option><?cs /each ?>
  </select>
  <?cs if:User.Role != "regional_manager" || subcount(Regions) > 1 ?>
  <label for="region"><?cs var:L.Analysis.Region ?></label>
  <select id="region" name="region">
    <option value="0"><?cs var:L.Analysis.AllRegions ?></option>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.region ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select><?cs /if ?>
  <button type="submit" class="button primary"><?cs var:L.Analysis.Apply ?></button>
  </div></details>
</form>
<?cs if:!Filter.p ?>
<p class="empty" id="no-run"><?cs var:L.Analysis.NoRun ?></p>
<?cs else ?>
<p class="muted" id="report-period"><?cs var:L.Analysis.Report.Kinds[Filter.kind] ?> <strong id="period"><?cs var:Filter.p ?></strong>（<?cs var:Filter.start ?> – <?cs var:Filter.end ?>）<?cs var:L.Analysis.Report.Against ?> <span id="period-prev"><?cs var:Filter.prev ?></span><?cs if:!year ?><?cs call:list_sep() ?><?cs var:L.Analysis.Report.AgainstYear ?> <span id="period-year"><?cs var:Filter.year ?></span><?cs /if ?><?cs var:L.Analysis.Report.Stop ?>
  <?cs var:L.Analysis.LastRun ?><?cs call:colon() ?><?cs var:Run.finished_at ?><?cs var:L.Analysis.Report.Stop ?> <?cs var:L.Analysis.Report.DrillHint ?></p>

<section class="card" id="report-chart">
  <h2><?cs var:L.Analysis.Report.ChartTitle ?></h2>
  <?cs if:subcount(Report.Chart) == 0 ?><p class="empty" id="no-sales"><?cs var:L.Analysis.Report.NoSales ?></p><?cs else ?>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-chart" data-chart="bar" aria-label="<?cs var:L.Analysis.Report.ChartTitle ?>">
    <thead><tr><th><?cs var:L.Analysis.Report.Dim[Filter.dim] ?></th><th class="num" data-series><?cs var:Filter.p ?></th><th class="num" data-series><?cs var:Filter.year ?></th></tr></thead>
    <tbody><?cs each:x = Report.Chart ?><tr><td><?cs var:x.label ?></td><td class="num"><?cs var:x.sales_y ?></td><td class="num"><?cs var:x.y_sales_y ?></td></tr><?cs /each ?></tbody>
  </table></div></div><?cs /if ?>
</section>

<section class="card" id="report-table">
  <h2><?cs var:L.Analysis.Report.Dim[Filter.dim] ?> · <?cs var:Filter.p ?></h2>
  <div class="table-wrap">
  <table class="data report" id="t-report" aria-label="<?cs var:L.Analysis.Report.Title ?>">
    <thead><tr><th><?cs var:L.Analysis.Report.Dim[Filter.dim] ?></th>
      <th class="num"><?cs var:L.Analysis.Report.Sales ?></th><?cs if:!year ?><th class="num"><?cs var:Filter.prev ?></th><?cs /if ?><th class="num"><?cs var:Filter.year ?></th><?cs if:!year ?><th class="num"><?cs var:L.Analysis.Report.VsPrev ?></th><?cs /if ?><th class="num"><?cs var:L.Analysis.Report.VsYear ?></th>
      <th class="num"><?cs if:product ?><?cs var:L.Analysis.Report.GrossMargin ?><?cs else ?><?cs var:L.Analysis.Report.Margin ?><?cs /if ?></th><?cs if:!year ?><th class="num"><?cs var:L.Analysis.Report.VsPrev ?></th><?cs /if ?><th class="num"><?cs var:L.Analysis.Report.VsYear ?></th>
      <th class="num"><?cs var:L.Analysis.Report.Customers ?></th><th class="num"><?cs var:Filter.year ?></th>
      <th class="num"><?cs var:L.Analysis.Report.Churn ?></th><th class="num"><?cs var:Filter.year ?></th>
      <th class="num"><?cs var:L.Analysis.Report.New ?></th><th class="num"><?cs var:L.Analysis.Report.Conversions ?></th></tr></thead>
    <tbody><?cs each:x = Report.Rows ?><tr data-key="<?cs var:x.key ?>"><td class="nowrap"><?cs call:linked(x.href, x.label) ?></td><?cs call:cells(x) ?></tr><?cs /each ?></tbody>
    <?cs if:Report.Whole.0.label ?><tfoot><tr class="total" data-key="total"><th scope="row"><?cs call:linked(Report.Whole.0.href, Report.Whole.0.label) ?></th><?cs call:cells(Report.Whole.0) ?></tr></tfoot><?cs /if ?>
  </table></div>
  <?cs if:Report.More ?><p class="muted" id="more-rows"><?cs var:L.Analysis.Report.More.Before ?> <?cs var:Report.More ?> <?cs var:L.Analysis.Report.More.After ?></p><?cs /if ?>
  <?cs if:subcount(Report.Rows) == 0 ?><p class="empty" id="no-rows"><?cs var:L.Analysis.Report.NoRows ?></p><?cs /if ?>
</section>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
