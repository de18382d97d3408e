<?cs if:Job.state == "done" || Job.state == "failed" ?><?cs set:Page.Title = L.Import.Result ?><?cs else ?><?cs set:Page.Title = L.Import.Preview ?><?cs /if ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/customers/import">← <?cs var:L.Import.Back ?></a></p>
<div class="page-head">
  <h1><?cs var:Page.Title ?></h1>
  <p class="muted"><?cs var:L.Import.FileName ?><?cs call:colon() ?><strong id="import-filename"><?cs var:Job.filename ?></strong> · <span class="mono"><?cs var:Job.format ?><?cs if:Job.charset ?> <?cs var:Job.charset ?><?cs /if ?></span></p>
</div>
<div class="stats" id="import-counts">
  <div class="stat"><span class="stat-value" id="count-total"><?cs var:Job.total_rows ?></span><span class="stat-label"><?cs var:L.Import.Total ?></span></div>
  <?cs if:Job.entity == "order" && Job.state != "done" ?><div class="stat"><span class="stat-value" id="count-orders"><?cs var:Job.orders ?></span><span class="stat-label"><?cs var:L.Import.Orders ?></span></div><?cs /if ?>
  <div class="stat"><span class="stat-value" id="count-good"><?cs var:Job.good_rows ?></span><span class="stat-label"><?cs var:L.Import.Good ?></span></div>
  <div class="stat<?cs if:Job.bad_rows > 0 ?> warn<?cs /if ?>"><span class="stat-value" id="count-bad"><?cs var:Job.bad_rows ?></span><span class="stat-label"><?cs var:L.Import.Bad ?></span></div>
</div>
<?cs if:Job.state == "done" ?>
<section class="card" id="import-result">
  <h2><?cs var:L.Import.Done ?></h2>
  <p><?cs var:L.Import.DoneBefore ?> <strong id="import-imported"><?cs var:Job.imported ?></strong> <?cs if:Job.entity == "order" ?><?cs var:L.Import.OrdersDoneAfter ?><?cs elif:Job.entity == "payment" ?><?cs var:L.Import.PaymentsDoneAfter ?><?cs else ?><?cs var:L.Import.DoneAfter ?><?cs /if ?></p>
  <p class="actions"><a class="button primary" href="/customers" id="import-to-list"><?cs var:L.Import.ToList ?></a> <a class="button" href="/customers/import" id="import-another"><?cs var:L.Import.Another ?></a></p>
</section>
<?cs elif:Job.state == "failed" ?>
<div class="alert" role="alert" id="import-failed"><?cs var:L.Import.Failed ?> <?cs alt:L.Import.Reason[Job.message] ?><?cs var:L.Import.Reason.Failed ?><?cs /alt ?></div>
<p><a class="button" href="/customers/import"><?cs var:L.Import.Again ?></a></p>
<?cs elif:Job.state == "running" ?>
<div class="alert" role="status" id="import-running"><?cs var:L.Import.Running ?></div>
<?cs elif:Job.expired ?>
<div class="alert" role="alert" id="import-expired"><?cs var:L.Import.Expired ?></div>
<p><a class="button" href="/customers/import"><?cs var:L.Import.Again ?></a></p>
<?cs elif:Job.bad_rows > 0 ?>
<div class="alert" role="alert" id="import-has-errors"><?cs var:L.Import.HasErrors ?> <?cs var:L.Import.AllOrNothingRule ?></div>
<p><a class="button" href="/customers/import"><?cs var:L.Import.Again ?></a> <button type="button" class="button" disabled id="import-commit-disabled"><?cs var:L.Import.Commit ?></button></p>
<?cs else ?>
<form method="post" action="/customers/import/<?cs var:Job.id ?>" class="card" id="import-commit" data-status="/customers/import/<?cs var:Job.id ?>/status" data-total="<?cs var:Job.total_rows ?>">
  <?cs call:csrf_field() ?>
  <p id="import-ok"><?cs var:L.Import.NoErrors ?></p>
  <p class="muted"><?cs var:L.Import.CommitHint ?></p>
  <div class="actions">
    <button type="submit" class="button primary" id="import-commit-button"><?cs var:L.Import.Commit ?> (<?cs var:Job.total_rows ?>)</button>
  </div>
  <div id="import-progress" hidden>
    <label for="import-progress-bar"><?cs var:L.Import.Committing ?></label>
    <progress id="import-progress-bar" max="<?cs var:Job.total_rows ?>" value="0"></progress>
    <span id="import-progress-text" class="mono" aria-live="polite"></span>
  </div>
