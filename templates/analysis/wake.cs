<?cs set:Page.Title = L.Wake.Title ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/wake_macros.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Wake.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Wake.Found ?> <strong><?cs var:Pager.Total ?><?cs if:Pager.Capped ?>+<?cs /if ?></strong> <?cs var:L.Wake.FoundAfter ?></p>
  <?cs call:export_links("/analysis/wake", L.Rank.Export, "") ?>
</div>
<?cs include:"analysis/subnav.cs" ?>
<p class="muted" id="wake-intro"><?cs var:L.Wake.Intro ?></p>
<form method="get" action="/analysis/wake" class="filters" role="search" id="wake-filters">
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <label class="sr-only" for="owner"><?cs var:L.Wake.Owner ?></label>
  <select id="owner" name="owner">
    <option value=""><?cs var:L.Wake.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:Filter.owner == o.id ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
  </select>
  <?cs if:subcount(Regions) > 1 ?><?cs call:filter_region(L.Wake.Region, L.Wake.AllRegions, Regions) ?><?cs /if ?>
  <?cs call:filter_select("state", L.Wake.Col.State, L.Wake.AllStates, L.Wake.StateWord, 0) ?>
  <?cs call:filter_select("status", L.Wake.Col.Decision, L.Wake.AllStatuses, L.Wake.Status, 0) ?>
  <?cs call:filter_end("/analysis/wake", L.Wake.Filter, L.Wake.Reset) ?>
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
<?cs call:pager("/analysis/wake") ?>
<?cs /if ?>
<?cs include:"analysis/wake_results.cs" ?>
<?cs include:"layout/bottom.cs" ?>
