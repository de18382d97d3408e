<?cs # The payments tab: the receipt form (回款, customers/payments.c), the due
     items with what is still owed, the receipts with their removal.
     Included by customers/show.cs. ?><?cs set:Page.Scripts.0 = "/static/payments.js" ?>
  <div class="tab-tools">
  <a class="button" href="/customers/<?cs var:Customer.id ?>/statement" id="statement-link"><?cs var:L.Receipt.Statement ?></a>
  <details class="add-form" id="receipt-details"<?cs if:Form.entry == "receipt" ?> open<?cs /if ?>>
    <summary class="button"><?cs var:L.Receipt.Add ?></summary>
    <form method="post" action="/customers/<?cs var:Customer.id ?>/receipts" class="form-grid" id="form-receipt" novalidate>
      <?cs call:csrf_field() ?>
      <p class="muted small wide"><?cs var:L.Receipt.Intro ?></p>
      <?cs call:text_field("received_on", L.Receipt.Date, "date", 1) ?>
      <?cs call:text_field("amount", L.Receipt.Amount, "text", 0) ?>
      <?cs call:choice_field("method", L.Receipt.Method, L.ReceiptMethod, 0) ?>
      <?cs call:text_field("reference", L.Receipt.Reference, "text", 0) ?>
      <div class="field wide check<?cs if:Form.Errors.advance ?> invalid<?cs /if ?>">
        <label for="f-advance"><input type="checkbox" id="f-advance" name="advance" value="1"<?cs if:Form.advance == 1 ?> checked<?cs /if ?><?cs if:Form.Errors.advance ?> aria-invalid="true" aria-describedby="err-advance"<?cs /if ?>> <?cs var:L.Receipt.Advance ?></label>
        <p class="muted small"><?cs var:L.Receipt.AdvanceHelp ?></p><?cs call:field_error("advance") ?>
      </div>
      <?cs if:Receipt.advance > 0 ?>
      <div class="field wide check">
        <label for="f-use_advance"><input type="checkbox" id="f-use_advance" name="use_advance" value="1"<?cs if:Form.use_advance == 1 ?> checked<?cs /if ?>> <?cs var:L.Receipt.UseAdvance ?></label>
        <p class="small" id="advance-balance"><?cs var:L.Receipt.AdvanceBalance ?><?cs call:colon() ?>¥<?cs var:money(Receipt.advance) ?></p>
      </div>
      <?cs /if ?>
      <div class="wide">
        <h3 class="sub"><?cs var:L.Receipt.Items ?></h3>
        <?cs if:subcount(Receipt.Items) == 0 ?><p class="empty"><?cs var:L.Receipt.NoItems ?></p><?cs else ?>
        <div class="table-wrap"><table class="data compact" id="receipt-items">
          <thead><tr><th><?cs var:L.Entry.Due ?></th><th class="opt"><?cs var:L.Entry.OrderNo ?></th><th class="num opt"><?cs var:L.Entry.Amount ?></th><th class="num"><?cs var:L.Receipt.Owed ?></th><th><?cs var:L.Receipt.Allocate ?></th></tr></thead>
          <tbody><?cs each:i = Receipt.Items ?><?cs set:an = "alloc_" + i.id ?><tr<?cs if:i.overdue == 1 ?> class="overdue"<?cs /if ?>>
            <td class="nowrap"><?cs var:i.due_on ?><?cs if:i.overdue == 1 ?> <span class="tag warn"><?cs var:L.Entry.Overdue ?></span><?cs /if ?></td>
            <td class="mono nowrap opt"><?cs call:dash(i.order_no) ?></td>
            <td class="num nowrap opt">¥<?cs var:money(i.amount) ?></td>
            <td class="num nowrap">¥<?cs var:money(i.owed) ?></td>
            <td class="alloc<?cs if:Form.Errors[an] ?> invalid<?cs /if ?>"><label class="sr-only" for="f-<?cs var:an ?>"><?cs var:L.Receipt.Allocate ?> <?cs var:i.due_on ?></label><input id="f-<?cs var:an ?>" name="<?cs var:an ?>" type="text" inputmode="decimal" size="10" value="<?cs var:Form[an] ?>" placeholder="<?cs var:money(i.owed) ?>" data-owed="<?cs var:i.owed ?>"<?cs if:Form.Errors[an] ?> aria-invalid="true" aria-describedby="err-<?cs var:an ?>"<?cs /if ?>><?cs call:field_error(an) ?></td>
          </tr><?cs /each ?></tbody>
        </table></div><?cs /if ?>
      </div>
      <div class="actions wide"><button type="button" class="button" id="receipt-fill" hidden><?cs var:L.Receipt.Fill ?></button><button type="submit" class="button primary" id="receipt-save"><?cs var:L.Receipt.Save ?></button></div>
    </form>
  </details>
  </div>
  <?cs if:subcount(Tab.Rows) == 0 ?><p class="empty"><?cs var:L.Entry.None ?></p><?cs else ?>
  <div class="table-wrap"><table class="data" id="payments">
    <thead><tr><th><?cs var:L.Entry.Due ?></th><th class="opt"><?cs var:L.Entry.OrderNo ?></th><th class="num"><?cs var:L.Entry.Amount ?></th><th><?cs var:L.Receipt.Status ?></th><th class="num opt"><?cs var:L.Receipt.Paid ?></th><th class="num"><?cs var:L.Receipt.Owed ?></th><th class="num opt"><?cs var:L.Entry.DaysLate ?></th><?cs call:edit_head() ?></tr></thead>
    <tbody><?cs each:p = Tab.Rows ?><tr id="item-<?cs var:p.id ?>"<?cs if:p.overdue == 1 ?> class="overdue"<?cs /if ?>>
      <td class="nowrap"><?cs var:p.due_on ?></td><td class="mono nowrap opt"><?cs call:dash(p.order_no) ?></td><td class="num nowrap">¥<?cs var:money(p.amount) ?></td>
      <td class="nowrap status"><?cs if:p.overdue == 1 ?><span class="tag warn"><?cs var:L.PaymentStatus.overdue ?></span> <?cs /if ?><span class="tag pay-<?cs var:p.status ?>"><?cs var:L.PaymentStatus[p.status] ?></span><?cs if:p.paid_on ?> <span class="muted small"><?cs var:p.paid_on ?></span><?cs /if ?></td>
      <td class="num nowrap opt"><?cs if:p.paid_amount > 0 ?>¥<?cs var:money(p.paid_amount) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num nowrap"><?cs if:p.owed > 0 ?>¥<?cs var:money(p.owed) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="num opt"><?cs if:p.days_late > 0 ?><?cs var:p.days_late ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <?cs call:edit_cell(p.id) ?>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs each:x = Receipts ?><?cs if:Form.remove_receipt == x.id ?>
  <form method="post" action="/customers/<?cs var:Customer.id ?>/receipts/remove" class="form-grid entry-remove" id="receipt-remove" novalidate>
    <h3 class="wide"><?cs var:L.Receipt.Remove ?> · <?cs var:x.received_on ?> ¥<?cs var:money(x.amount) ?> <?cs var:L.ReceiptMethod[x.method] ?></h3>
    <p class="muted small wide"><?cs var:L.Receipt.RemoveHelp ?></p>
    <?cs call:csrf_field() ?><input type="hidden" name="receipt_id" value="<?cs var:x.id ?>">
    <?cs call:text_field("reason", L.Entry.Reason, "text", 1) ?>
    <div class="actions wide">
      <button type="submit" class="button danger" id="receipt-remove-save"><?cs var:L.Receipt.Remove ?></button>
      <a class="button" href="/customers/<?cs var:Customer.id ?>?tab=payments" id="receipt-remove-cancel"><?cs var:L.Entry.Cancel ?></a>
    </div>
  </form><?cs /if ?><?cs /each ?><?cs /if ?>
  <?cs if:subcount(Receipts) > 0 ?>
  <h2 class="sub"><?cs var:L.Receipt.List ?><?cs if:Receipt.advance > 0 ?> <span class="muted small"><?cs var:L.Receipt.AdvanceBalance ?><?cs call:colon() ?>¥<?cs var:money(Receipt.advance) ?></span><?cs /if ?></h2>
  <div class="table-wrap"><table class="data" id="receipts">
    <thead><tr><th><?cs var:L.Receipt.Date ?></th><th class="num"><?cs var:L.Receipt.Amount ?></th><th><?cs var:L.Receipt.Method ?></th><th class="opt"><?cs var:L.Receipt.Reference ?></th><th class="num opt"><?cs var:L.Receipt.Allocated ?></th><th class="opt"><?cs var:L.Receipt.Who ?></th><th class="row-actions"><span class="sr-only"><?cs var:L.Entry.Actions ?></span></th></tr></thead>
    <tbody><?cs each:x = Receipts ?><tr id="receipt-<?cs var:x.id ?>">
      <td class="nowrap"><?cs var:x.received_on ?></td><td class="num nowrap">¥<?cs var:money(x.amount) ?></td>
      <td class="nowrap"><?cs var:L.ReceiptMethod[x.method] ?></td><td class="opt"><?cs call:dash(x.reference) ?></td>
      <td class="num nowrap opt">¥<?cs var:money(x.allocated) ?></td><td class="nowrap opt"><?cs call:dash(x.who) ?></td>
      <td class="row-actions"><a class="link small" href="/customers/<?cs var:Customer.id ?>?tab=payments&amp;remove_receipt=<?cs var:x.id ?>#receipt-remove" id="remove-receipt-<?cs var:x.id ?>"><?cs var:L.Entry.Remove ?></a></td>
    </tr><?cs /each ?></tbody>
  </table></div><?cs /if ?>
