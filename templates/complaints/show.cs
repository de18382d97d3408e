<?cs set:Page.Title = Complaint.tracking_no ?><?cs include:"layout/top.cs" ?><?cs include:"complaints/macros.cs" ?><?cs
def:step_form(n) ?><form method="post" action="/complaints/<?cs var:Complaint.id ?>/step" class="form-grid step-form" id="step-form-<?cs var:n ?>">
  <?cs call:csrf_field() ?><input type="hidden" name="step" value="<?cs var:n ?>"><input type="hidden" name="version" value="<?cs var:Complaint.version ?>"><?cs /def ?><?cs
def:step_form_end(label) ?><div class="actions wide"><button type="submit" class="button primary"><?cs var:label ?></button></div>
</form><?cs /def ?><?cs
def:fact(label, v) ?><div><dt><?cs var:label ?></dt><dd><?cs call:dash(v) ?></dd></div><?cs /def ?><?cs
def:wide_fact(label, v) ?><div class="wide"><dt><?cs var:label ?></dt><dd class="prose"><?cs call:dash(v) ?></dd></div><?cs /def ?>
<p class="crumb"><a href="/complaints">← <?cs var:L.Complaints.Back ?></a></p>
<div class="page-head">
  <div>
    <h1 id="tracking-no"><?cs var:Complaint.tracking_no ?></h1>
    <p class="badges">
      <span class="tag kind-<?cs var:Complaint.kind ?>"><?cs var:L.ComplaintKind[Complaint.kind] ?></span>
      <span class="tag"><?cs var:L.ComplaintReason[Complaint.reason] ?></span>
      <?cs if:Complaint.status == "closed" ?><span class="tag" id="status-badge"><?cs var:L.Complaints.Closed ?></span><?cs else ?><span class="tag ok" id="status-badge"><?cs var:L.Complaints.Open ?></span> <?cs call:step_badge(Complaint) ?><?cs /if ?>
      <?cs if:Complaint.reopen_count > 0 ?><span class="tag warn"><?cs var:L.Complaints.Reopened ?> × <?cs var:Complaint.reopen_count ?></span><?cs /if ?>
      <span class="sla" id="sla-clock"><?cs call:sla_clock(Complaint) ?></span>
    </p>
  </div>
</div>
<div class="stats">
  <div class="stat"><span class="stat-value small-value"><?cs var:Complaint.received_at ?></span><span class="stat-label"><?cs var:L.Complaints.Received ?></span></div>
  <div class="stat<?cs if:Complaint.sla == "overdue" ?> warn<?cs /if ?>"><span class="stat-value small-value"><?cs if:Complaint.first_response_at ?><?cs var:Complaint.first_response_at ?><?cs else ?><?cs call:dash(Complaint.first_response_due) ?><?cs /if ?></span><span class="stat-label"><?cs if:Complaint.first_response_at ?><?cs var:L.Complaints.FirstResponseAt ?><?cs else ?><?cs var:L.Complaints.FirstResponseDue ?><?cs /if ?></span></div>
  <div class="stat<?cs if:Complaint.res == "overdue" ?> warn<?cs /if ?>"><span class="stat-value small-value sla" id="resolution-clock"><?cs call:res_clock(Complaint) ?></span><span class="stat-label"><?cs var:L.Complaints.Resolution ?></span></div>
  <div class="stat"><span class="stat-value small-value"><?cs var:Complaint.age_text ?></span><span class="stat-label"><?cs var:L.Complaints.Age ?></span></div>
  <div class="stat"><span class="stat-value small-value" id="assignee"><?cs if:Complaint.assignee ?><?cs var:Complaint.assignee ?><?cs else ?><span class="muted"><?cs var:L.Complaints.Unassigned ?></span><?cs /if ?></span><span class="stat-label"><?cs var:L.Complaints.Assignee ?></span></div>
