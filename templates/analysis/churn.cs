<?cs set:Page.Title = L.Churn.Title ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/rank_filter.cs" ?><?cs
def:segment(dim, x) ?><?cs
  if:dim == "region" ?><?cs if:x.key == 0 ?><?cs var:L.Seg.None ?><?cs else ?><?cs call:region_label(x) ?><?cs /if ?><?cs
  elif:dim == "owner" ?><?cs if:x.name_zh ?><?cs var:x.name_zh ?><?cs else ?><?cs var:L.Seg.None ?><?cs /if ?><?cs
  elif:dim == "class" ?><?cs var:L.Seg.Abc[x.key] ?> <?cs var:L.AbcName[L.Seg.Abc[x.key]] ?><?cs
  elif:dim == "size" ?><?cs var:L.Seg.Size[x.key] ?><?cs
  else ?><?cs if:L.Seg.Rfm[x.key] ?><?cs var:L.Seg.Rfm[x.key] ?><?cs else ?><?cs var:L.Seg.None ?><?cs /if ?><?cs /if ?><?cs
/def ?><?cs
def:pct_cell(v) ?><?cs if:?v ?><?cs var:v ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Churn.Title ?></h1>
</div>
<?cs include:"analysis/subnav.cs" ?>
<p class="muted" id="churn-intro"><?cs var:L.Churn.Intro ?> <?cs call:run_as_of() ?></p>
<form method="get" action="/analysis/churn" class="filters" id="churn-filter">
  <?cs call:filter_fold(Filter.active) ?><div class="fold-body">
  <label for="period"><?cs var:L.Churn.PeriodLabel ?></label>
  <select id="period" name="period"><?cs each:x = L.Churn.Period ?><option value="<?cs name:x ?>"<?cs if:Filter.period == name(x) ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?></select>
  <?cs call:region_select() ?>
  <label for="seg"><?cs var:L.Churn.SegLabel ?></label>
  <select id="seg" name="seg"><?cs each:x = L.Churn.Seg ?><option value="<?cs name:x ?>"<?cs if:Filter.seg == name(x) ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?></select>
  <label for="clv"><?cs var:L.Churn.ClvLabel ?></label>
  <select id="clv" name="clv"><?cs each:x = L.Churn.ClvSeg ?><option value="<?cs name:x ?>"<?cs if:Filter.clv == name(x) ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?></select>
  <button type="submit" class="button primary" id="churn-apply"><?cs var:L.Rank.Apply ?></button>
  </div></details>
</form>

<section class="card" id="churn-series">
  <h2><?cs var:L.Churn.SeriesTitle ?> · <?cs var:L.Churn.Period[Filter.period] ?></h2>
  <?cs if:subcount(Series) == 0 ?><p class="empty" id="no-series"><?cs var:L.Churn.Empty ?></p><?cs else ?>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-churn" data-chart="bar" aria-label="<?cs var:L.Churn.SeriesTitle ?>">
    <thead><tr><th><?cs var:L.Churn.Col.Period ?></th><th class="num" data-series><?cs var:L.Churn.Col.Churn ?></th><th class="num"><?cs var:L.Churn.Col.ActiveBefore ?></th><th class="num"><?cs var:L.Churn.Col.Lost ?></th></tr></thead>
    <tbody><?cs each:x = Series ?><tr data-period="<?cs var:x.period ?>"<?cs if:x.period == Filter.at ?> class="current"<?cs /if ?><?cs if:x.unfinished ?> data-unfinished="1"<?cs /if ?>>
      <td class="nowrap"><a href="/analysis/churn?period=<?cs var:Filter.period ?>&amp;region=<?cs var:Filter.region ?>&amp;seg=<?cs var:Filter.seg ?>&amp;clv=<?cs var:Filter.clv ?>&amp;at=<?cs var:x.period ?>#churn-segments"><?cs var:x.label ?></a><?cs if:x.unfinished ?> <span class="tag warn"><?cs var:L.Churn.Unfinished ?></span><?cs /if ?></td>
      <td class="num" data-col="churn"><?cs call:pct_cell(x.churn_pct) ?></td>
      <td class="num" data-col="active_before"><?cs var:x.active_before ?></td>
      <td class="num" data-col="lost"><?cs var:x.lost ?></td>
    </tr><?cs /each ?></tbody>
  </table></div></div><?cs /if ?>
  <?cs if:Filter.unfinished ?><p class="muted small" id="churn-unfinished"><?cs var:L.Churn.UnfinishedNote ?></p><?cs /if ?>
  <p class="muted small"><?cs var:L.Churn.Rule ?></p>
