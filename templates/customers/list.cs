<?cs set:Page.Title = L.Customers.Title ?><?cs include:"layout/top.cs" ?><?cs
def:facet(v) ?><?cs if:Facets.as_of ?> (<?cs alt:v ?>0<?cs /alt ?>)<?cs /if ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Customers.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Customers.FoundBefore ?> <strong><?cs var:Pager.Total ?></strong><?cs if:Pager.Capped ?><?cs var:L.List.CountCapped ?><?cs /if ?> <?cs var:L.Customers.FoundAfter ?></p>
  <p class="actions">
    <a class="button primary" id="new-customer" href="/customers/new">+ <?cs var:L.Customers.New ?></a>
    <?cs if:User.Role != "regional_manager" ?><a class="button" id="import-link" href="/customers/import"><?cs var:L.Import.Link ?></a><?cs /if ?></p>
  <?cs call:export_links("/customers/export", L.List.Export, L.List.ExportHint) ?>
</div>
<form method="get" action="/customers" class="filters" role="search" id="customer-filters">
  <label class="sr-only" for="q"><?cs var:L.Customers.SearchPlaceholder ?></label>
  <input id="q" name="q" type="search" value="<?cs var:Filter.q ?>" placeholder="<?cs var:L.Customers.SearchPlaceholder ?>">
  <button type="submit" class="button primary"><?cs var:L.Customers.Search ?></button>
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <?cs call:filter_region(L.Customers.Region, L.Customers.AllRegions, Regions) ?>
  <?cs call:filter_select("kind", L.Customers.Kind, L.Customers.AllKinds, L.Kind, 0) ?>
  <?cs call:filter_counted("stage", L.List.Stage, L.List.AllStages, L.Lifecycle, 0, Facets.stage, Facets.as_of) ?>
  <?cs call:filter_counted("class", L.List.Class, L.List.AllClasses, L.AbcName, 1, Facets.class, Facets.as_of) ?>
  <label class="sr-only" for="owner"><?cs var:L.List.Owner ?></label>
  <select id="owner" name="owner">
    <option value=""><?cs var:L.List.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Filter.owner ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="city"><?cs var:L.List.City ?></label>
  <input id="city" name="city" type="text" value="<?cs var:Filter.city ?>" placeholder="<?cs var:L.List.City ?>" size="8">
  <label class="sr-only" for="postal"><?cs var:L.List.Postal ?></label>
  <input id="postal" name="postal" type="text" inputmode="numeric" maxlength="6" value="<?cs var:Filter.postal ?>" placeholder="<?cs var:L.List.Postal ?>" size="8">
  <?cs call:filter_counted("size", L.Customers.SizeClass, L.List.AllSizes, L.SizeClass, 0, Facets.size, Facets.as_of) ?>
  <?cs call:filter_counted("loyalty", L.Customers.Loyalty, L.List.AllLoyalty, L.Loyalty, 0, Facets.loyalty, Facets.as_of) ?>
  <?cs call:filter_counted("noncust", L.Customers.NonCustomer, L.List.AllNoncust, L.NonCustomer, 0, Facets.noncust, Facets.as_of) ?>
  <label class="sr-only" for="sleep"><?cs var:L.CustomerAnalysis.Sleep ?></label>
  <select id="sleep" name="sleep">
    <option value=""><?cs var:L.List.AllSleep ?></option>
    <option value="any"<?cs if:Filter.sleep == "any" ?> selected<?cs /if ?>><?cs var:L.List.SleepAny ?><?cs call:facet(Facets.sleep.any) ?></option>
    <option value="drowsy"<?cs if:Filter.sleep == "drowsy" ?> selected<?cs /if ?>><?cs var:L.SleepState.2 ?><?cs call:facet(Facets.sleep.drowsy) ?></option>
    <option value="half"<?cs if:Filter.sleep == "half" ?> selected<?cs /if ?>><?cs var:L.SleepState.3 ?><?cs call:facet(Facets.sleep.half) ?></option>
    <option value="dormant"<?cs if:Filter.sleep == "dormant" ?> selected<?cs /if ?>><?cs var:L.SleepState.4 ?><?cs call:facet(Facets.sleep.dormant) ?></option>
  </select>
  <?cs call:filter_counted("rfm", L.CustomerAnalysis.Rfm, L.List.AllRfm, L.RfmSegment, 0, Facets.rfm, Facets.as_of) ?>
  <label class="sr-only" for="watch"><?cs var:L.CustomerAnalysis.Watch ?></label>
  <select id="watch" name="watch">
    <option value=""><?cs var:L.List.AllWatch ?></option>
    <option value="any"<?cs if:Filter.watch == "any" ?> selected<?cs /if ?>><?cs var:L.List.WatchAny ?><?cs call:facet(Facets.watch.any) ?></option>
    <?cs each:k = L.WatchReason ?><option value="<?cs name:k ?>"<?cs if:Filter.watch == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="bought_product"><?cs var:L.List.BoughtProduct ?></label>
  <select id="bought_product" name="bought_product">
    <option value=""><?cs var:L.List.AllProducts ?></option>
    <?cs each:p = Products ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.bought_product ?> selected<?cs /if ?>><?cs var:p.code ?> <?cs var:p.name ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="bought_category"><?cs var:L.List.BoughtCategory ?></label>
  <select id="bought_category" name="bought_category">
    <option value=""><?cs var:L.List.AllCategories ?></option>
    <?cs each:g = Categories ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.bought_category ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
  <label class="check"><?cs var:L.List.BoughtFrom ?> <input id="bought_from" name="bought_from" type="date" value="<?cs var:Filter.bought_from ?>"></label>
  <label class="check"><?cs var:L.List.BoughtTo ?> <input id="bought_to" name="bought_to" type="date" value="<?cs var:Filter.bought_to ?>"></label>
  <?cs if:Facets.as_of ?><p class="muted small facet-note" id="facets-as-of"><?cs var:L.List.CountsBefore ?> <?cs var:Facets.as_of ?> <?cs var:L.List.CountsAfter ?></p><?cs /if ?>
  <?cs call:filter_check("archived", "archived", "1", L.List.Archived) ?>
  <?cs call:filter_check("over_limit", "over_limit", "1", L.Customers.OverLimit) ?>
  <a class="button" href="/customers"><?cs var:L.List.Reset ?></a>
  </div></details>
  <?cs if:Filter.sort ?><input type="hidden" name="sort" value="<?cs var:Filter.sort ?>"><input type="hidden" name="dir" value="<?cs var:Filter.dir ?>"><?cs /if ?>
