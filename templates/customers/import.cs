<?cs set:Page.Title = L.Import.Title ?><?cs include:"layout/top.cs" ?>
<?cs def:column_table(id, cols, rules) ?>
  <div class="table-wrap">
  <table class="data" id="<?cs var:id ?>">
    <thead><tr>
      <th><?cs var:L.Import.Column ?></th>
      <th><?cs var:L.Import.Required ?></th>
      <th><?cs var:L.Import.Rules ?></th>
    </tr></thead>
    <tbody>
    <?cs each:c = cols ?>
    <tr>
      <td class="nowrap"><strong><?cs var:c.zh ?></strong><br><span class="muted mono"><?cs var:c.name ?></span></td>
      <td><?cs if:c.required ?><?cs var:L.Import.Required ?><?cs else ?><span class="muted"><?cs var:L.Import.Optional ?></span><?cs /if ?></td>
      <td><?cs var:rules[c.name] ?><?cs
        if:c.name == "kind" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:k = L.Kind ?><?cs if:!first(k) ?><?cs call:list_sep() ?><?cs /if ?><?cs var:k ?><?cs /each ?><?cs
        elif:c.name == "lifecycle" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:k = L.Lifecycle ?><?cs if:!first(k) ?><?cs call:list_sep() ?><?cs /if ?><?cs var:k ?><?cs /each ?><?cs
        elif:c.name == "loyalty" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:k = L.Loyalty ?><?cs if:!first(k) ?><?cs call:list_sep() ?><?cs /if ?><?cs var:k ?><?cs /each ?><?cs
        elif:c.name == "size_class" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:k = L.SizeClass ?><?cs if:!first(k) ?><?cs call:list_sep() ?><?cs /if ?><?cs var:k ?><?cs /each ?><?cs
        elif:c.name == "non_customer" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:k = L.NonCustomer ?><?cs if:!first(k) ?><?cs call:list_sep() ?><?cs /if ?><?cs var:k ?><?cs /each ?><?cs
        elif:c.name == "region_id" ?><br><?cs var:L.Import.Values ?><?cs call:colon() ?><?cs each:g = Import.Regions ?><?cs if:!first(g) ?><?cs call:list_sep() ?><?cs /if ?><?cs call:region_label(g) ?> <span class="muted mono"><?cs var:g.code ?></span><?cs /each ?><?cs
        /if ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
<?cs /def ?>
<p class="crumb"><a href="/customers">← <?cs var:L.Customers.Back ?></a></p>
<div class="page-head">
  <h1><?cs var:L.Import.Title ?></h1>
</div>
<p class="prose"><?cs var:L.Import.Intro ?></p>
<?cs if:Import.Error ?><div class="alert" role="alert" id="import-error"><strong><?cs var:L.Import.Error.Title ?></strong><br><?cs var:Import.Error ?><?cs if:Import.ErrorArg ?> <?cs var:Import.ErrorArg ?><?cs /if ?></div><?cs /if ?>
<form method="post" action="/customers/import" enctype="multipart/form-data" class="card stack" id="import-form">
  <?cs call:csrf_field() ?>
  <fieldset class="stack" id="import-what">
    <legend><?cs var:L.Import.What ?></legend>
    <label><input type="radio" name="what" value="customers"<?cs if:Import.What != "orders" ?> checked<?cs /if ?>> <?cs var:L.Import.WhatCustomers ?></label>
    <label><input type="radio" name="what" value="orders"<?cs if:Import.What == "orders" ?> checked<?cs /if ?>> <?cs var:L.Import.WhatOrders ?></label>
    <label><input type="radio" name="what" value="payments"<?cs if:Import.What == "payments" ?> checked<?cs /if ?>> <?cs var:L.Import.WhatPayments ?></label>
  </fieldset>
  <label for="import-file"><?cs var:L.Import.File ?></label>
  <input type="file" id="import-file" name="file" required accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-file-hint">
  <p class="muted" id="import-file-hint"><?cs var:L.Import.FileHint ?></p>
  <p class="muted"><?cs var:L.Import.AllOrNothing ?></p>
  <div class="actions">
    <button type="submit" class="button primary" id="import-upload"><?cs var:L.Import.Upload ?></button>
  </div>
</form>
<section class="card" id="import-help">
  <h2><?cs var:L.Import.Columns ?></h2>
  <p><a class="button" href="/static/customer-import-template.csv" download="customer-import-template.csv" id="import-template"><?cs var:L.Import.Template ?></a></p>
  <p class="muted"><?cs var:L.Import.TemplateHint ?></p>
  <?cs call:column_table("import-columns", Import.Cols, L.Import.Rule) ?>
</section>
<section class="card" id="import-order-help">
  <h2><?cs var:L.Import.OrderColumns ?></h2>
  <p><a class="button" href="/static/order-import-template.csv" download="order-import-template.csv" id="import-order-template"><?cs var:L.Import.OrderTemplate ?></a></p>
  <?cs call:column_table("import-order-columns", Import.OrderCols, L.Import.OrderRule) ?>
</section>
<section class="card" id="import-payment-help">
  <h2><?cs var:L.Import.PayColumns ?></h2>
  <p><a class="button" href="/static/payment-import-template.csv" download="payment-import-template.csv" id="import-payment-template"><?cs var:L.Import.PayTemplate ?></a></p>
  <?cs call:column_table("import-payment-columns", Import.PayCols, L.Import.PayRule) ?>
</section>
<?cs include:"layout/bottom.cs" ?>
