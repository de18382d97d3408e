<?cs set:Page.Title = L.Agreement.Title + " · " + Complaint.tracking_no ?><?cs include:"layout/top.cs" ?><?cs
# Step 5's handling agreement (处理协议): what the customer signs. Printed on
  one A4 sheet (the print stylesheet drops the menu, the buttons and the
  footer); blank lines stand for what is written by hand. Line breaks sit
  inside the tags of the definitions. ?><?cs
def:row(label, v) ?><div><dt><?cs var:label ?></dt><dd><?cs call:dash(v) ?></dd></div><?cs /def ?><?cs
def:date_line(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="fill-in"></span><?cs /if ?><?cs /def ?>
<p class="crumb"><a href="/complaints/<?cs var:Complaint.id ?>">← <?cs var:Complaint.tracking_no ?></a></p>
<article class="agreement" id="agreement">
  <header class="agreement-head">
    <p class="agreement-company"><?cs var:L.Company ?></p>
    <h1><?cs var:L.Agreement.Title ?></h1>
    <p class="agreement-no"><?cs var:L.Complaints.TrackingNo ?><?cs call:colon() ?><span class="mono" id="agreement-tracking"><?cs var:Complaint.tracking_no ?></span></p>
  </header>
  <?cs if:!Approved.id ?><p class="note-info agreement-draft" id="agreement-draft"><?cs var:L.Agreement.NotApproved ?></p><?cs /if ?>
  <section class="agreement-part" id="agreement-customer">
    <h2><?cs var:L.Agreement.PartCustomer ?></h2>
    <dl class="agreement-facts">
      <?cs call:row(L.Complaints.Contact, Complaint.contact_name) ?>
      <div><dt><?cs var:L.Complaints.Phone ?></dt><dd class="mono"><?cs var:Complaint.contact_phone ?></dd></div>
      <?cs call:row(L.Complaints.Company, Complaint.company) ?>
      <?cs call:row(L.Complaints.Email, Complaint.email) ?>
      <div><dt><?cs var:L.Complaints.Region ?></dt><dd><?cs if:Complaint.region_zh ?><?cs call:region_name(Complaint) ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs if:Complaint.province_zh ?> · <?cs if:Page.Lang == "en" ?><?cs var:Complaint.province_en ?><?cs else ?><?cs var:Complaint.province_zh ?><?cs /if ?><?cs /if ?></dd></div>
      <?cs if:Complaint.customer_code ?><div><dt><?cs var:L.Complaints.CustomerFile ?></dt><dd><?cs var:Complaint.customer_name ?> <span class="mono"><?cs var:Complaint.customer_code ?></span></dd></div><?cs /if ?>
    </dl>
  </section>
  <section class="agreement-part" id="agreement-complaint">
    <h2><?cs var:L.Agreement.PartComplaint ?></h2>
    <dl class="agreement-facts">
      <div><dt><?cs var:L.Complaints.Kind ?></dt><dd><?cs var:L.ComplaintKind[Complaint.kind] ?></dd></div>
      <div><dt><?cs var:L.Complaints.Reason ?></dt><dd id="agreement-reason"><?cs var:L.ComplaintReason[Complaint.reason] ?></dd></div>
      <div><dt><?cs var:L.Complaints.Product ?></dt><dd id="agreement-product"><?cs if:Complaint.product_name ?><?cs var:Complaint.product_name ?> <span class="mono"><?cs var:Complaint.product_code ?></span><?cs else ?><?cs call:dash(Complaint.product_text) ?><?cs /if ?></dd></div>
      <?cs call:row(L.Complaints.PurchaseDate, Complaint.purchase_date) ?>
      <div><dt><?cs var:L.Complaints.OrderRef ?></dt><dd class="mono"><?cs call:dash(Complaint.order_ref) ?></dd></div>
      <div><dt><?cs var:L.Complaints.Expected ?></dt><dd id="agreement-expected"><?cs if:Complaint.expected ?><?cs var:L.Public.Expected[Complaint.expected] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
      <div class="wide"><dt><?cs var:L.Complaints.Description ?></dt><dd class="prose" id="agreement-description"><?cs var:Complaint.description ?></dd></div>
    </dl>
  </section>
  <section class="agreement-part" id="agreement-remedy">
    <h2><?cs var:L.Agreement.PartRemedy ?></h2>
    <?cs if:Approved.id ?>
    <dl class="agreement-facts">
      <div><dt><?cs var:L.Complaints.Remedy ?></dt><dd id="agreement-remedy-name"><strong><?cs var:L.ComplaintRemedy[Approved.remedy] ?></strong></dd></div>
      <div><dt><?cs var:L.Complaints.Amount ?></dt><dd id="agreement-amount"><?cs if:Approved.amount > 0 ?>¥<?cs var:money(Approved.amount) ?><?cs else ?><?cs var:L.Agreement.NoAmount ?><?cs /if ?></dd></div>
      <div><dt><?cs var:L.Agreement.ApprovedBy ?></dt><dd id="agreement-approver"><?cs var:Approved.decider ?> · <?cs var:string.slice(Approved.decided_at, 0, 10) ?></dd></div>
      <div class="wide"><dt><?cs var:L.Complaints.Detail ?></dt><dd class="prose" id="agreement-detail"><?cs var:Approved.detail ?></dd></div>
      <?cs if:Handling.agreement_terms ?><div class="wide"><dt><?cs var:L.Complaints.AgreementTerms ?></dt><dd class="prose" id="agreement-terms"><?cs var:Handling.agreement_terms ?></dd></div><?cs /if ?>
    </dl>
    <?cs else ?><p class="muted"><?cs var:L.Agreement.NoRemedy ?></p><?cs /if ?>
  </section>
  <section class="agreement-part" id="agreement-dates">
    <h2><?cs var:L.Agreement.PartDates ?></h2>
    <dl class="agreement-facts dates">
      <div><dt><?cs var:L.Complaints.Received ?></dt><dd><?cs var:string.slice(Complaint.received_at, 0, 10) ?></dd></div>
      <div><dt><?cs var:L.Agreement.ApprovedOn ?></dt><dd><?cs if:Approved.decided_at ?><?cs var:string.slice(Approved.decided_at, 0, 10) ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
      <div><dt><?cs var:L.Complaints.AgreedOn ?></dt><dd id="agreement-agreed-on"><?cs call:date_line(Handling.agreed_on) ?></dd></div>
      <div><dt><?cs var:L.Complaints.ExecutedOn ?></dt><dd><?cs call:date_line(Handling.executed_on) ?></dd></div>
      <?cs if:Approved.amount > 0 ?><div><dt><?cs var:L.Complaints.PaidOn ?></dt><dd><?cs call:date_line(Handling.compensation_paid_on) ?></dd></div><?cs /if ?>
    </dl>
    <p class="agreement-clause"><?cs var:L.Agreement.Clause ?></p>
  </section>
  <section class="signatures" id="agreement-signatures">
    <div class="signature" id="sign-customer"><p class="sign-role"><?cs var:L.Agreement.SignCustomer ?></p><p class="sign-line"><span><?cs var:L.Agreement.Signature ?></span><span class="fill-in"></span></p><p class="sign-line"><span><?cs var:L.Agreement.Date ?></span><span class="fill-in"></span></p></div>
    <div class="signature" id="sign-company"><p class="sign-role"><?cs var:L.Agreement.SignCompany ?><?cs if:Complaint.assignee ?> · <?cs var:Complaint.assignee ?><?cs /if ?></p><p class="sign-line"><span><?cs var:L.Agreement.Signature ?></span><span class="fill-in"></span></p><p class="sign-line"><span><?cs var:L.Agreement.Date ?></span><span class="fill-in"></span></p></div>
    <div class="signature" id="sign-approver"><p class="sign-role"><?cs var:L.Agreement.SignApprover ?><?cs if:Approved.decider ?> · <?cs var:Approved.decider ?><?cs /if ?></p><p class="sign-line"><span><?cs var:L.Agreement.Signature ?></span><span class="fill-in"></span></p><p class="sign-line"><span><?cs var:L.Agreement.Date ?></span><span class="fill-in"></span></p></div>
  </section>
  <p class="agreement-foot muted small"><?cs var:L.Company ?> · <?cs var:L.Agreement.PrintedOn ?> <?cs var:Agreement.printed_on ?></p>
</article>
<div class="actions agreement-actions">
  <button type="button" class="button primary" id="print-agreement" data-print hidden><?cs var:L.Agreement.Print ?></button>
  <a class="button" href="/complaints/<?cs var:Complaint.id ?>" id="agreement-back"><?cs var:L.Agreement.Back ?></a>
</div>
<?cs set:Page.Scripts.0 = "/static/complaint.js" ?>
<?cs include:"layout/bottom.cs" ?>
