<?cs set:Page.Title = Plan.customer_name + " " + Plan.year ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?><?cs
def:act_form(action, label, cls) ?><form method="post" action="/plans/<?cs var:Plan.id ?>/act" class="inline act-form" id="act-<?cs var:action ?>"><?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>"><input type="hidden" name="action" value="<?cs var:action ?>"><button type="submit" class="button <?cs var:cls ?>"><?cs var:label ?></button></form><?cs /def ?><?cs
def:goals_facts(v) ?><dl class="facts">
    <div><dt><?cs var:L.Plans.SalesTarget ?></dt><dd class="num-left"><?cs call:yuan(v.sales_target) ?></dd></div>
    <div><dt><?cs var:L.Plans.GrowthTarget ?></dt><dd><?cs var:v.growth_target ?>%</dd></div>
    <div class="wide"><dt><?cs var:L.Plans.Focus ?></dt><dd class="prose"><?cs call:dash(v.focus) ?></dd></div>
    <?cs if:v.change_note ?><div class="wide"><dt><?cs var:L.Plans.ChangeNote ?></dt><dd class="prose"><?cs var:v.change_note ?></dd></div><?cs /if ?>
  </dl><?cs /def ?><?cs
def:measures_table(rows, tid, editable, money_cols) ?><div class="table-wrap"><table class="data plan-items" id="<?cs var:tid ?>">
    <thead><tr><th><?cs var:L.Plans.Measure ?></th><th class="opt"><?cs var:L.Plans.Description ?></th><th><?cs var:L.Plans.Months ?></th><th class="opt"><?cs var:L.Plans.Owner ?></th><th class="num"><?cs var:L.Plans.Budget ?></th><?cs if:money_cols ?><th class="num"><?cs var:L.Plans.Actual ?></th><th><?cs var:L.Plans.Overspend ?></th><?cs /if ?><?cs if:editable ?><th><span class="sr-only"><?cs var:L.Plans.Actions ?></span></th><?cs /if ?></tr></thead>
    <?cs each:c = Categories ?><?cs set:shown = 0 ?><?cs each:i = rows ?><?cs if:i.category_id == c.id ?><?cs if:shown == 0 ?><tbody class="cat-group"><tr class="cat-row"><th colspan="<?cs if:editable ?>6<?cs elif:money_cols ?>7<?cs else ?>5<?cs /if ?>" scope="colgroup"><?cs var:c.id ?> · <?cs call:lang_name(c) ?></th></tr><?cs set:shown = 1 ?><?cs /if ?>
    <tr data-line="<?cs var:i.line_key ?>"<?cs if:i.overspent == "1" && money_cols ?> class="overspent"<?cs /if ?>>
      <td class="measure"><?cs call:measure_name(i) ?><?cs if:i.expected_effect ?><p class="small muted effect"><?cs var:L.Plans.ExpectedEffect ?><?cs call:colon() ?><?cs var:i.expected_effect ?></p><?cs /if ?></td>
      <td class="opt prose small"><?cs call:dash(i.description) ?></td>
      <td><?cs call:month_strip(i) ?></td>
      <td class="opt nowrap"><?cs alt:i.owner ?><span class="muted"><?cs var:L.Plans.NoOwner ?></span><?cs /alt ?></td>
      <td class="num nowrap"><?cs call:yuan(i.budget) ?></td>
      <?cs if:money_cols ?><td class="num nowrap"><?cs call:yuan(i.actual) ?></td><td class="nowrap"><?cs call:over_flag(i) ?></td><?cs /if ?>
      <?cs if:editable ?><td class="nowrap row-actions"><a href="/plans/<?cs var:Plan.id ?>/item?line=<?cs var:i.line_key ?>" class="button small"><?cs var:L.Plans.EditMeasure ?></a> <?cs if:i.executions > 0 ?><span class="muted small">(<?cs var:L.Plans.RemoveRefused ?>)</span><?cs else ?><form method="post" action="/plans/<?cs var:Plan.id ?>/remove" class="inline" id="remove-<?cs var:i.line_key ?>"><?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>"><input type="hidden" name="line_key" value="<?cs var:i.line_key ?>"><button type="submit" class="button small link danger"><?cs var:L.Plans.RemoveMeasure ?></button></form><?cs /if ?></td><?cs /if ?>
    </tr><?cs /if ?><?cs /each ?><?cs if:shown == 1 ?></tbody><?cs /if ?><?cs /each ?>
  </table></div><?cs /def ?>
