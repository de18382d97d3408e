<?cs # The customer's fields, shared by the create/edit form and the conflict page. ?>
    <fieldset class="form-grid">
      <legend><?cs var:L.Customers.Basic ?></legend>
      <?cs call:text_field("name", L.Customers.Name, "text", 1) ?>
      <?cs call:text_field("code", L.Customers.Code, "text", 0) ?>
      <?cs call:choice_field("kind", L.Customers.Kind, L.Kind, 1) ?>
      <div class="field<?cs if:Form.Errors.region_id ?> invalid<?cs /if ?>"><label for="f-region_id"><?cs var:L.Customers.Region ?> <span class="req" aria-hidden="true">*</span></label>
        <select id="f-region_id" name="region_id" required<?cs if:Form.Errors.region_id ?> aria-invalid="true" aria-describedby="err-region_id"<?cs /if ?>><?cs if:!Form.region_id ?><option value=""><?cs var:L.Choose ?></option><?cs /if ?><?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Form.region_id ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?></select><?cs call:field_error("region_id") ?></div>
      <div class="field<?cs if:Form.Errors.owner_id ?> invalid<?cs /if ?>"><label for="f-owner_id"><?cs var:L.Customers.Owner ?></label>
        <select id="f-owner_id" name="owner_id"<?cs if:Form.Errors.owner_id ?> aria-invalid="true" aria-describedby="err-owner_id"<?cs /if ?>><option value="">—</option><?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Form.owner_id ?> selected<?cs /if ?>><?cs var:o.display_name ?> · <?cs var:L.Role[o.role] ?></option><?cs /each ?></select><?cs call:field_error("owner_id") ?></div>
      <?cs call:choice_field("size_class", L.Customers.SizeClass, L.SizeClass, 0) ?>
      <?cs call:choice_field("loyalty", L.Customers.Loyalty, L.Loyalty, 0) ?>
      <?cs call:choice_field("non_customer", L.Customers.NonCustomer, L.NonCustomer, 0) ?>
      <?cs call:text_field("credit_limit", L.Customers.CreditLimit, "text", 0) ?>
      <?cs call:text_field("payment_terms", L.Customers.PaymentTerms, "number", 0) ?>
    </fieldset>
    <fieldset class="form-grid">
      <legend><?cs var:L.Edit.Contact ?></legend>
      <?cs call:text_field("address", L.Customers.Address, "text", 0) ?>
      <?cs call:text_field("city", L.Customers.City, "text", 0) ?>
      <?cs call:text_field("postal_code", L.Customers.PostalCode, "text", 0) ?>
      <?cs call:text_field("phone", L.Customers.Phone, "tel", 0) ?>
      <?cs call:text_field("fax", L.Customers.Fax, "tel", 0) ?>
      <?cs call:text_field("email", L.Customers.Email, "email", 0) ?>
    </fieldset>
    <fieldset class="form-grid">
      <legend><?cs var:L.Edit.Business ?></legend>
      <?cs call:text_field("founded_year", L.Customers.Founded, "number", 0) ?>
      <?cs call:text_field("sales_force", L.Customers.SalesForce, "number", 0) ?>
      <?cs call:text_field("delivery_capacity", L.Customers.DeliveryCapacity, "text", 0) ?>
      <?cs call:text_field("warehouse_capacity", L.Customers.WarehouseCapacity, "text", 0) ?>
      <?cs call:area_field("history", L.Customers.History, 0) ?>
      <?cs call:area_field("org_structure", L.Customers.OrgStructure, 0) ?>
      <?cs call:area_field("business_goals", L.Customers.BusinessGoals, 0) ?>
    </fieldset>
