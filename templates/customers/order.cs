<?cs # An order on the customer file: the form of a new order, or an order's
     page (its lines, editable while ordered; delivery; cancelling). Lines
     are numbered rows (Rows.N names the fields of row N) so the form works
     without JavaScript; "add lines" sends it back with five more rows. ?>
<?cs if:Order.id ?><?cs set:Page.Title = L.Order.Title + " " + Order.order_no ?><?cs else ?><?cs set:Page.Title = L.Order.New ?><?cs /if ?><?cs include:"layout/top.cs" ?>
<?cs def:product_select(name) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:L.Entry.Product ?></label><select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><option value="">—</option><?cs set:listed = 0 ?><?cs each:p = Products ?><option value="<?cs var:p.id ?>" data-price="<?cs var:p.list_price ?>"<?cs if:Form[name] == p.id ?> selected<?cs set:listed = 1 ?><?cs /if ?>><?cs var:p.code ?> <?cs var:p.name ?> · ¥<?cs var:money(p.list_price) ?></option><?cs /each ?><?cs if:!listed && Form[name] ?><?cs each:l = Order.Lines ?><?cs if:l.product_id == Form[name] && l.active == 0 ?><?cs if:!listed ?><option value="<?cs var:l.product_id ?>" selected><?cs var:l.code ?> <?cs var:l.name ?> (<?cs var:L.Order.Retired ?>)</option><?cs set:listed = 1 ?><?cs /if ?><?cs /if ?><?cs /each ?><?cs /if ?></select><?cs call:field_error(name) ?></div><?cs /def ?>
<p class="crumb"><a href="/customers/<?cs var:Customer.id ?>?tab=orders" id="order-back">← <?cs var:Customer.name ?> · <?cs var:L.Tab.orders ?></a></p>
<div class="page-head">
  <div>
    <h1 id="order-title"><?cs if:Order.id ?><?cs var:L.Order.Title ?> <span class="mono"><?cs var:Order.order_no ?></span><?cs else ?><?cs var:L.Order.New ?><?cs /if ?></h1>
    <?cs if:Order.id ?><p class="badges"><span class="tag order-<?cs var:Order.status ?>" id="order-status"><?cs var:L.OrderStatus[Order.status] ?></span></p><?cs /if ?>
  </div>
</div>
<div class="stats" id="credit-figures">
  <div class="stat<?cs if:Summary.over_limit == 1 ?> warn<?cs /if ?>"><span class="stat-value" id="open-balance">¥<?cs var:money(Summary.open_balance) ?></span><span class="stat-label"><?cs var:L.Order.OpenBalance ?></span></div>
  <div class="stat"><span class="stat-value" id="credit-limit"><?cs if:Customer.credit_limit > 0 ?>¥<?cs var:money(Customer.credit_limit) ?><?cs else ?><?cs var:L.Order.NoLimit ?><?cs /if ?></span><span class="stat-label"><?cs var:L.Customers.CreditLimit ?></span></div>
  <div class="stat"><span class="stat-value"><?cs var:Customer.payment_terms ?> <?cs var:L.Order.Days ?></span><span class="stat-label"><?cs var:L.Customers.PaymentTerms ?></span></div>
  <?cs if:Order.id ?><div class="stat"><span class="stat-value" id="order-total">¥<?cs var:money(Order.total) ?></span><span class="stat-label"><?cs var:L.Order.Total ?></span></div><?cs /if ?>
</div>
<?cs if:Credit.over ?>
<div class="alert warn" role="alert" id="credit-warning"><p><?cs var:L.Order.OverLimit ?></p>
  <dl class="facts compact"><div><dt><?cs var:L.Customers.CreditLimit ?></dt><dd id="warn-limit">¥<?cs var:money(Credit.limit) ?></dd></div><div><dt><?cs var:L.Order.OpenBalance ?></dt><dd id="warn-balance">¥<?cs var:money(Credit.balance) ?></dd></div><div><dt><?cs var:L.Order.NewBalance ?></dt><dd id="warn-new-balance">¥<?cs var:money(Credit.new_balance) ?></dd></div></dl>
  <p><?cs if:Credit.may_confirm ?><?cs var:L.Order.LeaderConfirm ?><?cs else ?><?cs var:L.Order.AskLeader ?><?cs /if ?></p></div>
