<?cs set:Page.Title = L.Complaints.QueueTitle ?><?cs include:"layout/top.cs" ?><?cs include:"complaints/macros.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Complaints.QueueTitle ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Complaints.FoundBefore ?> <strong><?cs var:Pager.Total ?></strong><?cs if:Pager.Capped ?>+<?cs /if ?> <?cs var:L.Complaints.FoundAfter ?></p>
  <a class="button primary page-action" href="/complaints/new" id="new-complaint"><?cs var:L.Complaints.New ?></a>
</div>
<nav class="quick-filters" aria-label="<?cs var:L.Complaints.Filter ?>">
  <a href="/complaints" class="chip<?cs if:!Filter.Active ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickOpen ?></a>
  <a href="/complaints?overdue=1" id="quick-overdue" class="chip warn<?cs if:Filter.overdue ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickOverdue ?></a>
  <a href="/complaints?due=soon" id="quick-due-soon" class="chip<?cs if:Filter.due == "soon" ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickDueSoon ?></a>
  <a href="/complaints?assignee=mine" class="chip<?cs if:Filter.assignee == "mine" ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickMine ?></a>
  <a href="/complaints?assignee=none" class="chip<?cs if:Filter.assignee == "none" ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickUnassigned ?></a>
  <?cs if:User.Role == "leader" ?><a href="/complaints?proposal=decide" id="quick-decide" class="chip warn<?cs if:Filter.proposal == "decide" ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickDecide ?></a><?cs /if ?>
  <?cs if:User.Role != "regional_manager" ?><a href="/complaints?proposal=returned_mine" id="quick-returned-mine" class="chip<?cs if:Filter.proposal == "returned_mine" ?> active<?cs /if ?>"><?cs var:L.Complaints.QuickReturnedMine ?></a><?cs /if ?>
</nav>
<form method="get" action="/complaints" class="filters" role="search" id="queue-filters">
  <?cs call:filter_fold(Filter.Active) ?><div class="fold-body">
  <label class="sr-only" for="status"><?cs var:L.Complaints.Status ?></label>
  <select id="status" name="status">
    <option value="open"<?cs if:Filter.status == "open" ?> selected<?cs /if ?>><?cs var:L.Complaints.StatusOpen ?></option>
    <option value="closed"<?cs if:Filter.status == "closed" ?> selected<?cs /if ?>><?cs var:L.Complaints.StatusClosed ?></option>
    <option value="all"<?cs if:Filter.status == "all" ?> selected<?cs /if ?>><?cs var:L.Complaints.StatusAll ?></option>
  </select>
  <?cs call:filter_select("step", L.Complaints.Step, L.Complaints.AllSteps, L.StepName, 1) ?>
  <?cs call:filter_select("kind", L.Complaints.Kind, L.Complaints.AllKinds, L.ComplaintKind, 0) ?>
  <?cs call:filter_select("reason", L.Complaints.Reason, L.Complaints.AllReasons, L.ComplaintReason, 0) ?>
  <label class="sr-only" for="product"><?cs var:L.Complaints.Product ?></label>
  <select id="product" name="product">
    <option value=""><?cs var:L.Complaints.AllProducts ?></option>
    <?cs escape:"none" ?><?cs var:Kept.ProductOptions ?><?cs /escape ?>
  </select>
  <?cs call:filter_region(L.Complaints.Region, L.Complaints.AllRegions, Menu.Regions) ?>
  <label class="sr-only" for="assignee"><?cs var:L.Complaints.Assignee ?></label>
  <select id="assignee" name="assignee">
    <option value=""><?cs var:L.Complaints.AllAssignees ?></option>
    <option value="mine"<?cs if:Filter.assignee == "mine" ?> selected<?cs /if ?>><?cs var:L.Complaints.Mine ?></option>
    <option value="none"<?cs if:Filter.assignee == "none" ?> selected<?cs /if ?>><?cs var:L.Complaints.Unassigned ?></option>
    <?cs escape:"none" ?><?cs var:Kept.StaffOptions ?><?cs /escape ?>
  </select>
  <label class="sr-only" for="proposal"><?cs var:L.Complaints.Proposal ?></label>
  <select id="proposal" name="proposal">
    <option value=""><?cs var:L.Complaints.AllProposals ?></option>
    <?cs if:User.Role == "leader" ?><option value="decide"<?cs if:Filter.proposal == "decide" ?> selected<?cs /if ?>><?cs var:L.Complaints.ProposalDecide ?></option><?cs /if ?>
    <option value="pending"<?cs if:Filter.proposal == "pending" ?> selected<?cs /if ?>><?cs var:L.Complaints.ProposalPending ?></option>
    <option value="returned"<?cs if:Filter.proposal == "returned" ?> selected<?cs /if ?>><?cs var:L.Complaints.ProposalReturned ?></option>
    <?cs if:User.Role != "regional_manager" ?><option value="returned_mine"<?cs if:Filter.proposal == "returned_mine" ?> selected<?cs /if ?>><?cs var:L.Complaints.ProposalReturnedMine ?></option><?cs /if ?>
  </select>
  <label class="sr-only" for="sort"><?cs var:L.Complaints.SortNewest ?></label>
  <select id="sort" name="sort">
    <option value=""><?cs var:L.Complaints.SortNewest ?></option>
    <option value="oldest"<?cs if:Filter.sort == "oldest" ?> selected<?cs /if ?>><?cs var:L.Complaints.SortOldest ?></option>
  </select>
  <?cs call:filter_check("overdue", "overdue", "1", L.Complaints.OverdueOnly) ?>
  <?cs call:filter_check("due-soon", "due", "soon", L.Complaints.DueSoonOnly) ?>
  <?cs call:filter_end("/complaints", L.Complaints.Filter, L.Complaints.Reset) ?>
