<?cs set:Page.Title = L.Public.Form.Title ?><?cs include:"complaint/top.cs" ?>
<?cs # One column on a phone; the grid opens to two or three at desktop width. ?>
<div class="public-page">
<h1><?cs var:L.Public.Form.Title ?></h1>
<p class="muted"><?cs var:L.Public.Form.Intro ?></p>
<?cs if:subcount(Form.Errors) > 0 ?><div class="alert" role="alert" id="form-errors"><?cs var:L.Public.Form.FixErrors ?><?cs if:Form.FilesAgain ?> <?cs var:L.Public.Form.FilesAgain ?><?cs /if ?></div><?cs /if ?>
<form method="post" action="/complaint" enctype="multipart/form-data" class="card public-form" id="complaint-form" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="idem" value="<?cs var:Form.idem ?>">
  <fieldset class="form-grid">
    <legend><?cs var:L.Public.Form.What ?></legend>
    <fieldset class="field wide choice-group<?cs if:Form.Errors.kind ?> invalid<?cs /if ?>" id="f-kind">
      <legend><?cs var:L.Public.Field.kind ?> <span class="req" aria-hidden="true">*</span></legend>
      <div class="choices">
        <?cs each:k = L.Public.Kind ?><label class="choice"><input type="radio" name="kind" value="<?cs name:k ?>"<?cs if:Form.kind == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label><?cs /each ?>
      </div>
      <?cs call:field_error("kind") ?>
    </fieldset>
    <div class="field wide<?cs if:Form.Errors.reason ?> invalid<?cs /if ?>"><label for="f-reason"><?cs var:L.Public.Field.reason ?> <span class="req" aria-hidden="true">*</span></label><select id="f-reason" name="reason"<?cs if:Form.Errors.reason ?> aria-invalid="true" aria-describedby="err-reason"<?cs /if ?>><option value="">—</option><?cs each:c = L.Public.Reason ?><option value="<?cs name:c ?>"<?cs if:Form.reason == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select><?cs call:field_error("reason") ?></div>
    <?cs call:area_field("description", L.Public.Field.description, 1) ?>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Public.Form.Product ?></legend>
    <?cs call:product_field("product_id", L.Public.Field.product_id, 0) ?>
    <?cs call:text_field("product_text", L.Public.Field.product_text, "text", 0) ?>
    <div class="field<?cs if:Form.Errors.purchase_date ?> invalid<?cs /if ?>"><label for="f-purchase_date"><?cs var:L.Public.Field.purchase_date ?></label><input id="f-purchase_date" name="purchase_date" type="date" max="<?cs var:Today ?>" value="<?cs var:Form.purchase_date ?>"<?cs if:Form.Errors.purchase_date ?> aria-invalid="true" aria-describedby="err-purchase_date"<?cs /if ?>><?cs call:field_error("purchase_date") ?></div>
    <?cs call:text_field("order_ref", L.Public.Field.order_ref, "text", 0) ?>
    <fieldset class="field wide choice-group return-only<?cs if:Form.Errors.packaging_intact ?> invalid<?cs /if ?>" id="f-packaging_intact">
      <legend><?cs var:L.Public.Field.packaging_intact ?></legend>
      <div class="choices">
        <label class="choice"><input type="radio" name="packaging_intact" value="1"<?cs if:Form.packaging_intact == "1" ?> checked<?cs /if ?>> <?cs var:L.Public.Packaging.Yes ?></label>
        <label class="choice"><input type="radio" name="packaging_intact" value="0"<?cs if:Form.packaging_intact == "0" ?> checked<?cs /if ?>> <?cs var:L.Public.Packaging.No ?></label>
      </div>
      <p class="hint"><?cs var:L.Public.Form.ReturnRule ?></p>
      <?cs call:field_error("packaging_intact") ?>
    </fieldset>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Public.Form.Contact ?></legend>
    <?cs call:text_field("name", L.Public.Field.name, "text", 1) ?>
    <?cs call:text_field("phone", L.Public.Field.phone, "tel", 1) ?>
    <?cs call:text_field("email", L.Public.Field.email, "email", 0) ?>
    <?cs call:text_field("company", L.Public.Field.company, "text", 0) ?>
    <div class="field<?cs if:Form.Errors.province_id ?> invalid<?cs /if ?>"><label for="f-province_id"><?cs var:L.Public.Field.province_id ?> <span class="req" aria-hidden="true">*</span></label><select id="f-province_id" name="province_id"<?cs if:Form.Errors.province_id ?> aria-invalid="true" aria-describedby="err-province_id"<?cs /if ?>><option value="">—</option><?cs each:p = Provinces ?><option value="<?cs var:p.id ?>"<?cs if:Form.province_id == p.id ?> selected<?cs /if ?>><?cs call:region_label(p) ?></option><?cs /each ?></select><?cs call:field_error("province_id") ?></div>
  </fieldset>
  <fieldset class="form-grid">
    <legend><?cs var:L.Public.Form.Files ?></legend>
    <p class="hint wide" id="files-hint"><?cs var:L.Public.Form.FilesHint ?></p>
    <?cs loop:i = 1, 3, 1 ?><?cs set:fname = "file" + i ?>
    <div class="field<?cs if:Form.Errors[fname] ?> invalid<?cs /if ?>"><label for="f-<?cs var:fname ?>"><?cs var:L.Public.Field.file ?> <?cs var:i ?></label><input id="f-<?cs var:fname ?>" name="<?cs var:fname ?>" type="file" accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" aria-describedby="files-hint<?cs if:Form.Errors[fname] ?> err-<?cs var:fname ?><?cs /if ?>"<?cs if:Form.Errors[fname] ?> aria-invalid="true"<?cs /if ?>><?cs call:field_error(fname) ?></div>
    <?cs /loop ?>
  </fieldset>
  <div class="hp" aria-hidden="true">
    <label for="f-referral_code"><?cs var:L.Public.Form.LeaveEmpty ?></label>
    <input id="f-referral_code" name="referral_code" type="text" value="" tabindex="-1" autocomplete="off">
  </div>
  <div class="actions">
    <button type="submit" class="button primary" id="submit-complaint"><?cs var:L.Public.Form.Submit ?></button>
    <a href="/complaint/status"><?cs var:L.Public.Form.CheckStatus ?></a>
  </div>
</form>
</div>
<?cs include:"complaint/bottom.cs" ?>
