<?cs set:Page.Title = L.Admin.EditRegion ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin/regions">← <?cs var:L.Admin.Regions ?></a></p>
<h1><?cs var:L.Admin.EditRegion ?></h1>
<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Admin.Conflict ?></p>
  <p id="conflict-current"><span class="mono"><?cs var:Current.code ?></span> <?cs var:Current.name_zh ?> · <?cs var:Current.name_en ?></p></div><?cs /if ?>
<form method="post" action="/admin/regions/<?cs var:Form.id ?>" class="card customer-form" id="region-form" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="version" value="<?cs var:Form.version ?>">
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.Region ?></legend>
    <?cs call:text_field("code", L.Admin.Code, "text", 1) ?>
    <?cs call:text_field("name_zh", L.Admin.NameZh, "text", 1) ?>
    <?cs call:text_field("name_en", L.Admin.NameEn, "text", 1) ?>
    <p class="hint wide"><?cs var:L.Admin.RegionCodeHint ?></p>
  </fieldset>
  <div class="actions">
    <button type="submit" class="button primary" id="save-region"><?cs var:L.Admin.Save ?></button>
    <a class="button" href="/admin/regions"><?cs var:L.Admin.Cancel ?></a>
  </div>
</form>
<?cs include:"layout/bottom.cs" ?>