</form>
<?cs /if ?>
<?cs if:subcount(Errors) > 0 ?>
<section class="card" id="import-errors-card">
  <h2><?cs var:L.Import.ErrorsTitle ?> <small class="muted">(<?cs var:Job.errors ?>)</small></h2>
  <p class="muted"><?cs var:L.Import.ErrorsIntro ?></p>
  <div class="table-wrap">
  <table class="data" id="import-errors">
    <thead><tr>
      <th class="num"><?cs var:L.Import.Row ?></th>
      <th><?cs var:L.Import.Field ?></th>
      <th><?cs var:L.Import.Value ?></th>
      <th><?cs var:L.Import.Message ?></th>
    </tr></thead>
    <tbody>
    <?cs each:e = Errors ?>
    <tr>
      <td class="num mono"><?cs var:e.row ?></td>
      <td class="nowrap" data-field="<?cs var:e.field ?>"><?cs if:Job.entity == "order" ?><?cs var:L.Import.OrderCol[e.field] ?><?cs elif:Job.entity == "payment" ?><?cs var:L.Import.PayCol[e.field] ?><?cs else ?><?cs var:L.Import.Col[e.field] ?><?cs /if ?></td>
      <td><?cs var:e.value ?></td>
      <td><?cs var:e.message ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Pager.Pages > 1 ?>
  <nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
    <?cs if:Pager.Prev ?><a class="button" rel="prev" href="/customers/import/<?cs var:Job.id ?>?page=<?cs var:Pager.Prev ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
    <span class="muted"><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
    <?cs if:Pager.Next ?><a class="button" rel="next" href="/customers/import/<?cs var:Job.id ?>?page=<?cs var:Pager.Next ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
  </nav>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:subcount(Rows) > 0 && Job.entity == "order" ?>
<section class="card">
  <h2><?cs var:L.Import.FirstRows ?></h2>
  <div class="table-wrap">
  <table class="data" id="import-rows">
    <thead><tr>
      <th class="num"><?cs var:L.Import.Row ?></th>
      <th></th>
      <th><?cs var:L.Import.OrderCol.customer_code ?></th>
      <th><?cs var:L.Import.OrderCol.order_no ?></th>
      <th><?cs var:L.Import.OrderCol.ordered_on ?></th>
      <th><?cs var:L.Import.Product ?></th>
      <th class="num"><?cs var:L.Import.OrderCol.quantity ?></th>
      <th class="num"><?cs var:L.Import.OrderCol.unit_price ?></th>
      <th class="num"><?cs var:L.Import.Amount ?></th>
      <th class="opt"><?cs var:L.Import.OrderCol.salesperson ?></th>
    </tr></thead>
    <tbody>
    <?cs each:w = Rows ?>
    <tr>
      <td class="num mono"><?cs var:w.row ?></td>
      <td><?cs if:w.bad ?><span class="tag warn"><?cs var:L.Import.RowBad ?></span><?cs /if ?></td>
      <td class="mono"><?cs var:w.customer_code ?></td>
      <td class="mono"><?cs var:w.order_no ?></td>
      <td class="nowrap"><?cs var:w.ordered_on ?></td>
      <td><?cs alt:Import.ProductName[w.product_id] ?><?cs var:w.product_code ?><?cs /alt ?></td>
      <td class="num"><?cs var:w.quantity ?></td>
      <td class="num"><?cs if:w.unit_price ?><?cs var:money(w.unit_price) ?><?cs /if ?></td>
      <td class="num"><?cs if:w.amount ?><?cs var:money(w.amount) ?><?cs /if ?></td>
      <td class="opt"><?cs alt:Import.OwnerName[w.salesperson_id] ?><?cs var:w.salesperson ?><?cs /alt ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs elif:subcount(Rows) > 0 && Job.entity == "payment" ?>