</section>

<?cs if:Filter.at ?><section class="card" id="churn-segments">
  <h2><?cs var:L.Churn.SegTitle ?> · <?cs var:L.Churn.Seg[Filter.seg] ?> · <span id="seg-period"><?cs each:x = Series ?><?cs if:x.period == Filter.at ?><?cs var:x.label ?><?cs /if ?><?cs /each ?></span><?cs each:x = Series ?><?cs if:x.period == Filter.at && x.unfinished ?> <span class="tag warn" id="seg-unfinished"><?cs var:L.Churn.Unfinished ?></span><?cs /if ?><?cs /each ?></h2>
  <?cs if:subcount(Segments) == 0 ?><p class="empty" id="no-segments"><?cs var:L.Churn.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data" id="t-segments">
    <thead><tr><th><?cs var:L.Churn.Seg[Filter.seg] ?></th><th class="num"><?cs var:L.Churn.Col.Churn ?></th><th class="num"><?cs var:L.Churn.Col.ActiveBefore ?></th><th class="num"><?cs var:L.Churn.Col.Lost ?></th></tr></thead>
    <tbody><?cs each:x = Segments ?><tr data-key="<?cs var:x.key ?>">
      <td class="name"><?cs call:segment(Filter.seg, x) ?></td>
      <td class="num" data-col="churn"><?cs call:pct_cell(x.churn_pct) ?></td>
      <td class="num" data-col="active_before"><?cs var:x.active_before ?></td>
      <td class="num" data-col="lost"><?cs var:x.lost ?></td>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
</section><?cs /if ?>

<section class="card" id="clv-values">
  <h2><?cs var:L.Churn.ClvTitle ?> · <?cs var:L.Churn.ClvSeg[Filter.clv] ?></h2>
  <?cs if:subcount(Clv) == 0 ?><p class="empty" id="no-clv"><?cs var:L.Churn.Empty ?></p><?cs else ?>
  <div class="chart-pair"><div class="table-wrap">
  <table class="data" id="t-clv" data-chart="hbar" aria-label="<?cs var:L.Churn.ClvTitle ?>">
    <thead><tr><th><?cs var:L.Churn.ClvSeg[Filter.clv] ?></th><th class="num" data-series><?cs var:L.Churn.Col.Average ?></th><th class="num"><?cs var:L.Churn.Col.ClvCustomers ?></th><th class="num"><?cs var:L.Churn.Col.Total ?></th></tr></thead>
    <tbody><?cs each:x = Clv ?><tr data-key="<?cs var:x.key ?>">
      <td class="name"><?cs call:segment(Filter.clv, x) ?></td>
      <td class="num" data-col="average"><?cs if:?x.average ?><?cs var:money(x.average) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num" data-col="customers"><?cs var:x.customers ?></td>
      <td class="num" data-col="total"><?cs var:money(x.total) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div></div><?cs /if ?>
  <div class="note muted small" id="clv-note">
    <p><?cs var:L.Churn.ClvFormula ?></p>
    <p><?cs var:L.Churn.DiscountBefore ?> <strong id="discount"><?cs var:Settings.discount_pct ?>%</strong> <?cs var:L.Churn.DiscountAfter ?></p>
  </div>
</section>
<?cs include:"layout/bottom.cs" ?>
