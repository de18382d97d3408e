<?cs set:Page.Title = L.Dash.Title ?><?cs include:"layout/top.cs" ?><?cs include:"dashboard/macros.cs" ?><?cs include:"support_return/macros.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Dash.Title ?></h1>
  <p class="muted" id="as-of"><?cs var:L.Dash.AsOf ?> <strong><?cs call:dash(AsOf.day) ?></strong></p>
  <?cs call:export_links("/dashboard", L.Dash.Export, "") ?><?cs
  if:User.Role == "admin" ?>
  <p class="actions"><a class="button" id="settings-link" href="/dashboard/settings"><?cs var:L.DashSet.Title ?></a></p><?cs /if ?>
</div>
<?cs if:AsOf.today != 1 ?><p class="notice warn" id="as-of-note" role="status"><?cs var:L.Dash.AsOfStale ?></p><?cs /if ?>
<form method="get" action="/dashboard" class="filters" id="dash-filter">
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <?cs if:User.Role != "regional_manager" ?><?cs call:filter_region(L.Dash.Region, L.Dash.AllRegions, Regions) ?><?cs
  elif:subcount(Regions) > 1 ?><?cs call:filter_region(L.Dash.Region, L.Dash.AllMine, Regions) ?><?cs
  else ?><?cs call:filter_region(L.Dash.Region, "", Regions) ?><?cs /if ?>
  <input type="hidden" name="sort" value="<?cs var:Filter.sort ?>"><input type="hidden" name="dir" value="<?cs var:Filter.dir ?>">
  <?cs call:filter_end("/dashboard", L.Dash.Apply, "") ?>
</form>

<?cs escape:"none" ?><?cs var:Kept.Warnings ?><?cs /escape ?>

<section class="card" id="dealers">
  <h2><?cs var:L.Dash.Dealers ?> <span class="muted" id="dealer-count">(<?cs var:Pager.Total ?>)</span></h2>
  <p class="muted small"><?cs var:L.Dash.TableHint ?> <?cs var:L.Dash.SleepHint ?> <?cs var:Settings.doze_days ?> / <?cs var:Settings.half_days ?> / <?cs var:Settings.deep_days ?> <?cs var:L.Dash.Days ?>.</p>
  <?cs if:Pager.Total == 0 ?><p class="empty" id="no-dealers"><?cs var:L.Dash.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data dealers" id="t-dealers">
    <thead><tr>
      <?cs call:sort_th("/dashboard", "name", L.Dash.Col.Name, "") ?>
      <?cs call:sort_th("/dashboard", "class", L.Dash.Col.Class, "center") ?>
      <?cs call:sort_th("/dashboard", "ytd", L.Dash.Col.Ytd, "num") ?>
      <?cs call:sort_th("/dashboard", "ly", L.Dash.Col.Ly, "num") ?>
      <?cs call:sort_th("/dashboard", "growth", L.Dash.Col.Growth, "num") ?>
      <?cs call:sort_th("/dashboard", "attain", L.Dash.Col.Attain, "num") ?>
      <?cs call:sort_th("/dashboard", "budget", L.Dash.Col.Budget, "num") ?>
      <?cs call:sort_th("/dashboard", "spend", L.Dash.Col.Spend, "num") ?>
      <?cs call:sort_th("/dashboard", "complaints", L.Dash.Col.Complaints, "num") ?>
      <?cs call:sort_th("/dashboard", "overdue", L.Dash.Col.Overdue, "num") ?>
      <?cs call:sort_th("/dashboard", "contact", L.Dash.Col.Contact, "") ?>
      <?cs call:sort_th("/dashboard", "purchase", L.Dash.Col.Sleep, "") ?>
    </tr></thead>
    <tbody><?cs each:d = Dealers ?><tr data-id="<?cs var:d.id ?>">
      <td class="name"><a href="/customers/<?cs var:d.id ?>"><?cs var:d.name ?></a></td>
      <td class="center"><?cs call:class_badge(d.abc_class) ?></td>
      <td class="num" data-col="ytd"><?cs var:money(d.ytd) ?></td>
      <td class="num" data-col="ly"><?cs var:money(d.ly) ?></td>
      <td class="num<?cs if:d.growth < 0 ?> down<?cs /if ?>" data-col="growth"><?cs call:pct(d.growth) ?></td>
      <td class="num" data-col="attain"><?cs call:pct(d.attain) ?></td>
      <td class="num" data-col="budget"><?cs call:amount(d.budget) ?></td>
      <td class="num<?cs if:d.over ?> down<?cs /if ?>" data-col="spend"><?cs var:money(d.spend) ?><?cs if:d.over ?> <span class="tag warn"><?cs var:L.Dash.Over ?></span><?cs /if ?></td>
      <td class="num" data-col="complaints"><?cs var:d.open_complaints ?></td>
      <td class="num" data-col="overdue"><?cs if:d.overdue > 0 ?><?cs var:money(d.overdue) ?><?cs else ?><span class="muted">0</span><?cs /if ?></td>
      <td class="nowrap" data-col="contact"><?cs call:dash(d.last_contact) ?></td>
      <td class="nowrap" data-col="sleep" data-sleep="<?cs var:d.sleep ?>"><span class="sleep sleep-<?cs var:d.sleep ?>"<?cs if:d.last_purchase ?> title="<?cs var:L.Dash.Col.Purchase ?> <?cs var:d.last_purchase ?>"<?cs /if ?>><?cs var:L.Dash.Sleep[d.sleep] ?></span></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <p class="muted small" id="dealer-range"><?cs var:Pager.From ?>–<?cs var:Pager.To ?> / <?cs var:Pager.Total ?></p>
  <?cs call:pager("/dashboard") ?><?cs /if ?>
</section>

<?cs include:"dashboard/support_return.cs" ?>
<?cs escape:"none" ?><?cs var:Kept.Charts ?><?cs /escape ?>
<?cs include:"layout/bottom.cs" ?>