</div>
<div class="cp-layout">
<div class="cp-main">
<section class="card" id="submission">
  <h2><?cs var:L.Complaints.Submission ?></h2>
  <dl class="facts">
    <div><dt><?cs var:L.Complaints.Source ?></dt><dd id="source"><?cs var:L.ComplaintSource[Complaint.source] ?><?cs if:Complaint.taken_by_name ?> · <?cs var:L.Complaints.TakenBy ?> <?cs var:Complaint.taken_by_name ?><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Complaints.Expected ?></dt><dd id="expected"><?cs if:Complaint.expected ?><?cs var:L.Public.Expected[Complaint.expected] ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <?cs call:fact(L.Complaints.Contact, Complaint.contact_name) ?>
    <div><dt><?cs var:L.Complaints.Phone ?></dt><dd class="mono"><?cs var:Complaint.contact_phone ?></dd></div>
    <?cs call:fact(L.Complaints.Email, Complaint.email) ?>
    <?cs call:fact(L.Complaints.Company, Complaint.company) ?>
    <div><dt><?cs var:L.Complaints.Region ?></dt><dd><?cs if:Complaint.region_zh ?><?cs call:region_name(Complaint) ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs if:Complaint.province_zh ?> · <?cs if:Page.Lang == "en" ?><?cs var:Complaint.province_en ?><?cs else ?><?cs var:Complaint.province_zh ?><?cs /if ?><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Complaints.Product ?></dt><dd><?cs if:Complaint.product_name ?><?cs var:Complaint.product_name ?> <span class="muted mono"><?cs var:Complaint.product_code ?></span><?cs else ?><?cs call:dash(Complaint.product_text) ?><?cs /if ?></dd></div>
    <?cs call:fact(L.Complaints.PurchaseDate, Complaint.purchase_date) ?>
    <div><dt><?cs var:L.Complaints.OrderRef ?></dt><dd class="mono"><?cs call:dash(Complaint.order_ref) ?></dd></div>
    <?cs if:Complaint.kind == "return" || Complaint.kind == "exchange" ?>
    <div><dt><?cs var:L.Complaints.Packaging ?></dt><dd><?cs if:Complaint.packaging_intact == "1" ?><?cs var:L.Complaints.Yes ?><?cs elif:Complaint.packaging_intact == "0" ?><?cs var:L.Complaints.No ?><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div><dt><?cs var:L.Complaints.ReturnWindow ?></dt><dd id="return-window"><?cs if:Complaint.return_in_window == "1" ?><span class="tag ok"><?cs var:L.Complaints.InWindow ?></span><?cs elif:Complaint.return_in_window == "0" ?><span class="tag warn"><?cs var:L.Complaints.OutOfWindow ?></span><?cs else ?><span class="muted"><?cs var:L.Complaints.WindowUnknown ?></span><?cs /if ?></dd></div>
    <?cs /if ?>
    <div class="wide"><dt><?cs var:L.Complaints.Description ?></dt><dd class="prose" id="description"><?cs var:Complaint.description ?></dd></div>
    <div class="wide"><dt><?cs var:L.Complaints.Attachments ?></dt><dd>
      <?cs if:subcount(Attachments) ?><ul class="attachments" id="attachments"><?cs each:a = Attachments ?><li><a href="/complaints/attachment/<?cs var:a.id ?>" download><?cs var:a.file_name ?></a> <span class="muted small"><?cs var:a.content_type ?> · <?cs call:file_size(a.size) ?><?cs if:a.uploader ?> · <?cs var:a.uploader ?> <?cs var:L.Complaints.AttachedAt ?> <?cs var:L.StepName[a.step] ?><?cs /if ?></span></li><?cs /each ?></ul><?cs else ?><span class="muted"><?cs var:L.Complaints.NoAttachments ?></span><?cs /if ?>
      <?cs if:Can.Handle ?><form method="post" action="/complaints/<?cs var:Complaint.id ?>/attach" enctype="multipart/form-data" class="attach-form" id="attach-form"><?cs call:csrf_field() ?>
        <div class="field<?cs if:Form.Errors.file1 ?> invalid<?cs /if ?>"><label for="f-file1"><?cs var:L.Complaints.Attach ?></label><input id="f-file1" name="file1" type="file" accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf" aria-describedby="attach-hint<?cs if:Form.Errors.file1 ?> err-file1<?cs /if ?>"<?cs if:Form.Errors.file1 ?> aria-invalid="true"<?cs /if ?>><?cs call:field_error("file1") ?></div>
        <p class="hint" id="attach-hint"><?cs var:L.Complaints.AttachHint ?></p>
        <button type="submit" class="button small-button" id="attach-files"><?cs var:L.Complaints.AttachButton ?></button>
      </form><?cs /if ?>
    </dd></div>
  </dl>
  <?cs if:Complaint.kind == "return" || Complaint.kind == "exchange" ?>
  <h3 id="purchase"><?cs var:L.Complaints.Purchase ?></h3>
  <?cs if:!Complaint.customer_id ?><p class="muted"><?cs var:L.Complaints.PurchaseNeedsMatch ?></p>
  <?cs elif:!subcount(Purchases) ?><p class="muted" id="no-purchase"><?cs var:L.Complaints.NoPurchase ?></p>
  <?cs else ?>
  <div class="table-wrap"><table class="data compact" id="purchases">
    <thead><tr><th><?cs var:L.Complaints.OrderNo ?></th><th><?cs var:L.Complaints.OrderedOn ?></th><th class="opt"><?cs var:L.Complaints.Items ?></th><th class="num"><?cs var:L.Complaints.Amount ?></th><th></th></tr></thead>
    <tbody><?cs each:o = Purchases ?><tr><td class="mono nowrap"><?cs var:o.order_no ?></td><td class="nowrap"><?cs var:o.ordered_on ?></td><td class="opt"><?cs var:o.items ?></td><td class="num nowrap">¥<?cs var:money(o.total) ?></td><td><?cs if:o.exact == "1" ?><span class="tag ok"><?cs var:L.Complaints.PurchaseExact ?></span><?cs else ?><span class="tag"><?cs var:L.Complaints.PurchaseNear ?></span><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs /if ?>
