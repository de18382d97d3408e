<?cs # The statement (对账单) of one customer for a period: opening balance,
     the period's charges and receipts with a running balance, closing
     balance (customers/payments.c, db/statement.c). Printed, the menu and
     the period form go (app.css, print) and the heading names customer and
     period. ?><?cs set:Page.Title = L.Statement.Title + " · " + Customer.name ?><?cs include:"layout/top.cs" ?>
<p class="crumb"><a href="/customers/<?cs var:Customer.id ?>?tab=payments" id="statement-back">← <?cs var:L.Statement.Back ?></a></p>
<div class="page-head statement-head">
  <div>
    <h1 id="statement-title"><?cs var:L.Statement.Title ?> · <?cs var:Customer.name ?></h1>
    <p class="badges"><span class="mono"><?cs var:Customer.code ?></span> <span id="statement-period"><?cs var:L.Statement.Period ?><?cs call:colon() ?><?cs var:Form.from ?> – <?cs var:Form.to ?></span></p>
  </div>
  <?cs if:subcount(Form.Errors) == 0 ?>
  <p class="head-actions">
    <button type="button" class="button" id="statement-print" hidden><?cs var:L.Statement.Print ?></button>
    <a class="button" id="statement-xlsx" href="/customers/<?cs var:Customer.id ?>/statement.xlsx?from=<?cs var:url_escape(Form.from) ?>&amp;to=<?cs var:url_escape(Form.to) ?>"><?cs var:L.Statement.Xlsx ?></a>
  </p>
  <?cs /if ?>
</div>
<form method="get" action="/customers/<?cs var:Customer.id ?>/statement" class="filters" id="statement-form">
  <?cs call:text_field("from", L.Statement.From, "date", 0) ?>
  <?cs call:text_field("to", L.Statement.To, "date", 0) ?>
  <button type="submit" class="button primary" id="statement-show"><?cs var:L.Statement.Show ?></button>
</form>
<?cs if:subcount(Form.Errors) == 0 ?>
<div class="stats" id="statement-figures">
  <div class="stat"><span class="stat-value" id="st-opening">¥<?cs var:money(Statement.opening) ?></span><span class="stat-label"><?cs var:L.Statement.Opening ?></span></div>
  <div class="stat"><span class="stat-value" id="st-charges">¥<?cs var:money(Statement.charges) ?></span><span class="stat-label"><?cs var:L.Statement.Charges ?></span></div>
  <div class="stat"><span class="stat-value" id="st-receipts">¥<?cs var:money(Statement.receipts) ?></span><span class="stat-label"><?cs var:L.Statement.Receipts ?></span></div>
  <div class="stat<?cs if:Statement.closing > 0 ?> warn<?cs /if ?>"><span class="stat-value" id="st-closing">¥<?cs var:money(Statement.closing) ?></span><span class="stat-label"><?cs var:L.Statement.Closing ?></span></div>
</div>
<section class="card">
  <?cs if:Statement.truncated ?><p class="alert" id="statement-truncated"><?cs var:L.Statement.Truncated ?></p><?cs /if ?>
  <div class="table-wrap"><table class="data statement" id="statement-lines">
    <thead><tr><th><?cs var:L.Statement.Date ?></th><th><?cs var:L.Statement.Item ?></th><th class="opt"><?cs var:L.Statement.Doc ?></th><th class="num"><?cs var:L.Statement.Charge ?></th><th class="num"><?cs var:L.Statement.Receipt ?></th><th class="num"><?cs var:L.Statement.Balance ?></th></tr></thead>
    <tbody>
      <tr class="opening"><td class="nowrap"><?cs var:Form.from ?></td><td colspan="4"><strong><?cs var:L.Statement.Opening ?></strong></td><td class="num nowrap"><strong>¥<?cs var:money(Statement.opening) ?></strong></td></tr>
      <?cs each:l = Statement.Lines ?><tr class="line-<?cs var:l.kind ?>">
        <td class="nowrap"><?cs var:l.on ?></td>
        <td><?cs var:L.Statement.Kind[l.kind] ?><?cs if:l.method ?> · <?cs var:L.ReceiptMethod[l.method] ?><?cs /if ?><?cs if:l.kind == "charge" ?> <span class="muted small"><?cs var:L.Entry.Due ?> <?cs var:l.due_on ?></span><?cs /if ?></td>
        <td class="mono opt"><?cs call:dash(l.doc) ?></td>
        <td class="num nowrap"><?cs if:l.charge ?>¥<?cs var:money(l.charge) ?><?cs /if ?></td>
        <td class="num nowrap"><?cs if:l.receipt ?>¥<?cs var:money(l.receipt) ?><?cs /if ?></td>
        <td class="num nowrap">¥<?cs var:money(l.balance) ?></td>
      </tr><?cs /each ?>
      <?cs if:subcount(Statement.Lines) == 0 ?><tr><td colspan="6" class="empty"><?cs var:L.Statement.None ?></td></tr><?cs /if ?>
    </tbody>
    <tfoot><tr class="closing"><td class="nowrap"><?cs var:Form.to ?></td><td colspan="2"><strong><?cs var:L.Statement.Closing ?></strong></td><td class="num nowrap">¥<?cs var:money(Statement.charges) ?></td><td class="num nowrap">¥<?cs var:money(Statement.receipts) ?></td><td class="num nowrap"><strong>¥<?cs var:money(Statement.closing) ?></strong></td></tr></tfoot>
  </table></div>
  <p class="muted small" id="statement-note"><?cs var:L.Statement.Note ?></p>
</section>
<?cs /if ?>
<?cs set:Page.Scripts.0 = "/static/payments.js" ?><?cs include:"layout/bottom.cs" ?>
