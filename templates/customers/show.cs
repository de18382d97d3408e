<?cs set:Page.Title = Customer.name ?><?cs include:"layout/top.cs" ?>
<?cs def:entry_form(kind) ?><details class="add-form"<?cs if:Form.entry == kind ?> open<?cs /if ?>>
  <summary class="button"><?cs var:L.Entry.Add[kind] ?></summary>
  <form method="post" action="/customers/<?cs var:Customer.id ?>/entries" class="form-grid" id="form-<?cs var:kind ?>" novalidate>
    <?cs call:csrf_field() ?><input type="hidden" name="entry" value="<?cs var:kind ?>">
<?cs /def ?><?cs def:edit_cell(id) ?><td class="row-actions"><a class="link small" href="/customers/<?cs var:Customer.id ?>?tab=<?cs var:Tab.Name ?>&amp;edit=<?cs var:id ?>#entry-edit" id="edit-<?cs var:Tab.Name ?>-<?cs var:id ?>"><?cs var:L.Entry.EditAction ?></a></td><?cs /def ?><?cs def:edit_head() ?><th class="row-actions"><span class="sr-only"><?cs var:L.Entry.Actions ?></span></th><?cs /def ?><?cs def:entry_form_end() ?>
    <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Entry.Save ?></button></div>
  </form>
</details><?cs /def ?>
<p class="crumb"><a href="/customers">← <?cs var:L.Customers.Back ?></a></p>
<div class="page-head">
  <div>
    <h1 id="customer-name"><?cs var:Customer.name ?></h1>
    <p class="badges">
      <span class="mono"><?cs var:Customer.code ?></span>
      <span class="tag"><?cs var:L.Kind[Customer.kind] ?></span>
      <span class="tag lc-<?cs var:Customer.lifecycle ?>"><?cs var:L.Lifecycle[Customer.lifecycle] ?></span>
      <?cs if:Customer.abc_class ?><span class="class-named" id="abc-class"><?cs call:class_badge(Customer.abc_class) ?> <span aria-hidden="true"><?cs var:L.AbcName[Customer.abc_class] ?></span></span><?cs /if ?>
      <?cs if:Customer.status == "archived" ?><span class="tag warn" id="archived-badge"><?cs var:L.Customers.Archived ?></span><?cs /if ?>
    </p>
  </div>
  <?cs if:Customer.status != "merged" ?>
  <div class="head-actions">
    <a class="button" href="/customers/<?cs var:Customer.id ?>/edit" id="edit-customer"><?cs var:L.Edit.Edit ?></a>
    <?cs if:User.Role != "regional_manager" ?><a class="button" href="/customers/<?cs var:Customer.id ?>/merge"><?cs var:L.Merge.Action ?></a><?cs /if ?>
    <form method="post" action="/customers/<?cs var:Customer.id ?>/<?cs if:Customer.status == "archived" ?>restore<?cs else ?>archive<?cs /if ?>" class="inline" id="archive-form">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button" id="archive-toggle"><?cs if:Customer.status == "archived" ?><?cs var:L.Edit.Restore ?><?cs else ?><?cs var:L.Edit.Archive ?><?cs /if ?></button>
    </form>
    <?cs include:"analysis/wake_link.cs" ?>
  </div>
  <?cs /if ?>