<?cs /if ?>
<?cs if:Theirs.id ?>
<div class="alert" role="alert" id="conflict"><?cs var:L.Order.ConflictIntro ?></div>
<section class="card">
  <h2><?cs var:L.Conflict.Theirs ?> · ¥<?cs var:money(Theirs.total) ?> · <?cs var:Theirs.ordered_on ?></h2>
  <div class="table-wrap"><table class="data compact" id="conflict-diff">
    <thead><tr><th><?cs var:L.Entry.Product ?></th><th class="num"><?cs var:L.Entry.Quantity ?></th><th class="num"><?cs var:L.Entry.UnitPrice ?></th><th class="num"><?cs var:L.Order.Discount ?></th><th class="num"><?cs var:L.Entry.Amount ?></th></tr></thead>
    <tbody><?cs each:l = Theirs.Lines ?><tr><td><?cs var:l.code ?> <?cs var:l.name ?></td><td class="num"><?cs var:l.quantity ?></td><td class="num">¥<?cs var:money(l.unit_price) ?></td><td class="num"><?cs var:l.discount_pct ?>%</td><td class="num">¥<?cs var:money(l.amount) ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs /if ?>
<?cs if:Order.id && Order.status != "ordered" ?>
<section class="card" id="order-summary">
  <dl class="facts">
    <div><dt><?cs var:L.Order.OrderedOn ?></dt><dd><?cs var:Order.ordered_on ?></dd></div>
    <div><dt><?cs var:L.Order.ExpectedOn ?></dt><dd><?cs call:dash(Order.expected_on) ?></dd></div>
    <div><dt><?cs var:L.Entry.Delivered ?></dt><dd><?cs call:dash(Order.delivered_on) ?></dd></div>
    <div><dt><?cs var:L.Entry.Salesperson ?></dt><dd><?cs call:dash(Order.salesperson) ?></dd></div>
    <?cs if:Order.cancel_reason ?><div class="wide"><dt><?cs var:L.Order.CancelReason ?></dt><dd class="prose" id="cancel-reason"><?cs var:Order.cancel_reason ?></dd></div><?cs /if ?>
    <?cs if:Order.note ?><div class="wide"><dt><?cs var:L.Entry.Note ?></dt><dd class="prose"><?cs var:Order.note ?></dd></div><?cs /if ?>
  </dl>
  <div class="table-wrap"><table class="data" id="order-lines">
    <thead><tr><th><?cs var:L.Entry.Product ?></th><th class="num"><?cs var:L.Entry.Quantity ?></th><th class="num"><?cs var:L.Entry.UnitPrice ?></th><th class="num"><?cs var:L.Order.Discount ?></th><th class="num"><?cs var:L.Entry.Amount ?></th></tr></thead>
    <tbody><?cs each:l = Order.Lines ?><tr><td><?cs var:l.code ?> <?cs var:l.name ?><?cs if:l.active == 0 ?> <span class="tag"><?cs var:L.Order.Retired ?></span><?cs /if ?></td><td class="num"><?cs var:l.quantity ?></td><td class="num nowrap">¥<?cs var:money(l.unit_price) ?></td><td class="num"><?cs var:l.discount_pct ?>%</td><td class="num nowrap">¥<?cs var:money(l.amount) ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs else ?>
