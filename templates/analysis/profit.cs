<?cs set:Page.Title = L.Profit.Title ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/rank_filter.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Profit.Title ?></h1>
  <?cs call:export_links("/analysis/profit", L.Rank.Export, "") ?>
</div>
<?cs include:"analysis/subnav.cs" ?>
<blockquote class="muted" id="profit-source"><?cs var:L.Profit.Source ?></blockquote>
<p class="muted" id="profit-intro"><?cs var:L.Profit.Intro ?> <?cs var:L.Profit.PeriodBefore ?> <?cs var:Settings.period_months ?> <?cs var:L.Profit.PeriodAfter ?> <?cs call:run_as_of() ?></p>
<form method="get" action="/analysis/profit" class="filters" id="profit-filter">
  <?cs call:filter_fold(Filter.active) ?><div class="fold-body">
  <?cs call:rank_filter_fields() ?>
  <label class="check" for="tail"><input type="checkbox" id="tail" name="tail" value="1"<?cs if:Filter.tail ?> checked<?cs /if ?>> <?cs var:L.Profit.TailOnly ?></label>
  <button type="submit" class="button primary" id="profit-apply"><?cs var:L.Rank.Apply ?></button>
  </div></details>
</form>

<section class="card" id="deciles">
  <h2><?cs var:L.Profit.DecileTitle ?></h2>
  <p class="muted small"><?cs var:L.Profit.DecileHint ?></p>
  <p class="muted small" id="decile-how" data-how="<?cs var:DecileHow ?>"><?cs var:L.Profit.DecileHow[DecileHow] ?></p>
  <?cs if:subcount(Deciles) == 0 ?><p class="empty" id="no-deciles"><?cs var:L.Profit.Empty ?></p><?cs else ?>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-deciles" data-chart="bar" aria-label="<?cs var:L.Profit.DecileTitle ?>">
    <thead><tr><th><?cs var:L.Profit.Decile ?></th><th class="num" data-series><?cs var:L.Profit.Col.Profit ?></th><th class="num"><?cs var:L.Profit.Share ?></th><th class="num"><?cs var:L.Profit.Cumulative ?></th></tr></thead>
    <tbody><?cs each:d = Deciles ?><tr data-decile="<?cs var:d.decile ?>"><td class="nowrap"><?cs var:(d.decile - 1) * 10 ?>–<?cs var:d.decile * 10 ?>%</td><td class="num" data-col="profit"><?cs var:money(d.profit) ?></td><td class="num" data-col="share"><?cs if:?d.share ?><?cs var:d.share ?>%<?cs else ?><span class="muted">—</span><?cs /if ?></td><td class="num" data-col="cumulative"><?cs if:?d.cumulative ?><?cs var:d.cumulative ?>%<?cs else ?><span class="muted">—</span><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div></div><?cs /if ?>
</section>

<section class="card" id="profit">
  <h2><?cs var:L.Profit.ListTitle ?> <span class="muted" id="profit-count">(<?cs var:Pager.Total ?>)</span></h2>
  <p class="muted small" id="tail-note"><?cs var:L.Profit.TailNoteBefore ?> <?cs var:Settings.worst_tail_pct ?>% <?cs var:L.Profit.TailNoteAfter ?> <?cs var:L.Profit.RankNote ?></p>
  <?cs if:Pager.Total == 0 ?><p class="empty" id="no-rows"><?cs var:L.Profit.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data" id="t-profit">
    <thead><tr>
      <th><?cs var:L.Profit.Col.Name ?></th>
      <th class="num"><?cs var:L.Profit.Col.Position ?></th>
      <th class="num"><?cs var:L.Profit.Col.Rank ?></th>
      <th class="num"><?cs var:L.Profit.Col.Profit ?></th>
      <th class="num"><?cs var:L.Profit.Col.Margin ?></th>
      <th class="num"><?cs var:L.Profit.Col.Revenue ?></th>
      <th class="num"><?cs var:L.Profit.Col.Cogs ?></th>
      <th class="num"><?cs var:L.Profit.Col.Rebates ?></th>
      <th class="num"><?cs var:L.Profit.Col.Support ?></th>
      <th class="num"><?cs var:L.Profit.Col.Compensation ?></th>
      <th class="center"><?cs var:L.Profit.Col.Class ?></th>
      <th><?cs var:L.Profit.Col.Region ?></th>
      <th><?cs var:L.Profit.Col.Owner ?></th>
    </tr></thead>
    <tbody><?cs each:p = Rows ?><tr data-id="<?cs var:p.id ?>"<?cs if:p.tail ?> class="tail"<?cs /if ?>>
      <td class="name"><a href="/customers/<?cs var:p.id ?>"><?cs var:p.name ?></a><?cs if:p.tail ?> <span class="tag warn" data-tail="1"><?cs var:L.Profit.TailMark ?></span><?cs /if ?></td>
      <td class="num" data-col="position"><?cs var:p.position ?></td>
      <td class="num" data-col="rank"><?cs var:p.profit_rank ?></td>
      <td class="num<?cs if:p.profit < 0 ?> down<?cs /if ?>" data-col="profit"><?cs var:money(p.profit) ?></td>
      <td class="num" data-col="margin"><?cs if:?p.margin_pct ?><?cs var:p.margin_pct ?>%<?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num" data-col="revenue"><?cs var:money(p.revenue) ?></td>
      <td class="num" data-col="cogs"><?cs var:money(p.cost_of_goods) ?></td>
      <td class="num" data-col="rebates"><?cs var:money(p.rebates_promotions) ?></td>
      <td class="num" data-col="support"><?cs var:money(p.support) ?></td>
      <td class="num" data-col="compensation"><?cs var:money(p.compensation) ?></td>
      <td class="center"><?cs call:class_badge(p.abc_class) ?></td>
      <td class="nowrap"><?cs call:region_name(p) ?></td>
      <td class="nowrap"><?cs call:dash(p.owner) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs call:rank_pager("/analysis/profit") ?><?cs /if ?>
</section>
<?cs include:"layout/bottom.cs" ?>
