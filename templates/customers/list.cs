<?cs set:Page.Title = L.Customers.Title ?><?cs include:"layout/top.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Customers.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Customers.FoundBefore ?> <strong><?cs var:Pager.Total ?></strong> <?cs var:L.Customers.FoundAfter ?></p>
</div>
<form method="get" action="/customers" class="filters" role="search">
  <label class="sr-only" for="q"><?cs var:L.Customers.SearchPlaceholder ?></label>
  <input id="q" name="q" type="search" value="<?cs var:Filter.q ?>" placeholder="<?cs var:L.Customers.SearchPlaceholder ?>">
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
  <button type="submit" class="button primary"><?cs var:L.Customers.Search ?></button>
</form>
<?cs if:Pager.Total == 0 ?>
<p class="empty" id="no-results"><?cs var:L.Customers.None ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="data" id="customer-list">
  <thead><tr>
    <th><?cs var:L.Customers.Code ?></th>
    <th><?cs var:L.Customers.Name ?></th>
    <th class="opt"><?cs var:L.Customers.Kind ?></th>
    <th><?cs var:L.Customers.Region ?></th>
    <th class="opt"><?cs var:L.Customers.City ?></th>
    <th class="opt"><?cs var:L.Customers.Phone ?></th>
    <th class="opt"><?cs var:L.Customers.Owner ?></th>
    <th class="opt"><?cs var:L.Customers.Lifecycle ?></th>
    <th class="center"><?cs var:L.Customers.Class ?></th>
    <th class="opt"><?cs var:L.Customers.LastPurchase ?></th>
  </tr></thead>
  <tbody>
  <?cs each:c = Customers ?>
  <tr>
    <td class="mono"><?cs var:c.code ?></td>
    <td class="name"><a href="/customers/<?cs var:c.id ?>"><?cs var:c.name ?></a></td>
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
  <?cs if:Pager.Prev ?><a class="button" rel="prev" href="/customers?q=<?cs var:url_escape(Filter.q) ?>&amp;region=<?cs var:Filter.region ?>&amp;kind=<?cs var:url_escape(Filter.kind) ?>&amp;page=<?cs var:Pager.Prev ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
  <span class="muted"><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
  <?cs if:Pager.Next ?><a class="button" rel="next" href="/customers?q=<?cs var:url_escape(Filter.q) ?>&amp;region=<?cs var:Filter.region ?>&amp;kind=<?cs var:url_escape(Filter.kind) ?>&amp;page=<?cs var:Pager.Next ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