</form>
<?cs if:!subcount(Complaints) ?>
<p class="empty" id="no-results"><?cs var:L.Complaints.None ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="data queue" id="complaint-queue">
  <thead><tr>
    <th><?cs var:L.Complaints.TrackingNo ?></th>
    <th class="opt"><?cs var:L.Complaints.Received ?></th>
    <th><?cs var:L.Complaints.Kind ?></th>
    <th class="opt"><?cs var:L.Complaints.Reason ?></th>
    <th class="opt"><?cs var:L.Complaints.Product ?></th>
    <th class="opt"><?cs var:L.Complaints.Region ?></th>
    <th class="opt"><?cs var:L.Complaints.Contact ?></th>
    <th class="opt"><?cs var:L.Complaints.Assignee ?></th>
    <th><?cs var:L.Complaints.Step ?></th>
    <th class="opt num"><?cs var:L.Complaints.Age ?></th>
    <th><?cs var:L.Complaints.Sla ?></th>
  </tr></thead>
  <tbody>
  <?cs each:c = Complaints ?>
  <tr<?cs if:c.sla == "overdue" ?> class="overdue"<?cs /if ?> data-id="<?cs var:c.id ?>">
    <td class="name mono"><a href="/complaints/<?cs var:c.id ?>"><?cs var:c.tracking_no ?></a><?cs if:c.reopen_count > 0 ?> <span class="tag warn"><?cs var:L.Complaints.Reopened ?></span><?cs /if ?></td>
    <td class="opt nowrap"><time datetime="<?cs var:c.received_at ?>" title="<?cs var:c.received_at ?>"><?cs var:c.received_short ?></time></td>
    <td class="nowrap"><span class="tag kind-<?cs var:c.kind ?>"><?cs var:L.ComplaintKind[c.kind] ?></span></td>
    <td class="opt reason"><?cs var:L.ComplaintReason[c.reason] ?></td>
    <td class="opt product"><?cs call:product_name(c) ?></td>
    <td class="opt nowrap"><?cs if:c.region_zh ?><?cs call:region_name(c) ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    <td class="opt"><?cs var:c.contact_name ?> <span class="muted mono"><?cs var:c.contact_phone ?></span></td>
    <td class="opt nowrap"><?cs if:c.assignee ?><?cs var:c.assignee ?><?cs else ?><span class="muted"><?cs var:L.Complaints.Unassigned ?></span><?cs /if ?></td>
    <td class="nowrap"><?cs call:step_badge(c) ?></td>
    <td class="opt num nowrap"><?cs var:c.age_text ?></td>
    <td class="sla"><?cs call:sla_clock(c) ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/complaints") ?>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