</div>
<?cs if:Customer.status == "merged" ?><div class="alert" role="status" id="merged-notice"><?cs if:Customer.merged_elsewhere ?><?cs var:L.Merge.MergedElsewhere ?><?cs else ?><?cs var:L.Merge.MergedInto ?> <a href="/customers/<?cs var:Customer.merged_into ?>">#<?cs var:Customer.merged_into ?></a><?cs /if ?></div><?cs /if ?>
<div class="stats">
  <div class="stat"><span class="stat-value">¥<?cs var:money(Summary.sales_this_year) ?></span><span class="stat-label"><?cs var:L.Customers.SalesThisYear ?><?cs if:Summary.growth ?> · <span class="<?cs if:Summary.growth < 0 ?>down<?cs else ?>up<?cs /if ?>" id="growth"><?cs if:Summary.growth > 0 ?>+<?cs /if ?><?cs var:Summary.growth ?>%</span><?cs /if ?></span></div>
  <div class="stat"><span class="stat-value">¥<?cs var:money(Summary.sales_last_year) ?></span><span class="stat-label"><?cs var:L.Customers.SalesLastYear ?></span></div>
  <div class="stat<?cs if:Summary.overdue > 0 ?> warn<?cs /if ?>"><span class="stat-value" id="overdue-amount">¥<?cs var:money(Summary.overdue) ?></span><span class="stat-label"><?cs var:L.Customers.Overdue ?></span></div>
  <div class="stat"><span class="stat-value"><?cs alt:Customer.last_purchase_on ?>—<?cs /alt ?></span><span class="stat-label"><?cs var:L.Customers.LastPurchase ?></span></div>
  <div class="stat<?cs if:Summary.over_limit == 1 ?> warn<?cs /if ?>" id="credit-stat"><span class="stat-value" id="open-balance">¥<?cs var:money(Summary.open_balance) ?></span><span class="stat-label"><?cs var:L.Order.OpenBalance ?> / <?cs if:Customer.credit_limit > 0 ?><?cs var:L.Customers.CreditLimit ?> ¥<?cs var:money(Customer.credit_limit) ?><?cs else ?><?cs var:L.Order.NoLimit ?><?cs /if ?><?cs if:Summary.over_limit == 1 ?> · <strong><?cs var:L.Customers.OverLimit ?></strong><?cs /if ?></span></div>
</div>
<?cs include:"customers/analysis_head.cs" ?>
<nav class="tabs" aria-label="<?cs var:L.Customers.Title ?>">
  <?cs each:t = Tabs ?><a href="/customers/<?cs var:Customer.id ?>?tab=<?cs var:t ?>"<?cs if:t == Tab.Name ?> class="active" aria-current="page"<?cs /if ?> id="tab-<?cs var:t ?>"><?cs var:L.Tab[t] ?><?cs if:TabCount[t] > 0 ?> <span class="count"><?cs var:TabCount[t] ?></span><?cs /if ?><?cs if:t == "payments" && Summary.overdue_count > 0 ?> <span class="count warn" title="<?cs var:L.Customers.OverdueCount ?>"><span class="sr-only"><?cs var:L.Customers.OverdueCount ?> </span><?cs var:Summary.overdue_count ?></span><?cs /if ?></a><?cs /each ?>