<section class="card">
  <h2><?cs var:L.Import.FirstRows ?></h2>
  <div class="table-wrap">
  <table class="data" id="import-rows">
    <thead><tr>
      <th class="num"><?cs var:L.Import.Row ?></th>
      <th></th>
      <th><?cs var:L.Import.PayCol.customer_code ?></th>
      <th><?cs var:L.Import.PayCol.order_no ?></th>
      <th class="num"><?cs var:L.Import.PayCol.amount ?></th>
      <th class="nowrap"><?cs var:L.Import.PayCol.due_on ?></th>
      <th class="nowrap"><?cs var:L.Import.PayCol.paid_on ?></th>
    </tr></thead>
    <tbody>
    <?cs each:w = Rows ?>
    <tr>
      <td class="num mono"><?cs var:w.row ?></td>
      <td><?cs if:w.bad ?><span class="tag warn"><?cs var:L.Import.RowBad ?></span><?cs /if ?></td>
      <td class="mono"><?cs var:w.customer_code ?></td>
      <td class="mono"><?cs var:w.order_no ?></td>
      <td class="num"><?cs if:w.amount ?><?cs var:money(w.amount) ?><?cs /if ?></td>
      <td class="nowrap"><?cs var:w.due_on ?></td>
      <td class="nowrap"><?cs var:w.paid_on ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs elif:subcount(Rows) > 0 ?>
<section class="card">
  <h2><?cs var:L.Import.FirstRows ?></h2>
  <div class="table-wrap">
  <table class="data" id="import-rows">
    <thead><tr>
      <th class="num"><?cs var:L.Import.Row ?></th>
      <th></th>
      <th><?cs var:L.Customers.Code ?></th>
      <th><?cs var:L.Customers.Name ?></th>
      <th><?cs var:L.Customers.Kind ?></th>
      <th><?cs var:L.Customers.Region ?></th>
      <th class="opt"><?cs var:L.Customers.Owner ?></th>
      <th class="opt"><?cs var:L.Customers.Lifecycle ?></th>
      <th class="opt"><?cs var:L.Customers.City ?></th>
      <th class="opt"><?cs var:L.Customers.Phone ?></th>
    </tr></thead>
    <tbody>
    <?cs each:w = Rows ?>
    <tr>
      <td class="num mono"><?cs var:w.row ?></td>
      <td><?cs if:w.bad ?><span class="tag warn"><?cs var:L.Import.RowBad ?></span><?cs /if ?></td>
      <td class="mono"><?cs var:w.code ?></td>
      <td class="name"><?cs var:w.name ?></td>
      <td><?cs alt:L.Kind[w.kind] ?><?cs var:w.kind ?><?cs /alt ?></td>
      <td><?cs alt:Import.RegionName[w.region_id] ?><?cs var:w.region_id ?><?cs /alt ?></td>
      <td class="opt"><?cs alt:Import.OwnerName[w.owner_id] ?><?cs var:w.owner_id ?><?cs /alt ?></td>
      <td class="opt"><?cs alt:L.Lifecycle[w.lifecycle] ?><?cs var:w.lifecycle ?><?cs /alt ?></td>
      <td class="opt"><?cs var:w.city ?></td>
      <td class="opt mono nowrap"><?cs var:w.phone ?></td>
    </tr>
    <?cs /each ?>
    </tbody>
  </table>
  </div>
</section>
<?cs /if ?>
<script src="/static/import.js?v=<?cs var:Page.Asset ?>" defer></script>
<?cs include:"layout/bottom.cs" ?>
