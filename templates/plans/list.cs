<?cs set:Page.Title = L.Plans.Title ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Plans.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Plans.Found ?> <strong><?cs var:Pager.Total ?></strong> <?cs var:L.Plans.FoundAfter ?></p>
  <p class="head-actions"><a class="button primary" href="/plans/new" id="new-plan"><?cs var:L.Plans.New ?></a> <a class="button" href="/plans/budget?year=<?cs if:Filter.year == "all" ?><?cs var:ThisYear ?><?cs else ?><?cs var:Filter.year ?><?cs /if ?>"><?cs var:L.Plans.BudgetTitle ?></a> <a class="button" href="/plans/catalogue"><?cs var:L.Plans.Catalogue ?></a></p>
</div>
<?cs if:User.Role == "leader" ?>
<nav class="quick-filters" aria-label="<?cs var:L.Plans.Filter ?>">
  <a href="/plans?year=all&amp;decide=1" id="quick-decide" class="chip warn<?cs if:Filter.decide ?> active<?cs /if ?>"><?cs var:L.Plans.NeedsDecision ?></a>
</nav>
<?cs /if ?>
<form method="get" action="/plans" class="filters" role="search" id="plan-filters">
  <?cs call:filter_fold(Filter.Active || Filter.year != ThisYear) ?><div class="fold-body">
  <label class="sr-only" for="year"><?cs var:L.Plans.Year ?></label>
  <select id="year" name="year">
    <option value="all"<?cs if:Filter.year == "all" ?> selected<?cs /if ?>><?cs var:L.Plans.AllYears ?></option>
    <?cs loop:y = #ThisYear + 1, #ThisYear - 4, -1 ?><option value="<?cs var:y ?>"<?cs if:Filter.year == y ?> selected<?cs /if ?>><?cs var:y ?></option><?cs /loop ?>
  </select>
  <?cs call:filter_region(L.Plans.Region, L.Plans.AllRegions, Regions) ?>
  <label class="sr-only" for="status"><?cs var:L.Plans.Status ?></label>
  <select id="status" name="status">
    <option value=""><?cs var:L.Plans.AllStatuses ?></option>
    <?cs each:s = L.PlanStatus ?><?cs if:name(s) != "superseded" ?><option value="<?cs name:s ?>"<?cs if:Filter.status == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option><?cs /if ?><?cs /each ?>
  </select>
  <label class="sr-only" for="created"><?cs var:L.Plans.CreatedBy ?></label>
  <select id="created" name="created">
    <option value=""><?cs var:L.Plans.Anyone ?></option>
    <option value="mine"<?cs if:Filter.created == "mine" ?> selected<?cs /if ?>><?cs var:L.Plans.Mine ?></option>
  </select>
  <?cs if:User.Role == "leader" ?><?cs call:filter_check("decide", "decide", "1", L.Plans.NeedsDecision) ?><?cs /if ?>
  <?cs call:filter_end("/plans", L.Plans.Filter, L.Plans.Reset) ?>
</form>
<?cs if:!subcount(Plans) ?>
<p class="empty" id="no-results"><?cs var:L.Plans.NoPlans ?></p>
<?cs else ?>
<div class="table-wrap">
<table class="data" id="plans">
  <thead><tr>
    <th><?cs var:L.Plans.Dealer ?></th>
    <th><?cs var:L.Plans.Year ?></th>
    <th class="opt"><?cs var:L.Plans.Region ?></th>
    <th><?cs var:L.Plans.Status ?></th>
    <th class="opt"><?cs var:L.Plans.Revision ?></th>
    <th class="num"><?cs var:L.Plans.Budget ?></th>
    <th class="num"><?cs var:L.Plans.Actual ?></th>
    <th><?cs var:L.Plans.Overspend ?></th>
  </tr></thead>
  <tbody>
  <?cs each:p = Plans ?>
  <tr data-id="<?cs var:p.id ?>"<?cs if:p.overspent == "1" ?> class="overspent"<?cs /if ?>>
    <td class="name"><a href="/plans/<?cs var:p.id ?>"><?cs var:p.customer_name ?></a> <span class="muted mono small"><?cs var:p.customer_code ?></span></td>
    <td class="nowrap"><?cs var:p.year ?></td>
    <td class="opt nowrap"><?cs call:region_name(p) ?></td>
    <td class="nowrap"><?cs call:plan_status(p.status) ?><?cs if:p.open_status && p.rev_in_force ?> <span class="tag warn"><?cs var:L.Plans.Revise ?><?cs call:colon() ?><?cs var:L.PlanStatus[p.open_status] ?></span><?cs /if ?></td>
    <td class="opt nowrap"><?cs if:p.rev_in_force ?><?cs var:L.Plans.Rev ?><?cs var:p.rev_in_force ?><?cs var:L.Plans.RevAfter ?><?cs else ?><span class="muted">—</span><?cs /if ?></td>
    <td class="num nowrap"><?cs call:yuan(p.budget) ?></td>
    <td class="num nowrap"><?cs call:yuan(p.actual) ?></td>
    <td class="nowrap"><?cs call:over_flag(p) ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs call:pager("/plans") ?>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