</nav>
<section class="card tab-body" id="tab-body">
<?cs if:Edit.kind ?><?cs include:"customers/entry_edit.cs" ?>
<?cs elif:Tab.Name == "basic" ?>
  <dl class="facts">
    <div><dt><?cs var:L.Customers.Region ?></dt><dd><?cs call:region_name(Customer) ?> · <?cs var:Customer.city ?></dd></div>
    <div><dt><?cs var:L.Customers.Address ?></dt><dd><?cs call:dash(Customer.address) ?></dd></div>
    <div><dt><?cs var:L.Customers.PostalCode ?></dt><dd class="mono"><?cs call:dash(Customer.postal_code) ?></dd></div>
    <div><dt><?cs var:L.Customers.Phone ?></dt><dd class="mono"><?cs call:dash(Customer.phone) ?></dd></div>
    <div><dt><?cs var:L.Customers.Fax ?></dt><dd class="mono"><?cs call:dash(Customer.fax) ?></dd></div>
    <div><dt><?cs var:L.Customers.Email ?></dt><dd><?cs call:dash(Customer.email) ?></dd></div>
    <div><dt><?cs var:L.Customers.Owner ?></dt><dd><?cs call:dash(Customer.owner) ?></dd></div>
    <div><dt><?cs var:L.Customers.Founded ?></dt><dd><?cs call:dash(Customer.founded_year) ?></dd></div>
    <div><dt><?cs var:L.Customers.SalesForce ?></dt><dd><?cs call:dash(Customer.sales_force) ?></dd></div>
    <div><dt><?cs var:L.Customers.DeliveryCapacity ?></dt><dd><?cs call:dash(Customer.delivery_capacity) ?></dd></div>
    <div><dt><?cs var:L.Customers.WarehouseCapacity ?></dt><dd><?cs call:dash(Customer.warehouse_capacity) ?></dd></div>
    <div><dt><?cs var:L.Customers.CreditLimit ?></dt><dd>¥<?cs var:money(Customer.credit_limit) ?></dd></div>
    <div><dt><?cs var:L.Customers.PaymentTerms ?></dt><dd><?cs var:Customer.payment_terms ?></dd></div>
    <div><dt><?cs var:L.Customers.SizeClass ?></dt><dd id="size-class"><?cs if:Customer.size_class ?><?cs var:L.SizeClass[Customer.size_class] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Customers.Loyalty ?></dt><dd><?cs if:Customer.loyalty ?><?cs var:L.Loyalty[Customer.loyalty] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Customers.NonCustomer ?></dt><dd><?cs if:Customer.non_customer ?><?cs var:L.NonCustomer[Customer.non_customer] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Customers.Orders ?></dt><dd><?cs var:Summary.orders ?></dd></div>
    <div><dt><?cs var:L.Customers.LastContact ?></dt><dd><?cs call:dash(Summary.last_contact) ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.History ?></dt><dd class="prose"><?cs call:dash(Customer.history) ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.OrgStructure ?></dt><dd class="prose"><?cs call:dash(Customer.org_structure) ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.BusinessGoals ?></dt><dd class="prose"><?cs call:dash(Customer.business_goals) ?></dd></div>
  </dl>
  <?cs if:subcount(People) > 0 ?>
  <h2 class="sub"><?cs var:L.Customers.KeyPeople ?></h2>
  <div class="table-wrap"><table class="data compact" id="key-people">
    <thead><tr><th><?cs var:L.Customers.Person ?></th><th><?cs var:L.Customers.Position ?></th><th><?cs var:L.Customers.Phone ?></th><th class="opt"><?cs var:L.Customers.Birthday ?></th></tr></thead>
    <tbody><?cs each:p = People ?><tr><td class="name"><?cs var:p.name ?><?cs if:p.left_on ?> <span class="tag"><?cs var:L.Entry.Left ?></span><?cs /if ?></td><td><?cs var:L.ContactRole[p.role] ?></td><td class="mono nowrap"><?cs call:dash(p.phone) ?></td><td class="opt nowrap"><?cs call:dash(p.birthday) ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <p class="muted small"><?cs var:L.Customers.Created ?> <?cs var:Customer.created_at ?> <?cs var:Customer.created_by_name ?> · <?cs var:L.Customers.Updated ?> <?cs var:Customer.updated_at ?> <?cs var:Customer.updated_by_name ?></p>

