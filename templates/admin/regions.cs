<?cs set:Page.Title = L.Admin.Regions ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/admin">← <?cs var:L.Admin.Title ?></a></p>
<h1><?cs var:L.Admin.Regions ?></h1>
<div class="table-wrap"><table class="data" id="regions">
    <thead><tr><th><?cs var:L.Admin.Code ?></th><th><?cs var:L.Admin.RegionName ?></th><th><?cs var:L.Admin.Provinces ?></th></tr></thead>
    <tbody><?cs each:g = Regions ?><tr data-region="<?cs var:g.code ?>">
      <td class="mono nowrap"><a href="/admin/regions/<?cs var:g.id ?>"><?cs var:g.code ?></a></td>
      <td class="nowrap"><?cs call:region_label(g) ?></td>
      <td><?cs if:Page.Lang == "en" ?><?cs call:dash(g.provinces_en) ?><?cs else ?><?cs call:dash(g.provinces_zh) ?><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
</table></div>
<form method="post" action="/admin/provinces" class="card customer-form" id="provinces-form" novalidate>
  <?cs call:csrf_field() ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Admin.ProvinceRegions ?></legend>
    <p class="hint wide"><?cs var:L.Admin.ProvincesHint ?></p>
    <?cs each:p = Provinces ?><?cs set:key = "province_" + p.id ?><div class="field<?cs if:Form.Errors[key] ?> invalid<?cs /if ?>"><label for="f-province_<?cs var:p.id ?>"><?cs call:region_label(p) ?></label><select id="f-province_<?cs var:p.id ?>" name="province_<?cs var:p.id ?>"><?cs each:g = Regions ?><option value="<?cs var:g.code ?>"<?cs if:g.code == p.region_code ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?></select><?cs call:field_error(key) ?></div><?cs /each ?>
  </fieldset>
  <div class="actions"><button type="submit" class="button primary" id="save-provinces"><?cs var:L.Admin.Save ?></button></div>
</form>
<?cs include:"layout/bottom.cs" ?>
