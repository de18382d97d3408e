<?cs set:Page.Title = L.Plans.Title ?><?cs include:"layout/top.cs" ?><?cs include:"plans/macros.cs" ?><?cs
def:page_href(p) ?>/plans?<?cs var:Filter.Query ?>&amp;page=<?cs var:p ?><?cs /def ?>
<div class="page-head">
  <h1><?cs var:L.Plans.Title ?></h1>
  <p class="muted" id="result-count"><?cs var:L.Plans.Found ?> <strong><?cs var:Pager.Total ?></strong> <?cs var:L.Plans.FoundAfter ?></p>
  <p class="head-actions"><a class="button primary" href="/plans/new" id="new-plan"><?cs var:L.Plans.New ?></a> <a class="button" href="/plans/budget?year=<?cs alt:Filter.year ?><?cs var:ThisYear ?><?cs /alt ?>"><?cs var:L.Plans.BudgetTitle ?></a> <a class="button" href="/plans/catalogue"><?cs var:L.Plans.Catalogue ?></a></p>
</div>
<?cs if:User.Role == "leader" ?>
<nav class="quick-filters" aria-label="<?cs var:L.Plans.Filter ?>">
  <a href="/plans?year=all&amp;decide=1" id="quick-decide" class="chip warn<?cs if:Filter.decide ?> active<?cs /if ?>"><?cs var:L.Plans.NeedsDecision ?></a>
</nav>
<?cs /if ?>
<form method="get" action="/plans" class="filters" role="search" id="plan-filters">
  <?cs call:filter_fold(Filter.year != ThisYear || #Filter.region > 0 || Filter.status != "" || Filter.created != "" || #Filter.decide > 0) ?><div class="fold-body">
  <label class="sr-only" for="year"><?cs var:L.Plans.Year ?></label>
  <select id="year" name="year">
    <option value="all"<?cs if:Filter.year == 0 ?> selected<?cs /if ?>><?cs var:L.Plans.AllYears ?></option>
    <?cs loop:y = #ThisYear + 1, #ThisYear - 4, -1 ?><option value="<?cs var:y ?>"<?cs if:Filter.year == y ?> selected<?cs /if ?>><?cs var:y ?></option><?cs /loop ?>
  </select>
  <label class="sr-only" for="region"><?cs var:L.Plans.Region ?></label>
  <select id="region" name="region">
    <option value=""><?cs var:L.Plans.AllRegions ?></option>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:Filter.region == g.id ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
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
  <?cs if:User.Role == "leader" ?><label class="check"><input id="decide" name="decide" type="checkbox" value="1"<?cs if:Filter.decide ?> checked<?cs /if ?>> <?cs var:L.Plans.NeedsDecision ?></label><?cs /if ?>
  <button type="submit" class="button primary"><?cs var:L.Plans.Filter ?></button>
  <a class="button" href="/plans"><?cs var:L.Plans.Reset ?></a>
  </div></details>
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
<nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
  <?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs call:page_href(Pager.Prev) ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
  <span class="muted"><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
  <?cs if:Pager.Next ?><a class="button" rel="next" href="<?cs call:page_href(Pager.Next) ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"layout/bottom.cs" ?>