</section>

<section class="card" id="steps">
  <h2><?cs var:L.Complaints.Step ?></h2>
  <?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Complaints.Conflict.Intro ?></p>
    <dl class="facts" id="conflict-mine"><?cs
    def:mine(label, v) ?><?cs if:v ?><div class="wide"><dt><?cs var:label ?></dt><dd class="prose"><?cs var:v ?></dd></div><?cs /if ?><?cs /def ?>
      <?cs call:mine(L.Complaints.Facts, Form.facts) ?><?cs call:mine(L.Complaints.Channel, L.ComplaintChannel[Form.contact_channel]) ?>
      <?cs call:mine(L.Complaints.ContactedAt, Form.contacted_at) ?><?cs call:mine(L.Complaints.BoughtWhen, Form.bought_when) ?>
      <?cs call:mine(L.Complaints.Usage, Form.usage_text) ?><?cs call:mine(L.Complaints.Symptom, Form.symptom) ?>
      <?cs call:mine(L.Complaints.PrevBrand, Form.prev_brand) ?><?cs call:mine(L.Complaints.Analysis, Form.analysis) ?>
      <?cs call:mine(L.Complaints.Explanation, Form.explanation) ?><?cs call:mine(L.Complaints.Remedy, L.ComplaintRemedy[Form.remedy]) ?>
      <?cs call:mine(L.Complaints.Amount, Form.amount) ?><?cs call:mine(L.Complaints.Detail, Form.detail) ?>
      <?cs call:mine(L.Complaints.DecisionComment, Form.comment) ?><?cs call:mine(L.Complaints.AgreedOn, Form.agreed_on) ?>
      <?cs call:mine(L.Complaints.AgreementTerms, Form.agreement_terms) ?><?cs call:mine(L.Complaints.AgreedHow, L.ComplaintAgreed[Form.agreed_how]) ?>
      <?cs call:mine(L.Complaints.ExecDepartment, Form.exec_department) ?><?cs call:mine(L.Complaints.ExecutedOn, Form.executed_on) ?>
      <?cs call:mine(L.Complaints.PaidOn, Form.compensation_paid_on) ?><?cs call:mine(L.Complaints.ExecNote, Form.exec_note) ?>
      <?cs call:mine(L.Complaints.FollowedOn, Form.followed_on) ?><?cs call:mine(L.Complaints.Said, Form.said) ?>
      <?cs call:mine(L.Complaints.ReopenReason, Form.reason) ?>
    </dl></div><?cs /if ?>
  <?cs if:!Can.Handle ?><p class="muted small"><?cs var:L.Complaints.ReadOnly ?></p><?cs /if ?>
  <ol class="stepper">
  <?cs loop:i = 1, 7, 1 ?><?cs with:st = Steps[i] ?>
  <li class="step step-<?cs var:st.state ?>" id="step-<?cs var:i ?>"<?cs if:st.state == "current" ?> aria-current="step"<?cs /if ?>>
    <div class="step-head">
      <span class="step-dot" aria-hidden="true"><?cs if:st.state == "done" ?>✓<?cs else ?><?cs var:i ?><?cs /if ?></span>
      <div>
        <h3><?cs var:L.StepName[i] ?></h3>
        <p class="step-source small"><?cs var:L.Complaints.StepTitle[i] ?></p>
        <p class="step-meta small"><span class="step-state"><?cs if:st.state == "done" ?><?cs var:L.Complaints.StateDone ?><?cs elif:st.state == "current" ?><?cs var:L.Complaints.StateCurrent ?><?cs else ?><?cs var:L.Complaints.StateLater ?><?cs /if ?></span><?cs if:st.who ?> · <?cs var:L.Complaints.By ?> <?cs var:st.who ?> · <?cs var:st.at ?><?cs /if ?></p>
      </div>
    </div>
    <div class="step-body">
    <?cs if:i == 1 ?>
      <?cs if:st.state == "done" ?><dl class="facts"><?cs call:wide_fact(L.Complaints.Facts, Handling.facts) ?><?cs call:fact(L.Complaints.AssignTo, Complaint.assignee) ?></dl>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs call:step_form(1) ?>
          <?cs call:area_field("facts", L.Complaints.Facts, 1) ?>
          <div class="field<?cs if:Form.Errors.assignee_id ?> invalid<?cs /if ?>"><label for="f-assignee_id"><?cs var:L.Complaints.AssignTo ?> <span class="req" aria-hidden="true">*</span></label>
            <select id="f-assignee_id" name="assignee_id"><option value="">—</option><?cs each:s = Menu.Staff ?><option value="<?cs var:s.id ?>"<?cs if:Form.assignee_id == s.id || (!Form.assignee_id && s.id == User.Id) ?> selected<?cs /if ?>><?cs var:s.name ?> · <?cs var:L.Role[s.role] ?></option><?cs /each ?></select><?cs call:field_error("assignee_id") ?></div>
        <?cs call:step_form_end(L.Complaints.Save) ?>
      <?cs /if ?>
    <?cs elif:i == 2 ?>
      <?cs if:st.state == "done" ?><dl class="facts">
        <div><dt><?cs var:L.Complaints.Channel ?></dt><dd><?cs var:L.ComplaintChannel[Handling.contact_channel] ?></dd></div>
        <?cs call:fact(L.Complaints.ContactedAt, Handling.contacted_at) ?><?cs call:fact(L.Complaints.BoughtWhen, Handling.bought_when) ?><?cs call:fact(L.Complaints.PrevBrand, Handling.prev_brand) ?>
        <?cs call:wide_fact(L.Complaints.Usage, Handling.usage_text) ?><?cs call:wide_fact(L.Complaints.Symptom, Handling.symptom) ?></dl>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs call:step_form(2) ?>
          <?cs call:choice_field("contact_channel", L.Complaints.Channel, L.ComplaintChannel, 1) ?>
          <?cs call:text_field("contacted_at", L.Complaints.ContactedAt, "datetime-local", 1) ?>
          <?cs call:text_field("bought_when", L.Complaints.BoughtWhen, "text", 0) ?>
          <?cs call:text_field("prev_brand", L.Complaints.PrevBrand, "text", 0) ?>
          <?cs call:area_field("usage_text", L.Complaints.Usage, 0) ?>
          <?cs call:area_field("symptom", L.Complaints.Symptom, 1) ?>
        <?cs call:step_form_end(L.Complaints.Save) ?>
      <?cs /if ?>
    <?cs elif:i == 3 ?>
      <?cs if:st.state == "done" ?><dl class="facts"><?cs call:wide_fact(L.Complaints.Analysis, Handling.analysis) ?><?cs call:wide_fact(L.Complaints.Explanation, Handling.explanation) ?></dl>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs call:step_form(3) ?>
          <?cs call:area_field("analysis", L.Complaints.Analysis, 1) ?>
          <?cs call:area_field("explanation", L.Complaints.Explanation, 1) ?>
        <?cs call:step_form_end(L.Complaints.Save) ?>
      <?cs /if ?>
    <?cs elif:i == 4 ?>
      <?cs if:subcount(Proposals) ?><ol class="proposals" id="proposals"><?cs each:p = Proposals ?>
        <li class="proposal decision-<?cs var:p.decision ?>"><p class="timeline-head"><strong><?cs var:L.ComplaintRemedy[p.remedy] ?></strong><?cs if:p.amount > 0 ?> · ¥<?cs var:money(p.amount) ?><?cs /if ?> <span class="tag<?cs if:p.decision == "approved" ?> ok<?cs elif:p.decision == "returned" ?> warn<?cs /if ?>"><?cs var:L.ComplaintDecision[p.decision] ?></span> <span class="muted small"><?cs var:L.Complaints.Proposer ?> <?cs var:p.proposer ?> · <?cs var:p.proposed_at ?></span></p>
          <p class="prose"><?cs var:p.detail ?></p>
          <?cs if:p.decider ?><p class="decision-note small"><?cs var:L.Complaints.Decision ?><?cs call:colon() ?><?cs var:p.decider ?> · <?cs var:p.decided_at ?><?cs if:p.decision_comment ?> — <?cs var:p.decision_comment ?><?cs /if ?></p><?cs /if ?></li>
      <?cs /each ?></ol><?cs /if ?>
      <?cs if:st.state == "current" ?>
        <?cs if:Pending.id ?>
          <?cs if:Can.Decide ?>
          <form method="post" action="/complaints/<?cs var:Complaint.id ?>/decide" class="form-grid step-form" id="decide-form" novalidate>
            <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Complaint.version ?>">
            <?cs call:area_field("comment", L.Complaints.DecisionComment, 0) ?>
            <div class="actions wide"><button type="submit" name="decision" value="approve" class="button primary" id="approve"><?cs var:L.Complaints.Approve ?></button><button type="submit" name="decision" value="return" class="button" id="return"><?cs var:L.Complaints.Return ?></button></div>
          </form>
          <?cs elif:Pending.proposed_by == User.Id && User.Role == "leader" ?><p class="note-info"><?cs var:L.Complaints.OwnProposalHint ?></p>
          <?cs else ?><p class="note-info" id="waiting-leader"><?cs var:L.Complaints.WaitingLeader ?></p><?cs /if ?>
        <?cs elif:Can.Handle ?>
          <?cs if:subcount(Proposals) ?><p class="note-info"><?cs var:L.Complaints.ReturnedHint ?></p><?cs /if ?>
          <?cs call:step_form(4) ?>
            <?cs call:choice_field("remedy", L.Complaints.Remedy, Remedies, 1) ?>
            <div class="field<?cs if:Form.Errors.amount ?> invalid<?cs /if ?>"><label for="f-amount"><?cs var:L.Complaints.Amount ?></label><input id="f-amount" name="amount" type="text" inputmode="decimal" value="<?cs var:Form.amount ?>" aria-describedby="hint-amount<?cs if:Form.Errors.amount ?> err-amount<?cs /if ?>"<?cs if:Form.Errors.amount ?> aria-invalid="true"<?cs /if ?>><p class="hint" id="hint-amount"><?cs var:L.Complaints.AmountHint ?></p><?cs call:field_error("amount") ?></div>
            <?cs call:area_field("detail", L.Complaints.Detail, 1) ?>
          <?cs call:step_form_end(L.Complaints.SaveProposal) ?>
        <?cs /if ?>
      <?cs /if ?>
    <?cs elif:i == 5 ?>
      <?cs if:st.state != "later" ?><p class="agreement-link"><a class="button small-button" href="/complaints/<?cs var:Complaint.id ?>/agreement" id="agreement-link"><?cs var:L.Agreement.Open ?></a><?cs if:st.state == "current" ?> <span class="muted small"><?cs var:L.Agreement.OpenHint ?></span><?cs /if ?></p><?cs /if ?>
      <?cs if:st.state == "done" ?><dl class="facts"><?cs call:fact(L.Complaints.AgreedOn, Handling.agreed_on) ?>
        <div><dt><?cs var:L.Complaints.AgreedHow ?></dt><dd><?cs var:L.ComplaintAgreed[Handling.agreed_how] ?></dd></div>
        <?cs call:wide_fact(L.Complaints.AgreementTerms, Handling.agreement_terms) ?></dl>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs call:step_form(5) ?>
          <?cs call:text_field("agreed_on", L.Complaints.AgreedOn, "date", 1) ?>
          <?cs call:choice_field("agreed_how", L.Complaints.AgreedHow, L.ComplaintAgreed, 1) ?>
          <?cs call:area_field("agreement_terms", L.Complaints.AgreementTerms, 1) ?>
        <?cs call:step_form_end(L.Complaints.Save) ?>
      <?cs /if ?>
    <?cs elif:i == 6 ?>
      <?cs if:st.state == "done" ?><dl class="facts"><?cs call:fact(L.Complaints.ExecDepartment, Handling.exec_department) ?><?cs call:fact(L.Complaints.ExecutedOn, Handling.executed_on) ?><?cs call:fact(L.Complaints.PaidOn, Handling.compensation_paid_on) ?><?cs call:wide_fact(L.Complaints.ExecNote, Handling.exec_note) ?></dl>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs if:Approved.id ?><p class="note-info"><?cs var:L.Complaints.ApprovedAmount ?><?cs call:colon() ?><?cs var:L.ComplaintRemedy[Approved.remedy] ?><?cs if:Approved.amount > 0 ?> · ¥<?cs var:money(Approved.amount) ?><?cs /if ?></p><?cs /if ?>
        <?cs call:step_form(6) ?>
          <?cs call:text_field("exec_department", L.Complaints.ExecDepartment, "text", 1) ?>
          <?cs call:text_field("executed_on", L.Complaints.ExecutedOn, "date", 1) ?>
          <?cs call:text_field("compensation_paid_on", L.Complaints.PaidOn, "date", Can.PaidRequired) ?>
          <?cs call:area_field("exec_note", L.Complaints.ExecNote, 0) ?>
        <?cs call:step_form_end(L.Complaints.Save) ?>
      <?cs /if ?>
    <?cs elif:i == 7 ?>
      <?cs if:subcount(Followups) ?><ol class="timeline" id="followups"><?cs each:f = Followups ?><li><p class="timeline-head"><span class="nowrap"><?cs var:f.followed_on ?></span> <span class="muted small"><?cs var:f.who ?></span></p><p class="prose"><?cs var:f.said ?></p></li><?cs /each ?></ol>
      <?cs elif:st.state != "later" ?><p class="muted"><?cs var:L.Complaints.NoFollowups ?></p><?cs /if ?>
      <?cs if:Complaint.satisfaction ?><p class="note-info" id="satisfaction"><?cs var:L.Complaints.Satisfaction ?><?cs call:colon() ?><?cs var:Complaint.satisfaction ?> / 5<?cs if:Complaint.satisfaction_comment ?> — <?cs var:Complaint.satisfaction_comment ?><?cs /if ?> <span class="muted small"><?cs var:Complaint.rated_at ?></span></p><?cs /if ?>
      <?cs if:Complaint.status == "closed" ?>
        <p class="small"><?cs var:L.Complaints.ClosedAt ?><?cs call:colon() ?><?cs var:Complaint.closed_at ?></p>
        <?cs if:Can.Handle ?>
        <details class="add-form"<?cs if:Form.Errors.reason ?> open<?cs /if ?>><summary class="button"><?cs var:L.Complaints.Reopen ?></summary>
          <form method="post" action="/complaints/<?cs var:Complaint.id ?>/reopen" class="form-grid" id="reopen-form">
            <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Complaint.version ?>">
            <?cs call:area_field("reason", L.Complaints.ReopenReason, 1) ?>
            <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Complaints.Reopen ?></button></div>
          </form>
        </details>
        <?cs /if ?>
      <?cs elif:st.state == "current" && Can.Handle ?>
        <?cs call:step_form(7) ?>
          <?cs call:text_field("followed_on", L.Complaints.FollowedOn, "date", 1) ?>
          <?cs call:area_field("said", L.Complaints.Said, 1) ?>
        <?cs call:step_form_end(L.Complaints.AddFollowup) ?>
        <form method="post" action="/complaints/<?cs var:Complaint.id ?>/close" class="close-form" id="close-form" data-confirm="<?cs var:L.Complaints.CloseConfirm ?>">
          <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Complaint.version ?>">
          <?cs if:Complaint.followups_open > 0 ?><button type="submit" class="button primary" id="close-case"><?cs var:L.Complaints.CloseCase ?></button><?cs else ?><button type="submit" class="button" disabled aria-describedby="close-hint" id="close-case-disabled"><?cs var:L.Complaints.CloseCase ?></button> <span class="muted small" id="close-hint"><?cs if:Complaint.reopen_count > 0 && subcount(Followups) ?><?cs var:L.Complaints.CloseNeedsNewFollowup ?><?cs else ?><?cs var:L.Complaints.CloseNeedsFollowup ?><?cs /if ?></span><?cs /if ?>
        </form>
      <?cs /if ?>
    <?cs /if ?>
    <?cs if:st.state == "later" ?><p class="muted small"><?cs var:L.Complaints.Later ?></p><?cs /if ?>
    </div>
  </li>
  <?cs /with ?><?cs /loop ?>
  </ol>