<p class="crumb"><a href="/plans">← <?cs var:L.Plans.Back ?></a></p>
<div class="page-head">
  <div>
    <h1 id="plan-title"><?cs var:Plan.customer_name ?> · <?cs var:Plan.year ?> <?cs var:L.Plans.PlanOf ?></h1>
    <p class="badges">
      <span class="mono"><?cs var:Plan.customer_code ?></span>
      <span id="plan-status"><?cs call:plan_status(Plan.status) ?></span>
      <?cs if:Plan.rev_in_force ?><span class="tag" id="rev-in-force"><?cs var:L.Plans.RevInForce ?><?cs call:colon() ?><?cs var:L.Plans.Rev ?><?cs var:Plan.rev_in_force ?><?cs var:L.Plans.RevAfter ?></span><?cs /if ?>
      <?cs if:Plan.open_status ?><span class="tag warn" id="open-rev"><?cs var:L.Plans.OpenRevision ?><?cs call:colon() ?><?cs var:L.Plans.Rev ?><?cs var:Plan.open_rev ?><?cs var:L.Plans.RevAfter ?> · <?cs var:L.PlanStatus[Plan.open_status] ?></span><?cs /if ?>
      <?cs if:Plan.copied_year ?><a class="tag" href="/plans/<?cs var:Plan.copied_from ?>"><?cs var:L.Plans.CopiedFrom ?> (<?cs var:Plan.copied_year ?>)</a><?cs /if ?>
    </p>
  </div>
</div>
<dl class="facts plan-meta card">
  <div><dt><?cs var:L.Plans.Dealer ?></dt><dd><a href="/customers/<?cs var:Plan.customer_id ?>?tab=support" id="dealer-link"><?cs var:Plan.customer_name ?></a> <span class="muted small">(<?cs var:L.Plans.CustomerFile ?>)</span></dd></div>
  <div><dt><?cs var:L.Plans.Region ?></dt><dd><?cs call:region_name(Plan) ?></dd></div>
  <div><dt><?cs var:L.Plans.CreatedByOn ?></dt><dd><?cs var:Plan.created_by_name ?> · <span class="nowrap"><?cs var:Plan.created_at ?></span></dd></div>
  <div><dt><?cs var:L.Plans.ApprovedByOn ?></dt><dd><?cs if:Plan.approved_by ?><?cs var:Plan.approved_by ?> · <span class="nowrap"><?cs var:Plan.approved_at ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
</dl>
<div class="stats" id="plan-stats">
  <div class="stat"><span class="stat-value small-value" id="plan-budget"><?cs call:yuan(Plan.budget) ?></span><span class="stat-label"><?cs var:L.Plans.PlanBudget ?></span></div>
  <div class="stat<?cs if:Plan.overspent == "1" ?> warn<?cs /if ?>"><span class="stat-value small-value" id="plan-actual"><?cs call:yuan(Plan.actual) ?></span><span class="stat-label"><?cs var:L.Plans.PlanActual ?><?cs if:Plan.overspent == "1" ?> · <span id="plan-over">⚠ <?cs var:L.Plans.Overspent ?></span><?cs /if ?></span></div>
  <?cs if:Plan.open_status ?><div class="stat"><span class="stat-value small-value" id="open-budget"><?cs call:yuan(Plan.open_budget) ?></span><span class="stat-label"><?cs var:L.Plans.OpenRevision ?> · <?cs var:L.Plans.Budget ?></span></div><?cs /if ?>
</div>

<section class="card" id="workflow">
  <h2><?cs var:L.Plans.Actions ?></h2>
  <?cs if:Plan.open_status == "submitted" && !Can.Decide ?><p class="muted" id="awaiting"><?cs if:Can.OwnSubmission ?><?cs var:L.Plans.OwnSubmission ?><?cs else ?><?cs var:L.Plans.AwaitingDecision ?><?cs /if ?></p><?cs /if ?>
  <div class="action-row">
  <?cs if:Can.Submit ?><?cs call:act_form("submit", L.Plans.Submit, "primary") ?><?cs /if ?>
  <?cs if:Can.Start ?><?cs call:act_form("start", L.Plans.Start, "") ?><?cs /if ?>
  <?cs if:Can.Close ?><?cs call:act_form("close", L.Plans.Close, "") ?><?cs /if ?>
  </div>
  <?cs if:Can.Submit ?><p class="small muted"><?cs var:L.Plans.SubmitHint ?></p><?cs /if ?>
  <?cs if:Can.Decide ?>
  <form method="post" action="/plans/<?cs var:Plan.id ?>/act" class="form-grid" id="decide-form" novalidate>
    <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>">
    <?cs call:area_field("comment", L.Plans.ReturnComment, 0) ?>
    <div class="actions wide"><button type="submit" name="action" value="approve" class="button primary" id="approve"><?cs var:L.Plans.Approve ?></button> <button type="submit" name="action" value="return" class="button" id="return"><?cs var:L.Plans.Return ?></button></div>
  </form>
  <?cs /if ?>
  <?cs if:Can.Revise ?>
  <details class="revise"<?cs if:Form.Errors.reason ?> open<?cs /if ?>><summary><?cs var:L.Plans.Revise ?></summary>
  <p class="small muted"><?cs var:L.Plans.ReviseHint ?></p>
  <form method="post" action="/plans/<?cs var:Plan.id ?>/act" class="form-grid" id="revise-form" novalidate>
    <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>"><input type="hidden" name="action" value="revise">
    <?cs call:area_field("comment", L.Plans.ReviseReason, 0) ?>
    <div class="actions wide"><button type="submit" class="button primary"><?cs var:L.Plans.Revise ?></button></div>
  </form>
  </details>
  <?cs /if ?>
  <?cs if:!Plan.rev_in_force ?><p class="small muted"><?cs var:L.Plans.NotYetApproved ?></p><?cs /if ?>