</form>
<?cs if:Pager.Capped ?><p class="muted" id="count-capped"><?cs var:L.List.CappedHint ?></p><?cs /if ?>
<?cs if:Pager.Total == 0 ?>
<p class="empty" id="no-results"><?cs var:L.Customers.None ?></p>
<?cs elif:!subcount(Customers) ?>
<p class="empty" id="no-results"><?cs var:L.Customers.None ?></p>
<?cs call:pager("/customers") ?>
<?cs else ?>
<div class="table-wrap">
<?cs # The name first: the first column is the one a wide table keeps in view. ?>
<table class="data" id="customer-list">
  <thead><tr>
    <?cs call:sort_th("/customers", "name", L.Customers.Name, "") ?>
    <?cs call:sort_th("/customers", "code", L.Customers.Code, "") ?>
    <th class="opt"><?cs var:L.Customers.Kind ?></th>
    <?cs call:sort_th("/customers", "region", L.Customers.Region, "") ?>
    <th class="opt"><?cs var:L.Customers.City ?></th>
    <th class="opt"><?cs var:L.Customers.Phone ?></th>
    <th class="opt"><?cs var:L.Customers.Owner ?></th>
    <?cs call:sort_th("/customers", "lifecycle", L.Customers.Lifecycle, "opt") ?>
    <?cs call:sort_th("/customers", "class", L.Customers.Class, "center") ?>
    <?cs call:sort_th("/customers", "purchase", L.Customers.LastPurchase, "opt") ?>
  </tr></thead>
  <tbody>
  <?cs each:c = Customers ?>
  <tr<?cs if:c.status != "active" ?> class="archived"<?cs /if ?>>
    <td class="name"><a href="/customers/<?cs var:c.id ?>"><?cs var:c.name ?></a><?cs if:c.status != "active" ?> <span class="tag"><?cs var:L.List.ArchivedTag ?></span><?cs /if ?><?cs if:c.sleep_state >= 2 ?> <span class="tag warn sleep-tag"><?cs var:L.List.SleepShort[c.sleep_state] ?></span><?cs /if ?><?cs if:c.watch_score > 0 ?> <span class="tag danger watch-tag" title="<?cs var:L.CustomerAnalysis.Watch ?>"><?cs var:L.List.WatchShort ?></span><?cs /if ?></td>
    <td class="mono"><?cs var:c.code ?></td>
    <td class="opt"><?cs var:L.Kind[c.kind] ?></td>
    <td><?cs call:region_name(c) ?></td>
    <td class="opt"><?cs var:c.city ?></td>
    <td class="opt mono nowrap"><?cs var:c.phone ?></td>
    <td class="opt"><?cs call:dash(c.owner) ?></td>
    <td class="opt"><span class="tag lc-<?cs var:c.lifecycle ?>"><?cs var:L.Lifecycle[c.lifecycle] ?></span></td>
    <td class="center"><?cs call:class_badge(c.abc_class) ?></td>
    <td class="opt nowrap"><?cs call:dash(c.last_purchase_on) ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/customers") ?>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
