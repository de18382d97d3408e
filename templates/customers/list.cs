<?cs set:Page.Title = L.Customers.Title ?><?cs include:"layout/top.cs" ?><?cs
def:sort_th(key, label, cls) ?><th<?cs if:cls ?> class="<?cs var:cls ?>"<?cs /if ?><?cs
  if:Filter.sort == key ?> aria-sort="<?cs if:Filter.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><a class="sort" data-sort="<?cs var:key ?>" title="<?cs var:L.List.SortBy ?>" href="/customers?<?cs var:Filter.Query ?>&amp;sort=<?cs var:key ?>&amp;dir=<?cs if:Filter.sort == key && Filter.dir == "asc" ?>desc<?cs else ?>asc<?cs /if ?>"><?cs var:label ?><?cs
  if:Filter.sort == key ?> <span aria-hidden="true"><?cs if:Filter.dir == "desc" ?>▼<?cs else ?>▲<?cs /if ?></span><?cs /if ?></a></th><?cs
/def ?><?cs
def:facet(v) ?><?cs if:Facets.as_of ?> (<?cs alt:v ?>0<?cs /alt ?>)<?cs /if ?><?cs /def ?><?cs
def:page_href(p) ?>/customers?<?cs var:Filter.QuerySorted ?>&amp;page=<?cs var:p ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Customers.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Customers.FoundBefore ?> <strong><?cs var:Pager.Total ?></strong><?cs if:Pager.Capped ?><?cs var:L.List.CountCapped ?><?cs /if ?> <?cs var:L.Customers.FoundAfter ?></p>
  <p class="actions" id="export-links">
    <a class="button primary" id="new-customer" href="/customers/new">+ <?cs var:L.Customers.New ?></a>
    <?cs if:User.Role != "regional_manager" ?><a class="button" id="import-link" href="/customers/import"><?cs var:L.Import.Link ?></a><?cs /if ?>
    <span class="muted"><?cs var:L.List.Export ?><?cs call:colon() ?></span>
    <a class="button" id="export-csv" title="<?cs var:L.List.ExportHint ?>" href="/customers/export.csv?<?cs var:Filter.QuerySorted ?>"><?cs var:L.List.ExportCsv ?></a>
    <a class="button" id="export-xlsx" title="<?cs var:L.List.ExportHint ?>" href="/customers/export.xlsx?<?cs var:Filter.QuerySorted ?>"><?cs var:L.List.ExportXlsx ?></a></p>