</section>

<?cs if:Form.Conflict ?><div class="alert" role="alert" id="conflict"><p><?cs var:L.Plans.Conflict.Intro ?></p>
  <?cs if:Plan.open_status ?><p><strong><?cs var:L.Plans.Conflict.TheirGoals ?></strong></p><?cs call:goals_facts(Open) ?><?cs /if ?>
  <?cs if:Form.comment ?><p><strong><?cs var:L.Plans.Conflict.YourComment ?></strong></p><p class="prose" id="conflict-mine"><?cs var:Form.comment ?></p><?cs /if ?></div><?cs /if ?>
<?cs if:Plan.open_status ?>
<section class="card" id="open-revision">
  <h2><?cs var:L.Plans.OpenRevision ?> · <?cs var:L.Plans.Rev ?><?cs var:Open.rev ?><?cs var:L.Plans.RevAfter ?> <?cs call:plan_status(Open.status) ?></h2>
  <?cs if:Open.status == "returned" && Open.decision_comment ?><p class="notice warn" id="return-comment"><strong><?cs var:L.PlanStatus.returned ?> · <?cs var:Open.decided_by_name ?><?cs call:colon() ?></strong> <?cs var:Open.decision_comment ?></p><?cs /if ?>
  <h3><?cs var:L.Plans.Goals ?></h3>
  <?cs if:Can.Edit ?>
  <form method="post" action="/plans/<?cs var:Plan.id ?>/goals" class="form-grid" id="goals-form" novalidate>
    <?cs call:csrf_field() ?><input type="hidden" name="version" value="<?cs var:Plan.version ?>">
    <?cs call:text_field("sales_target", L.Plans.SalesTarget, "text", 1) ?>
    <?cs call:text_field("growth_target", L.Plans.GrowthTarget, "text", 1) ?>
    <?cs call:area_field("focus", L.Plans.Focus, 0) ?>
    <?cs if:Open.rev > 1 ?><?cs call:area_field("change_note", L.Plans.ChangeNote, 0) ?><?cs /if ?>
    <div class="actions wide"><button type="submit" class="button"><?cs var:L.Plans.SaveGoals ?></button></div>
  </form>
  <?cs else ?><?cs call:goals_facts(Open) ?><?cs /if ?>
  <h3><?cs var:L.Plans.Measures ?></h3>
  <?cs if:subcount(OpenItems) ?><?cs call:measures_table(OpenItems, "open-items", Can.Edit, 0) ?><?cs else ?><p class="empty"><?cs var:L.Plans.NoMeasures ?></p><?cs /if ?>
  <?cs if:Can.Edit ?><p><a class="button primary" href="/plans/<?cs var:Plan.id ?>/item" id="add-measure">+ <?cs var:L.Plans.AddMeasure ?></a></p><?cs /if ?>
</section>
<?cs /if ?>

<?cs if:Plan.rev_in_force ?>
<section class="card" id="in-force">
  <h2><?cs var:L.Plans.RevInForce ?> · <?cs var:L.Plans.Rev ?><?cs var:InForce.rev ?><?cs var:L.Plans.RevAfter ?> <span class="tag">✓ <?cs var:L.Plans.Locked ?></span></h2>
  <h3><?cs var:L.Plans.Goals ?></h3>
  <?cs call:goals_facts(InForce) ?>
  <h3><?cs var:L.Plans.Measures ?></h3>
  <?cs call:measures_table(Items, "items", 0, 1) ?>
