<?cs set:Page.Title = L.Wake.Title ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/wake_macros.cs" ?><?cs
def:page_href(p) ?>/analysis/wake?<?cs var:Filter.Query ?>&amp;from=<?cs var:Results.from ?>&amp;to=<?cs var:Results.to ?>&amp;page=<?cs var:p ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Wake.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Wake.Found ?> <strong><?cs var:Pager.Total ?></strong> <?cs var:L.Wake.FoundAfter ?></p>
  <p class="head-actions" id="export-links"><a class="button" id="export-csv" href="/analysis/wake.csv?<?cs var:Filter.Query ?>"><?cs var:L.Wake.ExportCsv ?></a> <a class="button" id="export-xlsx" href="/analysis/wake.xlsx?<?cs var:Filter.Query ?>"><?cs var:L.Wake.ExportXlsx ?></a></p>
</div>
<?cs include:"analysis/subnav.cs" ?>
<p class="muted" id="wake-intro"><?cs var:L.Wake.Intro ?></p>
<form method="get" action="/analysis/wake" class="filters" role="search" id="wake-filters">
  <?cs call:filter_fold(Filter.state != "" || Filter.status != "" || #Filter.region > 0) ?><div class="fold-body">
  <label class="sr-only" for="owner"><?cs var:L.Wake.Owner ?></label>
  <select id="owner" name="owner">
    <option value=""><?cs var:L.Wake.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Filter.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
  </select>
  <?cs if:subcount(Regions) > 1 ?><label class="sr-only" for="region"><?cs var:L.Wake.Region ?></label>
  <select id="region" name="region">
    <option value=""><?cs var:L.Wake.AllRegions ?></option>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:Filter.region == g.id ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select><?cs /if ?>
  <label class="sr-only" for="state"><?cs var:L.Wake.Col.State ?></label>
  <select id="state" name="state">
    <option value=""><?cs var:L.Wake.AllStates ?></option>
    <?cs each:s = L.Wake.StateWord ?><option value="<?cs name:s ?>"<?cs if:Filter.state == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="status"><?cs var:L.Wake.Col.Decision ?></label>
  <select id="status" name="status">
    <option value=""><?cs var:L.Wake.AllStatuses ?></option>
    <?cs each:s = L.Wake.Status ?><option value="<?cs name:s ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /each ?>
  </select>
  <button type="submit" class="button primary"><?cs var:L.Wake.Filter ?></button>
  <a class="button" href="/analysis/wake"><?cs var:L.Wake.Reset ?></a>
  </div></details>
</form>
<?cs if:!subcount(Wake) ?>
<p class="empty" id="no-results"><?cs var:L.Wake.Empty ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="data" id="wake-list">
  <thead><tr>
    <th><?cs var:L.Wake.Col.Name ?></th>
    <th><?cs var:L.Wake.Col.State ?></th>
    <th class="num"><?cs var:L.Wake.Col.DaysVs ?></th>
    <th class="opt"><?cs var:L.Wake.Col.Last ?></th>
    <th class="num"><?cs var:L.Wake.Col.Revenue ?></th>
    <th class="opt"><?cs var:L.Wake.Col.Class ?></th>
    <?cs if:!Filter.owner ?><th class="opt"><?cs var:L.Wake.Col.Owner ?></th><?cs /if ?>
    <th><?cs var:L.Wake.Col.Decision ?></th>
  </tr></thead>
  <tbody>
  <?cs each:w = Wake ?>
  <tr data-id="<?cs var:w.customer_id ?>" data-state="<?cs var:w.sleep_state ?>">
    <td class="name"><a href="/customers/<?cs var:w.customer_id ?>"><?cs var:w.name ?></a> <span class="muted mono small"><?cs var:w.code ?></span></td>
    <td class="nowrap"><?cs call:wake_state(w.sleep_state) ?></td>
    <td class="num nowrap"><?cs call:wake_days(w) ?></td>
    <td class="opt nowrap"><?cs call:dash(w.last_purchase_on) ?></td>
    <td class="num nowrap">¥<?cs var:money(w.revenue) ?></td>
    <td class="opt"><?cs call:class_badge(w.abc_class) ?></td>
    <?cs if:!Filter.owner ?><td class="opt nowrap"><?cs call:dash(w.owner) ?></td><?cs /if ?>
    <td><?cs call:wake_latest(w) ?> <a class="nowrap" href="/analysis/wake/<?cs var:w.customer_id ?>" id="decide-<?cs var:w.customer_id ?>"><?cs var:L.Wake.Decide ?></a></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
  <?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs call:page_href(Pager.Prev) ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
  <span class="muted"><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
  <?cs if:Pager.Next ?><a class="button" rel="next" href="<?cs call:page_href(Pager.Next) ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"analysis/wake_results.cs" ?>
<?cs include:"layout/bottom.cs" ?>
