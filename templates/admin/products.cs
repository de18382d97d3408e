<?cs set:Page.Title = L.Admin.Products ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<div class="page-head"><h1><?cs var:L.Admin.Products ?></h1><a class="button primary" href="/admin/products/new" id="new-product"><?cs var:L.Admin.NewProduct ?></a></div>
<section class="card">
  <div class="table-wrap"><table class="data" id="products">
    <thead><tr><th><?cs var:L.Admin.Code ?></th><th><?cs var:L.Admin.ProductName ?></th><th><?cs var:L.Admin.Category ?></th><th class="num"><?cs var:L.Admin.ListPrice ?></th><th class="num"><?cs var:L.Admin.UnitCost ?></th><th><?cs var:L.Admin.Status ?></th></tr></thead>
    <tbody><?cs each:p = Products ?><tr data-product="<?cs var:p.code ?>"<?cs if:p.active != "1" ?> class="retired"<?cs /if ?>>
      <td class="mono nowrap"><a href="/admin/products/<?cs var:p.id ?>"><?cs var:p.code ?></a></td>
      <td><?cs var:p.name ?></td>
      <td><?cs if:Page.Lang == "en" ?><?cs var:p.category_en ?><?cs else ?><?cs var:p.category_zh ?><?cs /if ?></td>
      <td class="num"><?cs var:p.list_price ?> / <?cs var:p.unit ?></td>
      <td class="num"><?cs var:p.unit_cost ?></td>
      <td class="nowrap"><?cs if:p.active == "1" ?><span class="tag ok"><?cs var:L.Admin.Active ?></span><?cs else ?><span class="tag"><?cs var:L.Admin.Retired ?></span><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs include:"layout/bottom.cs" ?>