</section>

<section class="card" id="category-totals">
  <h2><?cs var:L.Plans.CategoryTotals ?></h2>
  <div class="table-wrap"><table class="data compact" id="category-table">
    <thead><tr><th><?cs var:L.Plans.Category ?></th><th class="num"><?cs var:L.Plans.MeasureCount ?></th><th class="num"><?cs var:L.Plans.Budget ?></th><th class="num"><?cs var:L.Plans.Actual ?></th><th><?cs var:L.Plans.Overspend ?></th></tr></thead>
    <tbody><?cs each:c = CategoryTotals ?><tr data-category="<?cs var:c.id ?>"<?cs if:c.overspent == "1" ?> class="overspent"<?cs /if ?>><td><?cs call:lang_name(c) ?></td><td class="num"><?cs var:c.measures ?></td><td class="num nowrap"><?cs call:yuan(c.budget) ?></td><td class="num nowrap"><?cs call:yuan(c.actual) ?></td><td><?cs call:over_flag(c) ?></td></tr><?cs /each ?></tbody>
    <tfoot><tr<?cs if:Plan.overspent == "1" ?> class="overspent"<?cs /if ?>><th scope="row"><?cs var:L.Plans.Total ?></th><td></td><td class="num nowrap" id="total-budget"><?cs call:yuan(Plan.budget) ?></td><td class="num nowrap" id="total-actual"><?cs call:yuan(Plan.actual) ?></td><td><?cs call:over_flag(Plan) ?></td></tr></tfoot>
  </table></div>
</section>
<?cs include:"plans/support_return.cs" ?>

<section class="card" id="executions">
  <h2><?cs var:L.Plans.Executions ?></h2>
  <?cs if:!subcount(Executions) ?><p class="empty"><?cs var:L.Plans.NoExecutions ?></p><?cs /if ?>
  <?cs each:i = Items ?><?cs if:i.executions > 0 ?>
  <h3 class="exec-measure"><?cs call:measure_name(i) ?> <span class="muted small">· <?cs call:yuan(i.actual) ?> / <?cs call:yuan(i.budget) ?></span> <?cs call:over_flag(i) ?></h3>
  <div class="table-wrap"><table class="data compact exec-table" data-line="<?cs var:i.line_key ?>">
    <thead><tr><th><?cs var:L.Plans.DoneOn ?></th><th><?cs var:L.Plans.WhatDone ?></th><th class="num"><?cs var:L.Plans.ActualCost ?></th><th class="opt"><?cs var:L.Plans.Result ?></th><th><?cs var:L.Plans.Rating ?></th><th class="opt"><?cs var:L.Plans.RecordedBy ?></th></tr></thead>
    <tbody><?cs each:e = Executions ?><?cs if:e.line_key == i.line_key ?><tr data-exec="<?cs var:e.id ?>"><td class="nowrap"><?cs var:e.done_on ?></td><td class="prose"><?cs var:e.what_done ?><?cs each:f = Files ?><?cs if:f.execution_id == e.id ?><br><a class="small" href="/plans/attachment/<?cs var:f.id ?>" download><?cs var:L.Plans.AttachmentShort ?><?cs call:colon() ?><?cs var:f.file_name ?></a><?cs /if ?><?cs /each ?></td><td class="num nowrap"><?cs call:yuan(e.actual_cost) ?></td><td class="opt prose"><?cs call:dash(e.result) ?></td><td class="nowrap"><?cs if:e.rating ?><span class="rating" aria-label="<?cs var:e.rating ?>/5"><?cs var:e.rating ?>/5</span><?cs else ?><span class="muted">—</span><?cs /if ?></td><td class="opt nowrap small"><?cs var:e.recorded_by_name ?></td></tr><?cs /if ?><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?><?cs /each ?>
  <?cs if:Can.Execute ?>
  <details class="exec-add" id="exec-details"<?cs if:subcount(Form.Errors) ?> open<?cs /if ?>><summary class="button primary"><?cs var:L.Plans.RecordExecution ?></summary>
  <form method="post" action="/plans/<?cs var:Plan.id ?>/execute" enctype="multipart/form-data" class="form-grid" id="exec-form" novalidate>
    <?cs call:csrf_field() ?>
    <div class="field wide<?cs if:Form.Errors.line_key ?> invalid<?cs /if ?>"><label for="f-line_key"><?cs var:L.Plans.Measure ?> <span class="req" aria-hidden="true">*</span></label><select id="f-line_key" name="line_key" required><option value="">—</option><?cs each:i = Items ?><option value="<?cs var:i.line_key ?>"<?cs if:Form.line_key == i.line_key ?> selected<?cs /if ?>><?cs if:i.measure_id ?><?cs var:i.measure_code ?> <?cs if:Page.Lang == "en" ?><?cs var:i.measure_en ?><?cs else ?><?cs var:i.measure_zh ?><?cs /if ?><?cs else ?><?cs var:i.custom_name ?><?cs /if ?></option><?cs /each ?></select><?cs call:field_error("line_key") ?></div>
    <?cs call:text_field("done_on", L.Plans.DoneOn, "date", 1) ?>
    <?cs call:text_field("actual_cost", L.Plans.ActualCost, "text", 1) ?>
    <?cs call:area_field("what_done", L.Plans.WhatDone, 1) ?>
    <?cs call:area_field("result", L.Plans.Result, 0) ?>
    <div class="field<?cs if:Form.Errors.rating ?> invalid<?cs /if ?>"><label for="f-rating"><?cs var:L.Plans.Rating ?></label><select id="f-rating" name="rating"><option value=""><?cs var:L.Plans.NoRating ?></option><?cs loop:k = 5, 1, -1 ?><option value="<?cs var:k ?>"<?cs if:Form.rating == k ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /loop ?></select><?cs call:field_error("rating") ?></div>
    <div class="field<?cs if:Form.Errors.file ?> invalid<?cs /if ?>"><label for="f-file"><?cs var:L.Plans.Attachment ?></label><input type="file" id="f-file" name="file" accept="image/jpeg,image/png,application/pdf"><?cs call:field_error("file") ?></div>
    <div class="actions wide"><button type="submit" class="button primary" id="record"><?cs var:L.Plans.Record ?></button></div>
  </form>
  </details>
  <?cs /if ?>
