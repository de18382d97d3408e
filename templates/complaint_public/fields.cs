<?cs # The complaint's own fields, the same on the public form and on staff's
  intake form (issue 15): what happened, the product, the contact. Set
  Intake.ExpectedLabel / Intake.ExpectedHint to word the expectation for staff. ?>
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
    <div class="field wide<?cs if:Form.Errors.expected ?> invalid<?cs /if ?>"><label for="f-expected"><?cs alt:Intake.ExpectedLabel ?><?cs var:L.Public.Field.expected ?><?cs /alt ?></label><select id="f-expected" name="expected"<?cs if:Intake.ExpectedHint ?> aria-describedby="expected-hint"<?cs /if ?><?cs if:Form.Errors.expected ?> aria-invalid="true"<?cs /if ?>><option value="">—</option><?cs each:c = L.Public.Expected ?><option value="<?cs name:c ?>"<?cs if:Form.expected == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select><?cs if:Intake.ExpectedHint ?><p class="hint" id="expected-hint"><?cs var:Intake.ExpectedHint ?></p><?cs /if ?><?cs call:field_error("expected") ?></div>
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
