<?cs if:Form.id ?><?cs set:Page.Title = L.Admin.EditProduct ?><?cs else ?><?cs set:Page.Title = L.Admin.NewProduct ?><?cs /if ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin/products">← <?cs var:L.Admin.Products ?></a></p>
<h1><?cs var:Page.Title ?></h1>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Admin.Conflict ?></p>
  <p id="conflict-current"><span class="mono"><?cs var:Current.code ?></span> <?cs var:Current.name ?> · <?cs var:Current.list_price ?> · <?cs var:Current.unit_cost ?> · <?cs if:Current.active == "1" ?><?cs var:L.Admin.Active ?><?cs else ?><?cs var:L.Admin.Retired ?><?cs /if ?></p></div><?cs /if ?>
<form method="post" action="<?cs if:Form.id ?>/admin/products/<?cs var:Form.id ?><?cs else ?>/admin/products<?cs /if ?>" class="card customer-form" id="product-form" novalidate>
  <?cs call:csrf_field() ?>
  <?cs if:Form.id ?><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.Product ?></legend>
    <?cs call:text_field("code", L.Admin.Code, "text", 1) ?>
    <?cs call:text_field("name", L.Admin.ProductName, "text", 1) ?>
    <div class="field<?cs if:Form.Errors.category_id ?> invalid<?cs /if ?>"><label for="f-category_id"><?cs var:L.Admin.Category ?> <span class="req" aria-hidden="true">*</span></label><select id="f-category_id" name="category_id" required<?cs if:Form.Errors.category_id ?> aria-invalid="true" aria-describedby="err-category_id"<?cs /if ?>><?cs if:!Form.category_id ?><option value=""><?cs var:L.Choose ?></option><?cs /if ?><?cs each:c = Categories ?><option value="<?cs var:c.id ?>"<?cs if:Form.category_id == c.id ?> selected<?cs /if ?>><?cs call:region_label(c) ?></option><?cs /each ?></select><?cs call:field_error("category_id") ?></div>
    <?cs call:text_field("unit", L.Admin.Unit, "text", 1) ?>
    <?cs call:text_field("list_price", L.Admin.ListPrice, "text", 1) ?>
    <?cs call:text_field("unit_cost", L.Admin.UnitCost, "text", 1) ?>
    <?cs if:Form.id ?><div class="field"><label class="check" for="f-active"><input type="checkbox" id="f-active" name="active" value="1"<?cs if:Form.active == "1" ?> checked<?cs /if ?>> <?cs var:L.Admin.ProductActive ?></label><p class="hint"><?cs var:L.Admin.RetireHint ?></p></div><?cs /if ?>
  </fieldset>
  <div class="actions">
    <button type="submit" class="button primary" id="save-product"><?cs if:Form.id ?><?cs var:L.Admin.Save ?><?cs else ?><?cs var:L.Admin.Create ?><?cs /if ?></button>
    <a class="button" href="/admin/products"><?cs var:L.Admin.Cancel ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