</section>
</div>

<aside class="cp-side">
<section class="card" id="customer-file">
  <h2><?cs var:L.Complaints.CustomerFile ?></h2>
  <?cs if:Complaint.customer_id ?>
    <p id="matched"><?cs var:L.Complaints.MatchedTo ?><?cs call:colon() ?><a href="/customers/<?cs var:Complaint.customer_id ?>?tab=complaints"><?cs var:Complaint.customer_name ?></a> <span class="muted mono"><?cs var:Complaint.customer_code ?></span></p>
    <?cs if:Can.Handle ?><form method="post" action="/complaints/<?cs var:Complaint.id ?>/match" class="inline" id="unmatch-form"><?cs call:csrf_field() ?><input type="hidden" name="action" value="unmatch"><button type="submit" class="link small" id="unmatch"><?cs var:L.Complaints.Unmatch ?></button></form><?cs /if ?>
  <?cs else ?>
    <p class="muted"><?cs var:L.Complaints.NotMatched ?></p>
    <?cs if:Can.Handle ?>
      <?cs if:subcount(Suggestions) ?>
      <p class="small"><?cs var:L.Complaints.Suggestions ?></p>
      <ul class="suggestions" id="suggestions"><?cs each:s = Suggestions ?><li>
        <form method="post" action="/complaints/<?cs var:Complaint.id ?>/match" id="match-<?cs var:s.id ?>"><?cs call:csrf_field() ?><input type="hidden" name="customer_id" value="<?cs var:s.id ?>">
          <a href="/customers/<?cs var:s.id ?>"><?cs var:s.name ?></a> <span class="muted small mono"><?cs var:s.code ?></span><br><span class="muted small"><?cs call:region_name(s) ?> · <?cs var:s.city ?> · <?cs var:L.Complaints.Why[s.why] ?></span>
          <button type="submit" class="button small-button"><?cs var:L.Complaints.MatchThis ?></button></form></li><?cs /each ?></ul>
      <?cs else ?><p class="small muted" id="no-suggestions"><?cs var:L.Complaints.NoSuggestions ?></p><?cs /if ?>
      <form method="post" action="/complaints/<?cs var:Complaint.id ?>/match" class="match-code" id="match-code"><?cs call:csrf_field() ?>
        <?cs call:text_field("code", L.Complaints.MatchCode, "text", 0) ?>
        <button type="submit" class="button"><?cs var:L.Complaints.MatchByCode ?></button>
      </form>
    <?cs /if ?>
  <?cs /if ?>
