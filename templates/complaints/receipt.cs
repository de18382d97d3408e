<?cs set:Page.Title = L.Complaints.ReceiptTitle ?><?cs include:"layout/top.cs" ?><?cs include:"complaint_public/steps.cs" ?>
<?cs # Staff's receipt for a complaint they registered (issue 15): the tracking
  number to read out, the customer's personal status link, and what happens
  next; printable (the print stylesheet drops the navigation and buttons). ?>
<p class="crumb"><a href="/complaints">← <?cs var:L.Complaints.QueueTitle ?></a></p>
<h1><?cs var:L.Complaints.ReceiptTitle ?> · <?cs var:L.ComplaintKind[Receipt.kind] ?></h1>
<section class="card receipt staff-receipt" id="receipt">
  <p class="muted"><?cs var:L.Public.Receipt.Number ?></p>
  <p class="tracking-no mono" id="tracking-no"><?cs var:Receipt.tracking_no ?></p>
  <p id="receipt-intro"><?cs var:L.Complaints.ReceiptIntro ?></p>
  <dl class="facts">
    <div><dt><?cs var:L.Public.Field.name ?></dt><dd id="receipt-name"><?cs var:Receipt.contact_name ?></dd></div>
    <div><dt><?cs var:L.Complaints.ContactPhone ?></dt><dd class="mono" id="receipt-phone"><?cs var:Receipt.contact_phone ?></dd></div>
    <div><dt><?cs var:L.Public.Field.received_at ?></dt><dd><?cs var:string.slice(Receipt.received_at, 0, 16) ?></dd></div>
    <div><dt><?cs var:L.Complaints.Source ?></dt><dd id="receipt-source"><?cs var:L.ComplaintSource[Receipt.source] ?></dd></div>
    <div><dt><?cs var:L.Complaints.TakenBy ?></dt><dd id="receipt-taken-by"><?cs call:dash(Receipt.taken_by_name) ?></dd></div>
    <div><dt><?cs var:L.Public.Field.reason ?></dt><dd><?cs var:L.Public.Reason[Receipt.reason] ?></dd></div>
    <div><dt><?cs var:L.Complaints.Expected ?></dt><dd id="receipt-expected"><?cs if:Receipt.expected ?><?cs var:L.Public.Expected[Receipt.expected] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <?cs if:Receipt.customer_code ?><div><dt><?cs var:L.Complaints.CustomerChosen ?></dt><dd id="receipt-customer"><?cs var:Receipt.customer_name ?> <span class="muted mono"><?cs var:Receipt.customer_code ?></span></dd></div><?cs /if ?>
  </dl>
  <?cs if:Receipt.status_token ?><div class="status-link" id="status-link">
    <h2><?cs var:L.Complaints.ReceiptLink ?></h2>
    <p class="muted"><?cs var:L.Complaints.ReceiptLinkHint ?></p>
    <p class="mono status-link-text" id="status-link-text"><span class="page-origin"></span>/complaint/status?t=<?cs var:Receipt.status_token ?></p>
  </div><?cs /if ?>
  <p class="muted"><?cs var:L.Public.Receipt.Keep ?> <span class="mono"><span class="page-origin"></span>/complaint/status</span></p>
</section>
<?cs if:Receipt.kind == "return" || Receipt.kind == "exchange" ?>
<section class="card return-window <?cs if:Receipt.Window.Inside ?>inside<?cs else ?>outside<?cs /if ?>" id="return-window">
  <h2><?cs var:L.Public.Window.Title ?></h2>
  <?cs if:Receipt.Window.Inside ?><p id="window-inside"><strong><?cs var:L.Public.Window.Inside ?></strong></p>
  <?cs else ?><p id="window-outside"><strong><?cs var:L.Public.Window.Outside ?></strong></p>
  <ul class="window-reasons">
    <?cs if:Receipt.Window.TooLate ?><li><?cs var:L.Public.Window.TooLate ?></li><?cs /if ?>
    <?cs if:Receipt.Window.Opened ?><li><?cs var:L.Public.Window.Opened ?></li><?cs /if ?>
    <?cs if:Receipt.Window.Unknown ?><li><?cs var:L.Public.Window.Unknown ?></li><?cs /if ?>
  </ul><?cs /if ?>
</section>
<?cs /if ?>
<section class="card">
  <h2><?cs var:L.Public.Receipt.Next ?></h2>
  <p id="promise"><?cs var:L.Public.Receipt.Promise1 ?> <strong><?cs var:Receipt.sla_hours ?></strong> <?cs var:L.Public.Receipt.Promise2 ?><?cs var:L.Public.Receipt.PromiseDue ?> <strong id="promise-due"><?cs var:string.slice(Receipt.sla_due, 0, 16) ?></strong><?cs var:L.Public.Receipt.PromiseNext ?></p>
  <?cs call:public_steps(1, 0) ?>
</section>
<div class="actions receipt-actions">
  <button type="button" class="button primary" id="print-receipt" data-print hidden><?cs var:L.Complaints.ReceiptPrint ?></button>
  <a class="button" href="/complaints/<?cs var:Receipt.id ?>" id="receipt-open"><?cs var:L.Complaints.ReceiptOpen ?></a>
  <a class="button" href="/complaints/new" id="receipt-another"><?cs var:L.Complaints.ReceiptAnother ?></a>
</div>
<?cs set:Page.Scripts.0 = "/static/complaint.js" ?>
<?cs include:"layout/bottom.cs" ?>
