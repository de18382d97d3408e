<?cs set:Page.Title = L.Dash.Title ?><?cs include:"layout/top.cs" ?><?cs
def:sort_th(key, label, cls) ?><th<?cs if:cls ?> class="<?cs var:cls ?>"<?cs /if ?><?cs
  if:Filter.sort == key ?> aria-sort="<?cs if:Filter.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><a class="sort" data-sort="<?cs var:key ?>" title="<?cs var:L.Dash.SortBy ?>" href="/dashboard?<?cs var:Filter.Base ?>&amp;sort=<?cs var:key ?>&amp;dir=<?cs var:Filter.Next[key] ?>"><?cs var:label ?><?cs
  if:Filter.sort == key ?> <span aria-hidden="true"><?cs if:Filter.dir == "desc" ?>▼<?cs else ?>▲<?cs /if ?></span><?cs /if ?></a></th><?cs
/def ?><?cs
def:page_href(p) ?>/dashboard?<?cs var:Filter.Query ?>&amp;page=<?cs var:p ?><?cs /def ?><?cs include:"dashboard/macros.cs" ?><?cs include:"support_return/macros.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Dash.Title ?></h1>
  <p class="muted" id="as-of"><?cs var:L.Dash.AsOf ?> <strong><?cs call:dash(AsOf.day) ?></strong></p>
  <p class="actions" id="export-links">
    <span class="muted"><?cs var:L.Dash.Export ?><?cs call:colon() ?></span>
    <a class="button" id="export-csv" href="/dashboard.csv?<?cs var:Filter.Query ?>"><?cs var:L.Dash.ExportCsv ?></a>
    <a class="button" id="export-xlsx" href="/dashboard.xlsx?<?cs var:Filter.Query ?>"><?cs var:L.Dash.ExportXlsx ?></a><?cs
    if:User.Role == "admin" ?>
    <a class="button" id="settings-link" href="/dashboard/settings"><?cs var:L.DashSet.Title ?></a><?cs /if ?></p>
</div>
<?cs if:AsOf.today != 1 ?><p class="notice warn" id="as-of-note" role="status"><?cs var:L.Dash.AsOfStale ?></p><?cs /if ?>
<form method="get" action="/dashboard" class="filters" id="dash-filter">
  <?cs call:filter_fold(#Filter.region > 0) ?><div class="fold-body">
  <label for="region"><?cs var:L.Dash.Region ?></label>
  <select id="region" name="region">
    <?cs if:User.Role != "regional_manager" || subcount(Regions) > 1 ?><option value="0"><?cs if:User.Role == "regional_manager" ?><?cs var:L.Dash.AllMine ?><?cs else ?><?cs var:L.Dash.AllRegions ?><?cs /if ?></option><?cs /if ?>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.region ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
  <input type="hidden" name="sort" value="<?cs var:Filter.sort ?>"><input type="hidden" name="dir" value="<?cs var:Filter.dir ?>">
  <button type="submit" class="button primary"><?cs var:L.Dash.Apply ?></button>
  </div></details>
</form>

<?cs escape:"none" ?><?cs var:Kept.Warnings ?><?cs /escape ?>

<section class="card" id="dealers">
  <h2><?cs var:L.Dash.Dealers ?> <span class="muted" id="dealer-count">(<?cs var:Pager.Total ?>)</span></h2>
  <p class="muted small"><?cs var:L.Dash.TableHint ?> <?cs var:L.Dash.SleepHint ?> <?cs var:Settings.doze_days ?> / <?cs var:Settings.half_days ?> / <?cs var:Settings.deep_days ?> <?cs var:L.Dash.Days ?>.</p>
  <?cs if:Pager.Total == 0 ?><p class="empty" id="no-dealers"><?cs var:L.Dash.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data dealers" id="t-dealers">
    <thead><tr>
      <?cs call:sort_th("name", L.Dash.Col.Name, "") ?>
      <?cs call:sort_th("class", L.Dash.Col.Class, "center") ?>
      <?cs call:sort_th("ytd", L.Dash.Col.Ytd, "num") ?>
      <?cs call:sort_th("ly", L.Dash.Col.Ly, "num") ?>
      <?cs call:sort_th("growth", L.Dash.Col.Growth, "num") ?>
      <?cs call:sort_th("attain", L.Dash.Col.Attain, "num") ?>
      <?cs call:sort_th("budget", L.Dash.Col.Budget, "num") ?>
      <?cs call:sort_th("spend", L.Dash.Col.Spend, "num") ?>
      <?cs call:sort_th("complaints", L.Dash.Col.Complaints, "num") ?>
      <?cs call:sort_th("overdue", L.Dash.Col.Overdue, "num") ?>
      <?cs call:sort_th("contact", L.Dash.Col.Contact, "") ?>
      <?cs call:sort_th("purchase", L.Dash.Col.Sleep, "") ?>
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
  <nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
    <?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs call:page_href(Pager.Prev) ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
    <span class="muted"><?cs var:Pager.From ?>–<?cs var:Pager.To ?> / <?cs var:Pager.Total ?> · <?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
    <?cs if:Pager.Next ?><a class="button" rel="next" href="<?cs call:page_href(Pager.Next) ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
  </nav><?cs /if ?>
</section>

<?cs include:"dashboard/support_return.cs" ?>
<?cs escape:"none" ?><?cs var:Kept.Charts ?><?cs /escape ?>
<?cs include:"layout/bottom.cs" ?>
