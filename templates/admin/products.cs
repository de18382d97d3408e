<?cs set:Page.Title = L.Admin.Products ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<div class="page-head"><h1><?cs var:L.Admin.Products ?></h1><a class="button primary" href="/admin/products/new" id="new-product"><?cs var:L.Admin.NewProduct ?></a></div>
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
<?cs # A category's name in its row: what was typed and its message when this
     row's save was refused (Form.category names the row), else the name. ?><?cs
def:category_input(c, name, label) ?><?cs if:Form.category == c.id ?><input form="category-form-<?cs var:c.id ?>" name="<?cs var:name ?>" aria-label="<?cs var:label ?>" value="<?cs var:Form[name] ?>" required<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs call:field_error(name) ?><?cs
else ?><input form="category-form-<?cs var:c.id ?>" name="<?cs var:name ?>" aria-label="<?cs var:label ?>" value="<?cs var:c[name] ?>" required><?cs /if ?><?cs /def ?>
<section class="card" id="categories">
  <h2><?cs var:L.Admin.Categories ?></h2>
  <div class="table-wrap"><table class="data compact" id="category-table">
    <thead><tr><th>#</th><th><?cs var:L.Admin.NameZh ?></th><th><?cs var:L.Admin.NameEn ?></th><th><span class="sr-only"><?cs var:L.Admin.Save ?></span></th></tr></thead>
    <tbody><?cs each:c = Categories ?><tr data-category="<?cs var:c.id ?>">
      <td class="num"><?cs var:c.id ?></td>
      <td><?cs call:category_input(c, "name_zh", L.Admin.NameZh) ?></td>
      <td><?cs call:category_input(c, "name_en", L.Admin.NameEn) ?></td>
      <td><form method="post" action="/admin/categories/<?cs var:c.id ?>" id="category-form-<?cs var:c.id ?>" novalidate><?cs call:csrf_field() ?><button type="submit" class="button small"><?cs var:L.Admin.Save ?></button></form></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <form method="post" action="/admin/categories" class="form-grid" id="new-category-form" novalidate>
    <?cs call:csrf_field() ?>
    <?cs if:Form.category == "0" ?><?cs call:text_field("name_zh", L.Admin.NameZh, "text", 1) ?><?cs call:text_field("name_en", L.Admin.NameEn, "text", 1) ?><?cs
    else ?><div class="field"><label for="f-name_zh"><?cs var:L.Admin.NameZh ?> <span class="req" aria-hidden="true">*</span></label><input id="f-name_zh" name="name_zh" required></div><div class="field"><label for="f-name_en"><?cs var:L.Admin.NameEn ?> <span class="req" aria-hidden="true">*</span></label><input id="f-name_en" name="name_en" required></div><?cs /if ?>
    <div class="actions wide"><button type="submit" class="button" id="add-category"><?cs var:L.Admin.AddCategory ?></button></div>
  </form>
</section>
<?cs include:"layout/bottom.cs" ?>