<?cs elif:Tab.Name == "people" ?>
  <?cs call:entry_form("person") ?>
    <?cs call:text_field("name", L.Customers.Person, "text", 1) ?>
    <?cs call:choice_field("role", L.Customers.Position, L.ContactRole, 1) ?>
    <?cs call:text_field("title", L.Entry.Title, "text", 0) ?>
    <?cs call:text_field("authority", L.Customers.Authority, "text", 0) ?>
    <?cs call:text_field("phone", L.Customers.Phone, "tel", 0) ?>
    <?cs call:text_field("email", L.Customers.Email, "email", 0) ?>
    <?cs call:text_field("birthday", L.Customers.Birthday, "date", 0) ?>
    <?cs call:text_field("personality", L.Customers.Personality, "text", 0) ?>
    <?cs call:text_field("hobbies", L.Customers.Hobbies, "text", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Customers.NoKeyPeople ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="key-people">
    <thead><tr><th><?cs var:L.Customers.Person ?></th><th><?cs var:L.Customers.Position ?></th><th class="opt"><?cs var:L.Customers.Authority ?></th><th><?cs var:L.Customers.Phone ?></th><th class="opt"><?cs var:L.Customers.Email ?></th><th class="opt"><?cs var:L.Customers.Personality ?></th><th class="opt"><?cs var:L.Customers.Birthday ?></th><th class="opt"><?cs var:L.Customers.Hobbies ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:p = Tab.Rows ?><tr<?cs if:p.left_on ?> class="left"<?cs /if ?>>
      <td class="name"><?cs var:p.name ?><?cs if:p.left_on ?> <span class="tag" id="left-<?cs var:p.id ?>"><?cs var:L.Entry.Left ?> <?cs var:p.left_on ?></span><?cs /if ?></td>
      <td><?cs var:L.ContactRole[p.role] ?><?cs if:p.title && p.title != L.ContactRole[p.role] ?> <span class="muted">· <?cs var:p.title ?></span><?cs /if ?></td>
      <td class="opt"><?cs call:dash(p.authority) ?></td><td class="mono nowrap"><?cs call:dash(p.phone) ?></td>
      <td class="opt nowrap"><?cs call:dash(p.email) ?></td><td class="opt"><?cs call:dash(p.personality) ?></td>
      <td class="opt nowrap"><?cs call:dash(p.birthday) ?></td><td class="opt"><?cs call:dash(p.hobbies) ?></td>
      <?cs call:edit_cell(p.id) ?>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "needs" || Tab.Name == "strategy" ?>
  <?cs call:entry_form(Tab.Name) ?>
    <?cs if:Tab.Name == "needs" ?><?cs call:choice_field("category", L.Entry.Category, L.NeedsCategory, 1) ?><?cs else ?><?cs call:choice_field("category", L.Entry.Category, L.StrategyCategory, 1) ?><?cs /if ?>
    <?cs call:text_field("noted_on", L.Entry.Date, "date", 1) ?>
    <?cs call:area_field("content", L.Entry.Content, 1) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <ol class="timeline" id="dynamics">
    <?cs each:d = Tab.Rows ?><li><p class="timeline-head"><span class="nowrap"><?cs var:d.noted_on ?></span> <span class="tag"><?cs if:Tab.Name == "needs" ?><?cs var:L.NeedsCategory[d.category] ?><?cs else ?><?cs var:L.StrategyCategory[d.category] ?><?cs /if ?></span> <span class="muted small"><?cs var:d.who ?></span> <a class="link small" href="/customers/<?cs var:Customer.id ?>?tab=<?cs var:Tab.Name ?>&amp;edit=<?cs var:d.id ?>#entry-edit" id="edit-<?cs var:Tab.Name ?>-<?cs var:d.id ?>"><?cs var:L.Entry.EditAction ?></a></p><p class="prose"><?cs var:d.content ?></p></li><?cs /each ?>
  </ol><?cs /if ?>

<?cs elif:Tab.Name == "contacts" ?>
  <?cs call:entry_form("contact") ?>
    <?cs call:choice_field("channel", L.Entry.Channel, L.Channel, 1) ?>
    <?cs call:text_field("contacted_on", L.Entry.Date, "date", 1) ?>
    <?cs call:text_field("people", L.Entry.People, "text", 0) ?>
    <?cs call:area_field("heard", L.Entry.Heard, 1) ?>
    <?cs call:text_field("next_action", L.Entry.NextAction, "text", 0) ?>
    <?cs call:text_field("next_due", L.Entry.NextDue, "date", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="contact-log">
    <thead><tr><th><?cs var:L.Entry.Date ?></th><th><?cs var:L.Entry.Channel ?></th><th class="opt"><?cs var:L.Entry.Staff ?></th><th class="opt"><?cs var:L.Entry.People ?></th><th><?cs var:L.Entry.Heard ?></th><th><?cs var:L.Entry.NextAction ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:c = Tab.Rows ?><tr<?cs if:c.overdue == 1 ?> class="overdue"<?cs /if ?>>
      <td class="nowrap"><?cs var:c.contacted_on ?></td><td class="nowrap"><?cs var:L.Channel[c.channel] ?></td>
      <td class="opt nowrap"><?cs call:dash(c.staff) ?></td><td class="opt"><?cs call:dash(c.people) ?></td>
      <td class="prose"><?cs var:c.heard ?></td>
      <td><?cs if:c.next_action ?><?cs var:c.next_action ?><?cs if:c.next_due ?> <span class="nowrap muted">(<?cs var:c.next_due ?>)</span><?cs /if ?>
        <?cs if:c.done == 1 ?> <span class="tag"><?cs var:L.Entry.Done ?></span><?cs else ?><?cs if:c.overdue == 1 ?> <span class="tag warn"><?cs var:L.Entry.Overdue ?></span><?cs /if ?>
        <form method="post" action="/customers/<?cs var:Customer.id ?>/entries" class="inline" id="done-<?cs var:c.id ?>"><?cs call:csrf_field() ?><input type="hidden" name="entry" value="done"><input type="hidden" name="entry_id" value="<?cs var:c.id ?>"><button type="submit" class="link small"><?cs var:L.Entry.MarkDone ?></button></form><?cs /if ?>
      <?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <?cs call:edit_cell(c.id) ?>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "orders" ?>
  <?cs if:Customer.status == "active" ?><p><a class="button" href="/customers/<?cs var:Customer.id ?>/orders/new" id="order-new"><?cs var:L.Order.New ?></a></p><?cs /if ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="orders">
    <thead><tr><th><?cs var:L.Entry.OrderNo ?></th><th><?cs var:L.Entry.Date ?></th><th><?cs var:L.Entry.Status ?></th><th class="opt"><?cs var:L.Entry.Delivered ?></th><th><?cs var:L.Entry.Items ?></th><th class="num"><?cs var:L.Entry.Amount ?></th><th class="opt"><?cs var:L.Entry.Salesperson ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:o = Tab.Rows ?><tr>
      <td class="mono nowrap"><a href="/customers/<?cs var:Customer.id ?>/orders/edit?order=<?cs var:o.id ?>" id="order-<?cs var:o.id ?>"><?cs var:o.order_no ?></a></td><td class="nowrap"><?cs var:o.ordered_on ?></td><td class="nowrap"><span class="tag order-<?cs var:o.status ?>"><?cs var:L.OrderStatus[o.status] ?></span><?cs if:o.credit_reason ?> <span class="tag warn" title="<?cs var:o.credit_reason ?>"><?cs var:L.Customers.OverLimit ?></span><?cs /if ?></td><td class="opt nowrap"><?cs call:dash(o.delivered_on) ?></td>
      <td><?cs var:o.items ?></td><td class="num nowrap">¥<?cs var:money(o.total) ?></td><td class="opt nowrap"><?cs call:dash(o.salesperson) ?></td>
      <?cs call:edit_cell(o.id) ?>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "payments" ?>
  <?cs include:"customers/payments_tab.cs" ?>

<?cs elif:Tab.Name == "incentives" ?>
  <?cs call:entry_form("incentive") ?>
    <?cs call:choice_field("kind", L.Entry.Kind, L.IncentiveKind, 1) ?>
    <?cs call:text_field("granted_on", L.Entry.Date, "date", 1) ?>
    <?cs call:text_field("amount", L.Entry.Amount, "text", 1) ?>
    <?cs call:text_field("description", L.Entry.Description, "text", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="incentives">
    <thead><tr><th><?cs var:L.Entry.Date ?></th><th><?cs var:L.Entry.Kind ?></th><th class="num"><?cs var:L.Entry.Amount ?></th><th><?cs var:L.Entry.Description ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:i = Tab.Rows ?><tr><td class="nowrap"><?cs var:i.granted_on ?></td><td><?cs var:L.IncentiveKind[i.kind] ?></td><td class="num nowrap">¥<?cs var:money(i.amount) ?></td><td><?cs call:dash(i.description) ?></td><?cs call:edit_cell(i.id) ?></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "quotes" ?>
  <?cs call:entry_form("quote") ?>
    <?cs call:text_field("quoted_on", L.Entry.Date, "date", 1) ?>
    <?cs call:product_field("product_id", L.Entry.Product, 1) ?>
    <?cs call:text_field("quantity", L.Entry.Quantity, "number", 1) ?>
    <?cs call:text_field("unit_price", L.Entry.UnitPrice, "text", 1) ?>
    <?cs call:text_field("valid_until", L.Entry.ValidUntil, "date", 0) ?>
    <?cs call:choice_field("status", L.Entry.Status, L.QuoteStatus, 1) ?>
    <?cs call:text_field("note", L.Entry.Note, "text", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="quotes">
    <thead><tr><th><?cs var:L.Entry.Date ?></th><th><?cs var:L.Entry.Product ?></th><th class="num"><?cs var:L.Entry.Quantity ?></th><th class="num"><?cs var:L.Entry.UnitPrice ?></th><th class="num"><?cs var:L.Entry.Amount ?></th><th class="opt"><?cs var:L.Entry.ValidUntil ?></th><th><?cs var:L.Entry.Status ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:q = Tab.Rows ?><tr><td class="nowrap"><?cs var:q.quoted_on ?></td><td><?cs var:q.product ?><?cs if:q.note ?> <span class="muted small">· <?cs var:q.note ?></span><?cs /if ?></td><td class="num"><?cs var:q.quantity ?></td><td class="num nowrap">¥<?cs var:money(q.unit_price) ?></td><td class="num nowrap">¥<?cs var:money(q.amount) ?></td><td class="opt nowrap"><?cs call:dash(q.valid_until) ?></td><td><span class="tag"><?cs var:L.QuoteStatus[q.status] ?></span></td><?cs call:edit_cell(q.id) ?></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "service" ?>
  <?cs call:entry_form("service") ?>
    <?cs call:text_field("served_on", L.Entry.Date, "date", 1) ?>
    <?cs call:choice_field("kind", L.Entry.Kind, L.ServiceKind, 1) ?>
    <?cs call:product_field("product_id", L.Entry.Product, 0) ?>
    <?cs call:area_field("description", L.Entry.Description, 1) ?>
    <?cs call:text_field("result", L.Entry.Result, "text", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="service">
    <thead><tr><th><?cs var:L.Entry.Date ?></th><th><?cs var:L.Entry.Kind ?></th><th class="opt"><?cs var:L.Entry.Product ?></th><th><?cs var:L.Entry.Description ?></th><th><?cs var:L.Entry.Result ?></th><th class="opt"><?cs var:L.Entry.Staff ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:s = Tab.Rows ?><tr><td class="nowrap"><?cs var:s.served_on ?></td><td class="nowrap"><?cs var:L.ServiceKind[s.kind] ?></td><td class="opt"><?cs call:dash(s.product) ?></td><td class="prose"><?cs var:s.description ?></td><td><?cs call:dash(s.result) ?></td><td class="opt nowrap"><?cs call:dash(s.staff) ?></td><?cs call:edit_cell(s.id) ?></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "finance" ?>
  <?cs call:entry_form("finance") ?>
    <?cs call:text_field("year", L.Entry.Year, "number", 1) ?>
    <?cs call:text_field("current_ratio", L.Finance.CurrentRatio, "text", 0) ?>
    <?cs call:text_field("net_margin", L.Finance.NetMargin, "text", 0) ?>
    <?cs call:text_field("roa", L.Finance.Roa, "text", 0) ?>
    <?cs call:text_field("collection_days", L.Finance.CollectionDays, "number", 0) ?>
    <?cs call:text_field("inventory_days", L.Finance.InventoryDays, "number", 0) ?>
  <?cs call:entry_form_end() ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="financials">
    <thead><tr><th><?cs var:L.Entry.Year ?></th><th class="num"><?cs var:L.Finance.CurrentRatio ?></th><th class="num"><?cs var:L.Finance.NetMargin ?></th><th class="num"><?cs var:L.Finance.Roa ?></th><th class="num"><?cs var:L.Finance.CollectionDays ?></th><th class="num"><?cs var:L.Finance.InventoryDays ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:f = Tab.Rows ?><tr><td><?cs var:f.year ?></td><td class="num"><?cs call:dash(f.current_ratio) ?></td><td class="num"><?cs if:f.net_margin ?><?cs var:f.net_margin ?>%<?cs else ?>—<?cs /if ?></td><td class="num"><?cs if:f.roa ?><?cs var:f.roa ?>%<?cs else ?>—<?cs /if ?></td><td class="num"><?cs call:dash(f.collection_days) ?></td><td class="num"><?cs call:dash(f.inventory_days) ?></td><?cs call:edit_cell(f.year) ?></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "complaints" ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Complaints.NoneForCustomer ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="customer-complaints">
    <thead><tr><th><?cs var:L.Complaints.TrackingNo ?></th><th><?cs var:L.Complaints.Kind ?></th><th><?cs var:L.Complaints.Reason ?></th><th><?cs var:L.Complaints.Step ?></th><th class="opt"><?cs var:L.Complaints.Received ?></th></tr></thead>
    <tbody><?cs each:c = Tab.Rows ?><tr<?cs if:c.overdue == 1 ?> class="overdue"<?cs /if ?>>
      <td class="mono nowrap"><a href="/complaints/<?cs var:c.id ?>"><?cs var:c.tracking_no ?></a></td><td class="nowrap"><?cs var:L.ComplaintKind[c.kind] ?></td><td><?cs var:L.ComplaintReason[c.reason] ?></td>
      <td><?cs if:c.status == "closed" ?><span class="tag"><?cs var:L.Complaints.Closed ?></span><?cs else ?><?cs var:L.StepName[c.step] ?><?cs if:c.overdue == 1 ?> <span class="tag warn"><?cs var:L.Complaints.Overdue ?></span><?cs /if ?><?cs /if ?></td>
      <td class="opt nowrap"><?cs var:c.received_at ?></td>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>

<?cs elif:Tab.Name == "support" ?>
  <?cs if:Customer.kind != "dealer" ?><p class="empty"><?cs var:L.Plans.NotDealer ?></p><?cs else ?>
  <p><a class="button primary" href="/plans/new?customer=<?cs var:url_escape(Customer.code) ?>" id="new-support-plan"><?cs var:L.Plans.NewForDealer ?></a></p>
  <h3><?cs var:L.Plans.SupportTab ?></h3>
  <?cs if:subcount(Support.Plans) == 0 ?><p class="empty"><?cs var:L.Plans.NoPlans ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="customer-plans">
    <thead><tr><th><?cs var:L.Plans.Year ?></th><th><?cs var:L.Plans.Status ?></th><th class="num"><?cs var:L.Plans.Budget ?></th><th class="num"><?cs var:L.Plans.Actual ?></th><th><?cs var:L.Plans.Overspend ?></th><th class="num opt"><?cs var:L.Plans.ExecCount ?></th><th class="num"><?cs var:L.Plans.Avg ?></th></tr></thead>
    <tbody><?cs each:p = Support.Plans ?><tr data-id="<?cs var:p.id ?>">
      <td><a href="/plans/<?cs var:p.id ?>"><?cs var:p.year ?></a></td><td class="nowrap"><span class="tag"><?cs var:L.PlanStatus[p.status] ?></span></td>
      <td class="num nowrap">¥<?cs var:money(p.budget) ?></td><td class="num nowrap">¥<?cs var:money(p.actual) ?></td>
      <td><?cs if:p.overspent == "1" ?><span class="tag danger">⚠ <?cs var:L.Plans.Overspent ?></span><?cs /if ?></td>
      <td class="num opt"><?cs var:p.executions ?></td><td class="num"><?cs if:p.rating ?><?cs var:p.rating ?>/5<?cs else ?><span class="muted">—</span><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
  <?cs include:"customers/support_return.cs" ?>
  <h3><?cs var:L.Plans.SupportNext ?></h3>
  <?cs if:subcount(Support.Next) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data compact" id="support-next">
    <thead><tr><th><?cs var:L.Plans.NextMonth ?></th><th><?cs var:L.Plans.Measure ?></th><th class="opt"><?cs var:L.Plans.Months ?></th><th class="opt"><?cs var:L.Plans.Owner ?></th><th class="num"><?cs var:L.Plans.Budget ?></th></tr></thead>
    <tbody><?cs each:n = Support.Next ?><tr><td class="nowrap"><?cs var:n.next_month ?><?cs var:L.Plans.Month ?></td><td><a href="/plans/<?cs var:n.plan_id ?>"><?cs if:Page.Lang == "en" ?><?cs var:n.measure_en ?><?cs else ?><?cs var:n.measure_zh ?><?cs /if ?></a></td><td class="opt"><?cs var:n.Months ?></td><td class="opt"><?cs call:dash(n.owner) ?></td><td class="num nowrap">¥<?cs var:money(n.budget) ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
  <h3><?cs var:L.Plans.SupportResults ?></h3>
  <?cs if:subcount(Support.Results) == 0 ?><p class="empty"><?cs var:L.Plans.NoExecutions ?></p><?cs else ?>
  <div class="table-wrap"><table class="data compact" id="support-results">
    <thead><tr><th><?cs var:L.Plans.DoneOn ?></th><th><?cs var:L.Plans.Measure ?></th><th class="opt"><?cs var:L.Plans.WhatDone ?></th><th class="num"><?cs var:L.Plans.ActualCost ?></th><th><?cs var:L.Plans.Rating ?></th><th class="opt"><?cs var:L.Plans.Result ?></th></tr></thead>
    <tbody><?cs each:x = Support.Results ?><tr><td class="nowrap"><?cs var:x.done_on ?></td><td><?cs if:Page.Lang == "en" ?><?cs var:x.measure_en ?><?cs else ?><?cs var:x.measure_zh ?><?cs /if ?></td><td class="opt prose"><?cs var:x.what_done ?></td><td class="num nowrap">¥<?cs var:money(x.actual_cost) ?></td><td class="nowrap"><?cs if:x.rating ?><?cs var:x.rating ?>/5<?cs else ?><span class="muted">—</span><?cs /if ?></td><td class="opt prose"><?cs call:dash(x.result) ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
  <?cs /if ?>

<?cs elif:Tab.Name == "history" ?>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="history">
    <thead><tr><th><?cs var:L.History.When ?></th><th><?cs var:L.History.Who ?></th><th><?cs var:L.History.What ?></th><th><?cs var:L.History.Detail ?></th></tr></thead>
    <tbody><?cs each:a = Tab.Rows ?><tr><td class="nowrap"><?cs var:a.at ?></td><td class="nowrap"><?cs call:dash(a.who) ?></td><td class="nowrap"><?cs alt:L.History.Action[a.action] ?><?cs var:a.action ?><?cs /alt ?></td><td class="prose small"><?cs if:subcount(a.Changes) ?><ul class="changes"><?cs each:c = a.Changes ?><li><strong><?cs var:c.label ?></strong> <span class="was"><?cs call:dash(c.before) ?></span> → <span class="now"><?cs call:dash(c.after) ?></span></li><?cs /each ?></ul><?cs if:a.reason ?><span class="reason"><?cs var:L.History.Reason ?> <?cs var:a.reason ?></span><?cs /if ?><?cs elif:a.entry ?><span class="entry-kind"><?cs var:L.EntryKind[a.entry] ?></span> <?cs var:a.label ?><?cs if:subcount(a.EntryChanges) ?><ul class="changes"><?cs each:c = a.EntryChanges ?><li><strong><?cs var:c.label ?></strong> <span class="was"><?cs call:dash(c.before) ?></span> → <span class="now"><?cs call:dash(c.after) ?></span></li><?cs /each ?></ul><?cs /if ?><?cs if:a.reason ?><br><span class="reason"><?cs var:L.History.Reason ?> <?cs var:a.reason ?></span><?cs /if ?><?cs elif:a.file ?><?cs var:L.History.FromFile ?> <span class="mono"><?cs var:a.file ?></span><?cs else ?><?cs var:a.detail ?><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
<?cs /if ?>
</section>
<?cs include:"layout/bottom.cs" ?>
