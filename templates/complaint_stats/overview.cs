<?cs set:Page.Title = L.Stats.Title ?><?cs include:"layout/top.cs" ?><?cs
def:hours(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Stats.Title ?></h1>
  <?cs call:export_links("/complaints/overview", L.Stats.Export, L.Stats.ExportHint) ?>
</div>
<nav class="tabs quick-periods" aria-label="<?cs var:L.Stats.Period ?>">
  <?cs each:q = L.Stats.Quick ?><a href="/complaints/overview?quick=<?cs name:q ?>&amp;region=<?cs var:Filter.region ?>" id="quick-<?cs name:q ?>"<?cs if:Filter.quick == name(q) ?> class="active" aria-current="page"<?cs /if ?>><?cs var:q ?></a><?cs /each ?>
</nav>
<form method="get" action="/complaints/overview" class="filters" id="stats-filter">
  <?cs call:filter_fold(Filter.quick == "" || Filter.Active) ?><div class="fold-body">
  <label for="from"><?cs var:L.Stats.From ?></label>
  <input id="from" name="from" type="month" value="<?cs var:Filter.from ?>" placeholder="YYYY-MM" size="8">
  <label for="to"><?cs var:L.Stats.To ?></label>
  <input id="to" name="to" type="month" value="<?cs var:Filter.to ?>" placeholder="YYYY-MM" size="8">
  <?cs if:User.Role != "regional_manager" || subcount(Regions) > 1 ?><?cs call:filter_region(L.Stats.Region, L.Stats.AllRegions, Regions) ?><?cs else ?><?cs call:filter_region(L.Stats.Region, "", Regions) ?><?cs /if ?>
  <?cs call:filter_end("", L.Stats.Apply, "") ?>
</form>
<p class="muted"><?cs var:L.Stats.Intro ?> <span id="period"><?cs var:Filter.from ?> – <?cs var:Filter.to ?></span></p>

<div class="stats" id="stat-cards">
  <div class="stat" id="stat-total"><span class="stat-value"><?cs var:Stats.Totals.n ?></span><span class="stat-label"><?cs var:L.Stats.Total ?></span></div>
  <div class="stat" id="stat-open"><span class="stat-value"><?cs var:Stats.Totals.open ?></span><span class="stat-label"><?cs var:L.Stats.Open ?></span></div>
  <div class="stat<?cs if:Stats.Totals.overdue > 0 ?> warn<?cs /if ?>" id="stat-overdue"><span class="stat-value"><?cs var:Stats.Totals.overdue ?></span><span class="stat-label"><?cs var:L.Stats.Overdue ?></span></div>
  <div class="stat" id="stat-first"><span class="stat-value"><?cs if:Stats.Hours.first_p50 ?><?cs var:Stats.Hours.first_p50 ?> <small><?cs var:L.Stats.Hours ?></small><?cs else ?>—<?cs /if ?></span><span class="stat-label"><?cs var:L.Stats.FirstMedian ?></span></div>
  <div class="stat" id="stat-sla"><span class="stat-value"><?cs if:Stats.Totals.sla_pct ?><?cs var:Stats.Totals.sla_pct ?>%<?cs else ?>—<?cs /if ?></span><span class="stat-label"><?cs var:L.Stats.SlaShare ?></span></div>
  <div class="stat" id="stat-satisfaction"><span class="stat-value"><?cs if:Stats.Totals.sat_avg ?><?cs var:Stats.Totals.sat_avg ?> <small>/ 5 · <?cs var:Stats.Totals.rated ?> <?cs var:L.Stats.SatisfactionCount ?></small><?cs else ?>—<?cs /if ?></span><span class="stat-label"><?cs var:L.Stats.Satisfaction ?></span></div>
</div>

<?cs if:Stats.Totals.n == 0 ?><p class="empty" id="no-data"><?cs var:L.Stats.Empty ?></p><?cs /if ?>

<section class="card" id="by-month">
  <h2><?cs var:L.Stats.ByMonth ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-month" data-chart="stacked" aria-label="<?cs var:L.Stats.ByMonth ?>">
    <thead><tr><th><?cs var:L.Stats.Month ?></th><?cs each:k = L.Stats.Kind ?><th class="num" data-series><?cs var:k ?></th><?cs /each ?><th class="num"><?cs var:L.Stats.MonthTotal ?></th></tr></thead>
    <tbody><?cs each:m = Chart.Months ?><tr><td class="nowrap"><?cs var:m.month ?></td><td class="num"><?cs var:m.complaint ?></td><td class="num"><?cs var:m.return ?></td><td class="num"><?cs var:m.exchange ?></td><td class="num"><?cs var:m.suggestion ?></td><td class="num"><?cs var:m.total ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>

<div class="card-grid">
<section class="card" id="by-reason">
  <h2><?cs var:L.Stats.ByReason ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-reason" data-chart="doughnut" aria-label="<?cs var:L.Stats.ByReason ?>">
    <thead><tr><th><?cs var:L.Stats.Col.Reason ?></th><th class="num" data-series><?cs var:L.Stats.Count ?></th><th class="num"><?cs var:L.Stats.Share ?></th></tr></thead>
    <tbody><?cs each:x = Stats.Reasons ?><tr data-reason="<?cs var:x.reason ?>"><td><?cs var:L.Stats.Reason[x.reason] ?></td><td class="num"><?cs var:x.n ?></td><td class="num"><?cs var:x.pct ?>%</td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>

<section class="card" id="by-region">
  <h2><?cs var:L.Stats.ByRegion ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-region" data-chart="bar" aria-label="<?cs var:L.Stats.ByRegion ?>">
    <thead><tr><th><?cs var:L.Stats.Region ?></th><th class="num" data-series><?cs var:L.Stats.Count ?></th></tr></thead>
    <tbody><?cs each:x = Stats.Regions ?><tr data-region="<?cs var:x.key ?>"><td><?cs if:x.key == 0 ?><?cs var:L.Stats.NoRegion ?><?cs else ?><?cs call:region_label(x) ?><?cs /if ?></td><td class="num"><?cs var:x.n ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>
</div>

<section class="card" id="by-product">
  <h2><?cs var:L.Stats.ByProduct ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-product" data-chart="hbar" aria-label="<?cs var:L.Stats.ByProduct ?>">
    <thead><tr><th><?cs var:L.Stats.Product ?></th><th class="num" data-series><?cs var:L.Stats.Count ?></th></tr></thead>
    <tbody><?cs each:x = Chart.Products ?><tr><td><?cs if:x.label ?><?cs var:L.Stats[x.label] ?><?cs else ?><?cs var:x.name ?><?cs /if ?></td><td class="num"><?cs var:x.n ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>

<div class="card-grid">
<section class="card" id="timeliness">
  <h2><?cs var:L.Stats.Timeliness ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-hours" data-chart="bar" data-scale="log" aria-label="<?cs var:L.Stats.Timeliness ?>">
    <thead><tr><th><?cs var:L.Stats.Measure ?></th><th class="num" data-series><?cs var:L.Stats.Median ?></th><th class="num" data-series><?cs var:L.Stats.P90 ?></th></tr></thead>
    <tbody>
      <tr id="hours-first"><td><?cs var:L.Stats.FirstResponse ?></td><td class="num"><?cs call:hours(Stats.Hours.first_p50) ?></td><td class="num"><?cs call:hours(Stats.Hours.first_p90) ?></td></tr>
      <tr id="hours-close"><td><?cs var:L.Stats.ToClose ?></td><td class="num"><?cs call:hours(Stats.Hours.close_p50) ?></td><td class="num"><?cs call:hours(Stats.Hours.close_p90) ?></td></tr>
    </tbody>
  </table></div></div>
</section>

<section class="card" id="open-by-step">
  <h2><?cs var:L.Stats.OpenBySteps ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-steps" data-chart="bar" aria-label="<?cs var:L.Stats.OpenBySteps ?>">
    <thead><tr><th><?cs var:L.Stats.Step ?></th><th class="num" data-series><?cs var:L.Stats.Count ?></th></tr></thead>
    <tbody><?cs each:x = Chart.Steps ?><tr data-step="<?cs var:x.step ?>"><td class="nowrap"><?cs var:x.step ?> <?cs var:L.StepName[x.step] ?></td><td class="num"><?cs var:x.n ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>
</div>
<?cs include:"layout/bottom.cs" ?>