</section>

<section class="card" id="messages">
  <h2><?cs var:L.Complaints.Messages ?></h2>
  <?cs if:!subcount(Messages) ?><p class="muted"><?cs var:L.Complaints.NoMessages ?></p><?cs /if ?>
  <ol class="messages"><?cs each:m = Messages ?>
    <li class="msg msg-<?cs var:m.audience ?> msg-from-<?cs var:m.author ?>" data-audience="<?cs var:m.audience ?>">
      <p class="msg-head"><span class="msg-label"><?cs if:m.audience == "internal" ?><?cs var:L.Complaints.Internal ?><?cs elif:m.author == "customer" ?><?cs var:L.Complaints.FromCustomer ?><?cs else ?><?cs var:L.Complaints.ToCustomer ?><?cs /if ?></span> <span class="muted small"><?cs if:m.who ?><?cs var:m.who ?><?cs elif:m.author == "system" ?><?cs var:L.Complaints.System ?><?cs else ?><?cs var:Complaint.contact_name ?><?cs /if ?> · <?cs var:m.at ?></span></p>
      <p class="prose"><?cs var:m.body ?></p></li>
  <?cs /each ?></ol>
  <form method="post" action="/complaints/<?cs var:Complaint.id ?>/message" class="composer" id="composer" novalidate>
    <?cs call:csrf_field() ?>
    <div class="field wide<?cs if:Form.Errors.body ?> invalid<?cs /if ?>"><label for="f-body"><?cs var:L.Complaints.MessageBody ?></label><textarea id="f-body" name="body" rows="3" aria-describedby="composer-hint"><?cs var:Form.body ?></textarea><?cs call:field_error("body") ?></div>
    <p class="muted small" id="composer-hint"><?cs var:L.Complaints.ComposerHint ?></p>
    <div class="actions">
      <button type="submit" name="audience" value="internal" class="button note-button" id="send-internal"><?cs var:L.Complaints.SaveInternal ?></button>
      <?cs if:Can.Handle ?><button type="submit" name="audience" value="customer" class="button primary" id="send-customer"><?cs var:L.Complaints.SendCustomer ?></button><?cs /if ?>
    </div>
  </form>
</section>

<section class="card" id="timeline">
  <h2><?cs var:L.Complaints.Timeline ?></h2>
  <ol class="timeline events"><?cs each:e = Events ?>
    <li><p class="timeline-head"><span class="nowrap small"><?cs var:e.at ?></span> <span class="tag"><?cs alt:L.ComplaintEvent[e.event] ?><?cs var:e.event ?><?cs /alt ?></span><?cs if:e.event == "step_done" ?> <span class="small"><?cs var:L.StepName[e.step] ?></span><?cs /if ?> <span class="muted small"><?cs var:e.who ?></span></p><?cs if:e.event == "proposed" && e.note ?><?cs call:proposed_note(e.note) ?><?cs elif:e.event == "registered" && e.note ?><p class="small"><?cs alt:L.ComplaintSource[e.note] ?><?cs var:e.note ?><?cs /alt ?></p><?cs elif:e.note ?><p class="prose small"><?cs var:e.note ?></p><?cs /if ?></li>
  <?cs /each ?></ol>
</section>
</aside>
</div>
<?cs include:"layout/bottom.cs" ?>
