<?cs # Rendered once per region revision, language and settings by
  cgi-bin/dashboard/overview.c and kept as HTML: see kept_render(). ?><?cs
include:"layout/macros.cs" ?><?cs include:"dashboard/macros.cs" ?><section class="card" id="by-month">
  <h2><?cs var:L.Dash.ByMonth ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-month" data-chart="bar" aria-label="<?cs var:L.Dash.ByMonth ?>">
    <thead><tr><th><?cs var:L.Dash.Month ?></th><th class="num" data-series><?cs var:L.Dash.LastYear ?></th><th class="num" data-series><?cs var:L.Dash.ThisYear ?></th></tr></thead>
    <tbody><?cs each:m = Chart.Monthly ?><tr><td class="nowrap"><?cs var:L.Dash.Months[m.month] ?></td><td class="num"><?cs call:amount(m.last) ?></td><td class="num"><?cs call:amount(m.this) ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>

<div class="card-grid">
<section class="card" id="by-category">
  <h2><?cs var:L.Dash.ByCategory ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-category" data-chart="hbar" aria-label="<?cs var:L.Dash.ByCategory ?>">
    <thead><tr><th><?cs var:L.Dash.Category ?></th><th class="num" data-series><?cs var:L.Dash.ThisYear ?></th><th class="num" data-series><?cs var:L.Dash.LastYearSame ?></th></tr></thead>
    <tbody><?cs each:c = Chart.Categories ?><tr><td><?cs call:region_label(c) ?></td><td class="num"><?cs var:money(c.ty) ?></td><td class="num"><?cs var:money(c.ly) ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
</section>

<section class="card" id="support">
  <h2><?cs var:L.Dash.Support ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-support" data-chart="bar" aria-label="<?cs var:L.Dash.Support ?>">
    <thead><tr><th><?cs var:L.Dash.SupportCategory ?></th><th class="num" data-series><?cs var:L.Dash.Col.Budget ?></th><th class="num" data-series><?cs var:L.Dash.Col.Spend ?></th><th class="num"><?cs var:L.Dash.Used ?></th></tr></thead>
    <tbody><?cs each:c = Chart.Support ?><tr data-category="<?cs var:c.category_id ?>"><td><?cs if:c.category_id == 0 ?><?cs var:L.Dash.NoCategory ?><?cs else ?><?cs call:region_label(c) ?><?cs /if ?></td><td class="num"><?cs var:money(c.budget) ?></td><td class="num"><?cs var:money(c.spend) ?></td><td class="num<?cs if:c.over ?> down<?cs /if ?>"><?cs call:pct(c.used) ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
  <?cs if:subcount(Chart.Support) == 0 ?><p class="empty"><?cs var:L.Dash.NoPlans ?></p><?cs /if ?>
</section>
</div>

<div class="card-grid">
<section class="card" id="by-reason">
  <h2><?cs var:L.Dash.Complaints ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-reason" data-chart="doughnut" aria-label="<?cs var:L.Dash.Complaints ?>">
    <thead><tr><th><?cs var:L.Dash.Reason ?></th><th class="num" data-series><?cs var:L.Dash.Count ?></th></tr></thead>
    <tbody><?cs each:x = Chart.Reasons ?><tr data-reason="<?cs var:x.reason ?>"><td><?cs var:L.Stats.Reason[x.reason] ?></td><td class="num"><?cs var:x.n ?></td></tr><?cs /each ?></tbody>
  </table></div></div>
  <?cs if:subcount(Chart.Reasons) == 0 ?><p class="empty"><?cs var:L.Dash.NoComplaints ?></p><?cs /if ?>
</section>

<section class="card" id="growth">
  <h2><?cs var:L.Dash.GrowthTopBottom ?></h2>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-top" data-chart="hbar" aria-label="<?cs var:L.Dash.Top ?>">
    <thead><tr><th><?cs var:L.Dash.Top ?></th><th class="num" data-series><?cs var:L.Dash.Col.Growth ?></th></tr></thead>
    <tbody><?cs each:x = Chart.Top ?><tr><td><a href="/customers/<?cs var:x.id ?>"><?cs var:x.name ?></a></td><td class="num"><?cs var:x.growth ?>%</td></tr><?cs /each ?></tbody>
  </table></div></div>
  <?cs if:subcount(Chart.Top) == 0 ?><p class="empty" id="top-note"><?cs var:L.Dash.NoneGrew ?></p><?cs
  elif:subcount(Chart.Top) < 10 ?><p class="hint" id="top-note"><?cs var:L.Dash.OnlyGrew1 ?> <?cs var:subcount(Chart.Top) ?> <?cs var:L.Dash.OnlyGrew2 ?></p><?cs /if ?>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-bottom" data-chart="hbar" aria-label="<?cs var:L.Dash.Bottom ?>">
    <thead><tr><th><?cs var:L.Dash.Bottom ?></th><th class="num" data-series><?cs var:L.Dash.Col.Growth ?></th></tr></thead>
    <tbody><?cs each:x = Chart.Bottom ?><tr><td><a href="/customers/<?cs var:x.id ?>"><?cs var:x.name ?></a></td><td class="num<?cs if:string.slice(x.growth, 0, 1) == "-" ?> down<?cs /if ?>"><?cs var:x.growth ?>%</td></tr><?cs /each ?></tbody>
  </table></div></div>
  <p class="hint" id="bottom-note"><?cs if:subcount(Chart.Bottom) == 0 ?><?cs var:L.Dash.NoBottom ?><?cs else ?><?cs var:L.Dash.BottomNote ?><?cs /if ?></p>
  <?cs if:Chart.NoGrowth.0.n > 0 ?><p class="hint" id="growth-nobase"><?cs var:L.Dash.NoGrowth1 ?> <?cs var:Chart.NoGrowth.0.n ?> <?cs var:L.Dash.NoGrowth2 ?></p><?cs /if ?>
</section>
</div>