<form method="post" action="/customers/<?cs var:Customer.id ?>/orders/<?cs if:Order.id ?>edit<?cs else ?>new<?cs /if ?>" class="card customer-form" id="order-form" novalidate>
  <?cs call:csrf_field() ?>
  <input type="hidden" name="rows" value="<?cs var:Form.rows ?>">
  <?cs if:Order.id ?><input type="hidden" name="order_id" value="<?cs var:Order.id ?>"><input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Order.Head ?></legend>
    <?cs call:text_field("ordered_on", L.Order.OrderedOn, "date", 1) ?>
    <?cs call:text_field("expected_on", L.Order.ExpectedOn, "date", 0) ?>
    <?cs call:area_field("note", L.Entry.Note, 0) ?>
  </fieldset>
  <fieldset class="order-lines" id="order-lines">
    <legend><?cs var:L.Order.Lines ?></legend>
    <p class="muted small"><?cs var:L.Order.LinesHelp ?></p>
    <?cs each:row = Rows ?><div class="form-grid order-line" id="line-<?cs name:row ?>">
      <span class="line-no" aria-hidden="true"><?cs var:row.no ?></span>
      <?cs call:product_select(row.product) ?>
      <?cs call:text_field(row.qty, L.Entry.Quantity, "number", 0) ?>
      <?cs call:text_field(row.price, L.Order.UnitPriceDefault, "text", 0) ?>
      <?cs call:text_field(row.discount, L.Order.DiscountPct, "text", 0) ?>
    </div><?cs /each ?>
    <?cs if:Form.rows < 50 ?><button type="submit" name="more" value="1" class="button" id="order-more"><?cs var:L.Order.MoreLines ?></button><?cs /if ?>
  </fieldset>
  <?cs if:Credit.over && Credit.may_confirm ?>
  <fieldset class="form-grid">
    <legend><?cs var:L.Order.Confirm ?></legend>
    <input type="hidden" name="credit_asked" value="1">
    <?cs call:area_field("credit_reason", L.Order.CreditReason, 1) ?>
  </fieldset>
  <?cs /if ?>
  <div class="actions">
    <button type="submit" class="button primary" id="order-save"><?cs if:Credit.over && Credit.may_confirm ?><?cs var:L.Order.SaveOverLimit ?><?cs else ?><?cs var:L.Entry.Save ?><?cs /if ?></button>
    <a class="button" href="/customers/<?cs var:Customer.id ?>?tab=orders" id="order-cancel-edit"><?cs var:L.Order.Back ?></a>
  </div>
</form>
<?cs if:Order.id ?>
<section class="card order-steps" id="order-steps">
  <form method="post" action="/customers/<?cs var:Customer.id ?>/orders/deliver" class="form-grid" id="order-deliver-form" novalidate>
    <h2 class="wide"><?cs var:L.Order.Deliver ?></h2>
    <?cs call:csrf_field() ?><input type="hidden" name="order_id" value="<?cs var:Order.id ?>"><input type="hidden" name="version" value="<?cs var:Order.version ?>">
    <?cs call:text_field("delivered_on", L.Entry.Delivered, "date", 1) ?>
    <div class="actions wide"><button type="submit" class="button primary" id="order-deliver"><?cs var:L.Order.DeliverAction ?></button></div>
  </form>
  <form method="post" action="/customers/<?cs var:Customer.id ?>/orders/cancel" class="form-grid" id="order-cancel-form" novalidate>
    <h2 class="wide"><?cs var:L.Order.Cancel ?></h2>
    <p class="muted small wide"><?cs var:L.Order.CancelHelp ?></p>
    <?cs call:csrf_field() ?><input type="hidden" name="order_id" value="<?cs var:Order.id ?>"><input type="hidden" name="version" value="<?cs var:Order.version ?>">
    <?cs call:area_field("cancel_reason", L.Order.CancelReason, 1) ?>
    <div class="actions wide"><button type="submit" class="button danger" id="order-cancel"><?cs var:L.Order.CancelAction ?></button></div>
  </form>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs if:Order.credit_reason ?><section class="card" id="credit-confirmed"><h2 class="sub"><?cs var:L.Order.Confirmed ?></h2><p class="prose"><?cs var:Order.credit_reason ?></p><p class="muted small"><?cs var:Order.credit_by ?></p></section><?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
