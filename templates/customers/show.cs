<?cs set:Page.Title = Customer.name ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/customers">← <?cs var:L.Customers.Back ?></a></p>
<div class="page-head">
  <h1 id="customer-name"><?cs var:Customer.name ?></h1>
  <p class="badges">
    <span class="mono"><?cs var:Customer.code ?></span>
    <span class="tag"><?cs var:L.Kind[Customer.kind] ?></span>
    <span class="tag lc-<?cs var:Customer.lifecycle ?>"><?cs var:L.Lifecycle[Customer.lifecycle] ?></span>
    <?cs if:Customer.abc_class ?><?cs call:class_badge(Customer.abc_class) ?><?cs /if ?>
    <?cs if:Customer.status == "archived" ?><span class="tag warn"><?cs var:L.Customers.Archived ?></span><?cs /if ?>
  </p>
</div>
<div class="stats">
  <div class="stat"><span class="stat-value">¥<?cs var:money(Summary.sales_this_year) ?></span><span class="stat-label"><?cs var:L.Customers.SalesThisYear ?></span></div>
  <div class="stat"><span class="stat-value">¥<?cs var:money(Summary.sales_last_year) ?></span><span class="stat-label"><?cs var:L.Customers.SalesLastYear ?></span></div>
  <div class="stat<?cs if:Summary.overdue > 0 ?> warn<?cs /if ?>"><span class="stat-value">¥<?cs var:money(Summary.overdue) ?></span><span class="stat-label"><?cs var:L.Customers.Overdue ?></span></div>
  <div class="stat"><span class="stat-value"><?cs alt:Customer.last_purchase_on ?>—<?cs /alt ?></span><span class="stat-label"><?cs var:L.Customers.LastPurchase ?></span></div>
</div>
<section class="card">
  <h2><?cs var:L.Customers.Basic ?></h2>
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
    <div><dt><?cs var:L.Customers.Loyalty ?></dt><dd><?cs if:Customer.loyalty ?><?cs var:L.Loyalty[Customer.loyalty] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Customers.NonCustomer ?></dt><dd><?cs if:Customer.non_customer ?><?cs var:L.NonCustomer[Customer.non_customer] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Customers.Orders ?></dt><dd><?cs var:Summary.orders ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.History ?></dt><dd class="prose"><?cs call:dash(Customer.history) ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.OrgStructure ?></dt><dd class="prose"><?cs call:dash(Customer.org_structure) ?></dd></div>
    <div class="wide"><dt><?cs var:L.Customers.BusinessGoals ?></dt><dd class="prose"><?cs call:dash(Customer.business_goals) ?></dd></div>
  </dl>
  <p class="muted small"><?cs var:L.Customers.Created ?> <?cs var:Customer.created_at ?> <?cs var:Customer.created_by_name ?> · <?cs var:L.Customers.Updated ?> <?cs var:Customer.updated_at ?> <?cs var:Customer.updated_by_name ?></p>
</section>
<section class="card">
  <h2><?cs var:L.Customers.KeyPeople ?></h2>
  <?cs if:subcount(Contacts) == 0 ?>
  <p class="empty"><?cs var:L.Customers.NoKeyPeople ?></p>
  <?cs else ?>
  <div class="table-wrap">
  <table class="data" id="key-people">
    <thead><tr>
      <th><?cs var:L.Customers.Person ?></th><th><?cs var:L.Customers.Position ?></th>
      <th class="opt"><?cs var:L.Customers.Authority ?></th><th><?cs var:L.Customers.Phone ?></th>
      <th class="opt"><?cs var:L.Customers.Email ?></th><th class="opt"><?cs var:L.Customers.Personality ?></th>
      <th class="opt"><?cs var:L.Customers.Birthday ?></th><th class="opt"><?cs var:L.Customers.Hobbies ?></th>
    </tr></thead>
    <tbody>
    <?cs each:p = Contacts ?>
    <tr>
      <td class="name"><?cs var:p.name ?></td>
      <td><?cs var:L.ContactRole[p.role] ?><?cs if:p.title ?> <span class="muted">· <?cs var:p.title ?></span><?cs /if ?></td>
      <td class="opt"><?cs call:dash(p.authority) ?></td>
      <td class="mono nowrap"><?cs call:dash(p.phone) ?></td>
      <td class="opt nowrap"><?cs call:dash(p.email) ?></td>
      <td class="opt"><?cs call:dash(p.personality) ?></td>
      <td class="opt nowrap"><?cs call:dash(p.birthday) ?></td>
      <td class="opt"><?cs call:dash(p.hobbies) ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<?cs include:"layout/bottom.cs" ?>