</section>
<?cs /if ?>

<section class="card" id="history">
  <h2><?cs var:L.Plans.History ?></h2>
  <div class="table-wrap"><table class="data compact" id="revisions">
    <thead><tr><th><?cs var:L.Plans.Revision ?></th><th><?cs var:L.Plans.Status ?></th><th class="num"><?cs var:L.Plans.SalesTarget ?></th><th class="num"><?cs var:L.Plans.GrowthTarget ?></th><th class="num"><?cs var:L.Plans.Budget ?></th><th class="num opt"><?cs var:L.Plans.MeasureCount ?></th><th class="opt"><?cs var:L.Plans.CreatedAt ?></th><th><?cs var:L.Plans.Submitted ?></th><th><?cs var:L.Plans.Decided ?></th><th class="opt"><?cs var:L.Plans.Comment ?></th></tr></thead>
    <tbody><?cs each:v = Revisions ?><tr data-rev="<?cs var:v.rev ?>" data-status="<?cs var:v.status ?>">
      <td class="nowrap"><?cs var:L.Plans.Rev ?><?cs var:v.rev ?><?cs var:L.Plans.RevAfter ?></td>
      <td class="nowrap"><?cs call:plan_status(v.status) ?></td>
      <td class="num nowrap"><?cs call:yuan(v.sales_target) ?></td>
      <td class="num nowrap"><?cs var:v.growth_target ?>%</td>
      <td class="num nowrap"><?cs call:yuan(v.budget) ?></td>
      <td class="num opt"><?cs var:v.measures ?></td>
      <td class="opt small"><?cs var:v.created_by_name ?><br><span class="muted nowrap"><?cs var:v.created_at ?></span><?cs if:v.change_note ?><br><span class="muted"><?cs var:v.change_note ?></span><?cs /if ?></td>
      <td class="small"><?cs if:v.submitted_at ?><?cs var:v.submitted_by_name ?><br><span class="muted nowrap"><?cs var:v.submitted_at ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="small"><?cs if:v.decided_at ?><?cs var:v.decided_by_name ?><br><span class="muted nowrap"><?cs var:v.decided_at ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></td>
      <td class="opt prose small"><?cs call:dash(v.decision_comment) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <h3><?cs var:L.Plans.Timeline ?></h3>
  <ol class="timeline" id="plan-events"><?cs each:e = Events ?><li><p class="timeline-head"><span class="nowrap"><?cs var:e.at ?></span> <span class="tag"><?cs alt:L.PlanEvent[e.action] ?><?cs var:e.action ?><?cs /alt ?></span> <span class="muted small"><?cs var:e.who ?></span></p><?cs if:e.detail ?><p class="prose small muted"><?cs var:e.detail ?></p><?cs /if ?></li><?cs /each ?></ol>
</section>
<?cs include:"layout/bottom.cs" ?>