</div>
<form method="get" action="/customers" class="filters" role="search" id="customer-filters">
  <label class="sr-only" for="q"><?cs var:L.Customers.SearchPlaceholder ?></label>
  <input id="q" name="q" type="search" value="<?cs var:Filter.q ?>" placeholder="<?cs var:L.Customers.SearchPlaceholder ?>">
  <button type="submit" class="button primary"><?cs var:L.Customers.Search ?></button>
  <?cs call:filter_fold(#Filter.region > 0 || Filter.kind != "" || Filter.stage != "" || Filter.class != "" || #Filter.owner > 0 || Filter.city != "" || Filter.postal != "" || #Filter.archived > 0 || #Filter.over_limit > 0 || Filter.size != "" || Filter.loyalty != "" || Filter.noncust != "" || Filter.sleep != "" || #Filter.rfm > 0 || Filter.watch != "" || #Filter.bought_product > 0 || #Filter.bought_category > 0 || Filter.bought_from != "" || Filter.bought_to != "") ?><div class="fold-body">
  <label class="sr-only" for="region"><?cs var:L.Customers.Region ?></label>
  <select id="region" name="region">
    <option value="0"><?cs var:L.Customers.AllRegions ?></option>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.region ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="kind"><?cs var:L.Customers.Kind ?></label>
  <select id="kind" name="kind">
    <option value=""><?cs var:L.Customers.AllKinds ?></option>
    <?cs each:k = L.Kind ?><option value="<?cs name:k ?>"<?cs if:Filter.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="stage"><?cs var:L.List.Stage ?></label>
  <select id="stage" name="stage">
    <option value=""><?cs var:L.List.AllStages ?></option>
    <?cs each:k = L.Lifecycle ?><option value="<?cs name:k ?>"<?cs if:Filter.stage == name(k) ?> selected<?cs /if ?>><?cs var:k ?><?cs call:facet(Facets.stage[name(k)]) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="class"><?cs var:L.List.Class ?></label>
  <select id="class" name="class">
    <option value=""><?cs var:L.List.AllClasses ?></option>
    <option value="A"<?cs if:Filter.class == "A" ?> selected<?cs /if ?>>A <?cs var:L.AbcName.A ?><?cs call:facet(Facets.class.A) ?></option>
    <option value="B"<?cs if:Filter.class == "B" ?> selected<?cs /if ?>>B <?cs var:L.AbcName.B ?><?cs call:facet(Facets.class.B) ?></option>
    <option value="C"<?cs if:Filter.class == "C" ?> selected<?cs /if ?>>C <?cs var:L.AbcName.C ?><?cs call:facet(Facets.class.C) ?></option>
  </select>
  <label class="sr-only" for="owner"><?cs var:L.List.Owner ?></label>
  <select id="owner" name="owner">
    <option value="0"><?cs var:L.List.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Filter.owner ?> selected<?cs /if ?>><?cs var:o.name ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="city"><?cs var:L.List.City ?></label>
  <input id="city" name="city" type="text" value="<?cs var:Filter.city ?>" placeholder="<?cs var:L.List.City ?>" size="8">
  <label class="sr-only" for="postal"><?cs var:L.List.Postal ?></label>
  <input id="postal" name="postal" type="text" inputmode="numeric" maxlength="6" value="<?cs var:Filter.postal ?>" placeholder="<?cs var:L.List.Postal ?>" size="8">
  <label class="sr-only" for="size"><?cs var:L.Customers.SizeClass ?></label>
  <select id="size" name="size">
    <option value=""><?cs var:L.List.AllSizes ?></option>
    <?cs each:k = L.SizeClass ?><option value="<?cs name:k ?>"<?cs if:Filter.size == name(k) ?> selected<?cs /if ?>><?cs var:k ?><?cs call:facet(Facets.size[name(k)]) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="loyalty"><?cs var:L.Customers.Loyalty ?></label>
  <select id="loyalty" name="loyalty">
    <option value=""><?cs var:L.List.AllLoyalty ?></option>
    <?cs each:k = L.Loyalty ?><option value="<?cs name:k ?>"<?cs if:Filter.loyalty == name(k) ?> selected<?cs /if ?>><?cs var:k ?><?cs call:facet(Facets.loyalty[name(k)]) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="noncust"><?cs var:L.Customers.NonCustomer ?></label>
  <select id="noncust" name="noncust">
    <option value=""><?cs var:L.List.AllNoncust ?></option>
    <?cs each:k = L.NonCustomer ?><option value="<?cs name:k ?>"<?cs if:Filter.noncust == name(k) ?> selected<?cs /if ?>><?cs var:k ?><?cs call:facet(Facets.noncust[name(k)]) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="sleep"><?cs var:L.CustomerAnalysis.Sleep ?></label>
  <select id="sleep" name="sleep">
    <option value=""><?cs var:L.List.AllSleep ?></option>
    <option value="any"<?cs if:Filter.sleep == "any" ?> selected<?cs /if ?>><?cs var:L.List.SleepAny ?><?cs call:facet(Facets.sleep.any) ?></option>
    <option value="drowsy"<?cs if:Filter.sleep == "drowsy" ?> selected<?cs /if ?>><?cs var:L.SleepState.2 ?><?cs call:facet(Facets.sleep.drowsy) ?></option>
    <option value="half"<?cs if:Filter.sleep == "half" ?> selected<?cs /if ?>><?cs var:L.SleepState.3 ?><?cs call:facet(Facets.sleep.half) ?></option>
    <option value="dormant"<?cs if:Filter.sleep == "dormant" ?> selected<?cs /if ?>><?cs var:L.SleepState.4 ?><?cs call:facet(Facets.sleep.dormant) ?></option>
  </select>
  <label class="sr-only" for="rfm"><?cs var:L.CustomerAnalysis.Rfm ?></label>
  <select id="rfm" name="rfm">
    <option value=""><?cs var:L.List.AllRfm ?></option>
    <?cs each:k = L.RfmSegment ?><option value="<?cs name:k ?>"<?cs if:Filter.rfm == name(k) ?> selected<?cs /if ?>><?cs var:k ?><?cs call:facet(Facets.rfm[name(k)]) ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="watch"><?cs var:L.CustomerAnalysis.Watch ?></label>
  <select id="watch" name="watch">
    <option value=""><?cs var:L.List.AllWatch ?></option>
    <option value="any"<?cs if:Filter.watch == "any" ?> selected<?cs /if ?>><?cs var:L.List.WatchAny ?><?cs call:facet(Facets.watch.any) ?></option>
    <?cs each:k = L.WatchReason ?><option value="<?cs name:k ?>"<?cs if:Filter.watch == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="bought_product"><?cs var:L.List.BoughtProduct ?></label>
  <select id="bought_product" name="bought_product">
    <option value="0"><?cs var:L.List.AllProducts ?></option>
    <?cs each:p = Products ?><option value="<?cs var:p.id ?>"<?cs if:p.id == Filter.bought_product ?> selected<?cs /if ?>><?cs var:p.code ?> <?cs var:p.name ?></option><?cs /each ?>
  </select>
  <label class="sr-only" for="bought_category"><?cs var:L.List.BoughtCategory ?></label>
  <select id="bought_category" name="bought_category">
    <option value="0"><?cs var:L.List.AllCategories ?></option>
    <?cs each:g = Categories ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.bought_category ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
  <label class="check"><?cs var:L.List.BoughtFrom ?> <input id="bought_from" name="bought_from" type="date" value="<?cs var:Filter.bought_from ?>"></label>
  <label class="check"><?cs var:L.List.BoughtTo ?> <input id="bought_to" name="bought_to" type="date" value="<?cs var:Filter.bought_to ?>"></label>
  <?cs if:Facets.as_of ?><p class="muted small facet-note" id="facets-as-of"><?cs var:L.List.CountsBefore ?> <?cs var:Facets.as_of ?> <?cs var:L.List.CountsAfter ?></p><?cs /if ?>
  <label class="check"><input id="archived" name="archived" type="checkbox" value="1"<?cs if:Filter.archived ?> checked<?cs /if ?>> <?cs var:L.List.Archived ?></label>
  <label class="check"><input id="over_limit" name="over_limit" type="checkbox" value="1"<?cs if:Filter.over_limit ?> checked<?cs /if ?>> <?cs var:L.Customers.OverLimit ?></label>
  <a class="button" href="/customers"><?cs var:L.List.Reset ?></a>
  </div></details>
  <?cs if:Filter.sort ?><input type="hidden" name="sort" value="<?cs var:Filter.sort ?>"><input type="hidden" name="dir" value="<?cs var:Filter.dir ?>"><?cs /if ?>
</form>
<?cs if:Pager.Capped ?><p class="muted" id="count-capped"><?cs var:L.List.CappedHint ?></p><?cs /if ?>
<?cs if:Pager.Total == 0 ?>
<p class="empty" id="no-results"><?cs var:L.Customers.None ?></p>
<?cs elif:!subcount(Customers) ?>
<p class="empty" id="no-results"><?cs var:L.Customers.None ?></p>
<nav class="pager" aria-label="<?cs var:L.Pager.Label ?>"><a class="button" rel="first" href="<?cs call:page_href(1) ?>">1</a></nav>
<?cs else ?>
<div class="table-wrap">
<?cs # The name first: the first column is the one a wide table keeps in view. ?>
<table class="data" id="customer-list">
  <thead><tr>
    <?cs call:sort_th("name", L.Customers.Name, "") ?>
    <?cs call:sort_th("code", L.Customers.Code, "") ?>
    <th class="opt"><?cs var:L.Customers.Kind ?></th>
    <?cs call:sort_th("region", L.Customers.Region, "") ?>
    <th class="opt"><?cs var:L.Customers.City ?></th>
    <th class="opt"><?cs var:L.Customers.Phone ?></th>
    <th class="opt"><?cs var:L.Customers.Owner ?></th>
    <?cs call:sort_th("lifecycle", L.Customers.Lifecycle, "opt") ?>
    <?cs call:sort_th("class", L.Customers.Class, "center") ?>
    <?cs call:sort_th("purchase", L.Customers.LastPurchase, "opt") ?>
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
<nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
  <?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs call:page_href(Pager.Prev) ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
  <span class="pages"><?cs each:l = Pager.Links ?><?cs if:l.gap ?><span class="muted">…</span><?cs elif:l.page == Pager.Page ?><span class="current" aria-current="page"><?cs var:l.page ?></span><?cs else ?><a class="page" href="<?cs call:page_href(l.page) ?>"><?cs var:l.page ?></a><?cs /if ?> <?cs /each ?></span>
  <span class="muted"><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?><?cs if:Pager.Capped && Pager.Next ?><?cs var:L.List.CountCapped ?><?cs /if ?> <?cs var:L.Pager.PageAfter ?></span>
  <?cs if:Pager.Next ?><a class="button" rel="next" href="<?cs call:page_href(Pager.Next) ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
