<?cs set:Page.Title = L.Home.Title ?><?cs include:"layout/top.cs" ?><?cs
def:days_to_go(d) ?><?cs if:d == 0 ?><?cs var:L.Home.Today ?><?cs elif:d == 1 ?><?cs var:L.Home.Tomorrow ?><?cs else ?><?cs var:L.Home.DaysBefore ?> <?cs var:d ?> <?cs var:L.Home.DaysAfter ?><?cs /if ?><?cs /def ?><?cs
def:action_row(a) ?>
    <tr<?cs if:a.days < 0 ?> class="overdue"<?cs /if ?> data-id="<?cs var:a.id ?>">
      <td class="opt mono nowrap"><?cs var:a.next_due ?></td>
      <td class="nowrap" title="<?cs var:a.next_due ?>"><?cs if:a.days < 0 ?><span class="tag warn"><?cs var:L.Home.OverdueBefore ?> <?cs var:0 - #a.days ?> <?cs if:a.days == -1 ?><?cs var:L.Home.OverdueAfterOne ?><?cs else ?><?cs var:L.Home.OverdueAfter ?><?cs /if ?></span><?cs elif:a.days == 0 ?><span class="tag warn"><?cs var:L.Home.DueToday ?></span><?cs else ?><span class="tag"><?cs call:days_to_go(a.days) ?></span><?cs /if ?></td>
      <td class="name"><a href="/customers/<?cs var:a.customer_id ?>"><?cs var:a.customer ?></a></td>
      <td><?cs var:a.next_action ?></td>
      <td class="opt"><span class="nowrap"><?cs var:L.Channel[a.channel] ?> · <?cs var:a.contacted_on ?></span><?cs if:a.people ?> <span class="muted">· <?cs var:a.people ?></span><?cs /if ?>
        <a class="nowrap" href="/customers/<?cs var:a.customer_id ?>?tab=contacts"><?cs var:L.Home.OpenLog ?> →</a></td>
    </tr><?cs /def ?>
<?cs
# One inbox item: what it is (a link to the page where it is decided or
# revised), who submitted or returned it, how long ago.
?><?cs
def:inbox_count(n, cap) ?><?cs if:n >= cap ?><?cs var:cap - 1 ?>+<?cs else ?><?cs var:n ?><?cs /if ?><?cs /def ?><?cs
def:inbox_row(i, action) ?>
    <tr data-kind="<?cs var:i.kind ?>" data-id="<?cs var:i.id ?>">
      <td class="nowrap"><span class="tag<?cs if:i.kind == "plan" ?> lc-potential<?cs else ?> kind-return<?cs /if ?>"><?cs var:L.Home.InboxKind[i.kind] ?></span></td>
      <td class="name"><?cs if:i.kind == "plan" ?><a href="/plans/<?cs var:i.id ?>#workflow"><?cs var:i.name ?></a>
        <span class="muted small nowrap"><?cs var:i.year ?> <?cs var:L.Home.PlanYear ?> · <?cs var:L.Plans.Rev ?><?cs var:i.rev ?><?cs var:L.Plans.RevAfter ?></span><?cs
        else ?><a class="mono" href="/complaints/<?cs var:i.id ?>#step-4"><?cs var:i.ref ?></a> <?cs var:i.name ?>
        <span class="muted small nowrap"><?cs var:L.ComplaintRemedy[i.remedy] ?><?cs if:i.amount > 0 ?> · ¥<?cs var:money(i.amount) ?><?cs /if ?></span><?cs /if ?><?cs
        if:i.comment ?><br><span class="small comment"><?cs var:L.Home.CommentLabel ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><?cs var:i.comment ?></span><?cs /if ?></td>
      <td class="opt nowrap"><?cs var:i.by_name ?></td>
      <td class="nowrap waited" title="<?cs var:i.at ?>"><?cs var:i.waited_text ?></td>
      <td class="opt nowrap"><a href="<?cs if:i.kind == "plan" ?>/plans/<?cs var:i.id ?>#workflow<?cs else ?>/complaints/<?cs var:i.id ?>#step-4<?cs /if ?>"><?cs var:action ?> →</a></td>
    </tr><?cs /def ?><?cs
def:inbox_table(id, items, by, waited, action) ?><div class="table-wrap">
  <table class="data inbox" id="<?cs var:id ?>">
    <thead><tr>
      <th scope="col"><?cs var:L.Complaints.Kind ?></th><th scope="col"><?cs var:L.Home.InboxWhat ?></th>
      <th scope="col" class="opt"><?cs var:by ?></th><th scope="col"><?cs var:waited ?></th><th scope="col" class="opt"><span class="sr-only"><?cs var:action ?></span></th>
    </tr></thead>
    <tbody><?cs each:i = items ?><?cs call:inbox_row(i, action) ?><?cs /each ?>
    </tbody>
  </table>
  </div><?cs /def ?>
<h1><?cs var:L.Home.Welcome ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><?cs var:User.Name ?></h1>
<?cs if:Home.SignIn.failed > 0 ?><p class="notice warn" id="signin-notice" role="status"><?cs else ?><p class="muted" id="signin-notice"><?cs /if ?><?cs
  if:Home.SignIn.prev_at ?><span id="signin-prev"><?cs var:L.SignIn.Previous ?> <?cs var:Home.SignIn.prev_at ?><?cs var:L.SignIn.From ?> <?cs var:Home.SignIn.prev_ip ?></span><?cs var:L.SignIn.Stop ?><?cs
  else ?><?cs var:L.SignIn.First ?><?cs /if ?><?cs
  if:Home.SignIn.failed > 0 ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><span id="signin-failed"><?cs var:L.SignIn.FailedBefore ?> <strong id="signin-failed-count"><?cs if:Home.SignIn.failed >= Home.SignIn.cap ?><?cs var:Home.SignIn.cap - 1 ?>+<?cs else ?><?cs var:Home.SignIn.failed ?><?cs /if ?></strong> <?cs var:L.SignIn.FailedAfter ?> <?cs var:Home.SignIn.failed_at ?><?cs var:L.SignIn.From ?> <?cs var:Home.SignIn.failed_ip ?></span><?cs var:L.SignIn.Stop ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><?cs var:L.SignIn.NotYou ?><?cs
  elif:Home.SignIn.prev_at ?><?cs if:Page.Lang == "en" ?> <?cs /if ?><?cs var:L.SignIn.NoFailures ?><?cs /if ?></p>
<form method="get" action="/customers" class="searchbar" role="search" id="home-search">
  <label class="sr-only" for="home-q"><?cs var:L.Home.SearchHint ?></label>
  <input id="home-q" name="q" type="search" placeholder="<?cs var:L.Home.SearchHint ?>">
  <button type="submit" class="button primary"><?cs var:L.Customers.Search ?></button>
</form>
<div class="stats">
  <a class="stat" href="/customers"><span class="stat-value"><?cs var:Home.customers ?></span><span class="stat-label"><?cs var:L.Home.Customers ?></span></a>
  <a class="stat" href="/customers?owner=<?cs var:User.Id ?>" id="my-customers"><span class="stat-value"><?cs var:Home.mine ?></span><span class="stat-label"><?cs var:L.Home.Mine ?></span></a>
  <a class="stat<?cs if:Home.open_complaints > 0 ?> warn<?cs /if ?>" href="/complaints" id="open-complaints"><span class="stat-value"><?cs var:Home.open_complaints ?></span><span class="stat-label"><?cs var:L.Home.OpenComplaints ?></span></a>
  <a class="stat<?cs if:Home.Actions.overdue > 0 ?> warn<?cs /if ?>" href="#actions-card" id="overdue-count"><span class="stat-value"><?cs if:Home.Actions.overdue >= Home.Actions.cap ?><?cs var:Home.Actions.cap - 1 ?>+<?cs else ?><?cs var:Home.Actions.overdue ?><?cs /if ?></span><span class="stat-label"><?cs var:L.Home.OverdueActions ?></span></a>
</div>

<?cs if:Home.Inbox.decides ?>
<section class="card" id="inbox-card" aria-labelledby="inbox-title">
  <h2 id="inbox-title"><?cs var:L.Home.Inbox ?> <small class="muted"><?cs var:L.Home.InboxHint ?></small></h2>
  <p class="inbox-counts" id="inbox-counts"><a href="/complaints?proposal=decide" id="inbox-complaints"><?cs var:L.Home.InboxKind.complaint ?> <strong><?cs call:inbox_count(Home.Inbox.complaints, Home.Inbox.cap) ?></strong> · <?cs var:L.Home.InboxAll ?> →</a>
    <a href="/plans?year=all&amp;decide=1" id="inbox-plans"><?cs var:L.Home.InboxKind.plan ?> <strong><?cs call:inbox_count(Home.Inbox.plans, Home.Inbox.cap) ?></strong> · <?cs var:L.Home.InboxAll ?> →</a></p>
  <?cs if:subcount(Home.Inbox.Items) == 0 ?>
  <p class="empty" id="inbox-empty"><?cs var:L.Home.InboxEmpty ?></p>
  <?cs else ?>
  <?cs call:inbox_table("inbox", Home.Inbox.Items, L.Home.InboxBy, L.Home.InboxWaited, L.Home.InboxDecide) ?>
  <?cs if:#Home.Inbox.complaints + #Home.Inbox.plans > subcount(Home.Inbox.Items) ?><p class="muted small" id="inbox-more"><?cs var:L.Home.InboxMore ?></p><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:subcount(Home.Returned.Items) ?>
<section class="card" id="returned-card" aria-labelledby="returned-title">
  <h2 id="returned-title"><?cs var:L.Home.Returned ?> <small class="muted"><?cs var:L.Home.ReturnedHint ?></small></h2>
  <?cs if:Home.Returned.complaints > 0 ?><p class="inbox-counts"><a href="/complaints?proposal=returned_mine" id="returned-complaints"><?cs var:L.Home.InboxKind.complaint ?> <strong><?cs call:inbox_count(Home.Returned.complaints, Home.Returned.cap) ?></strong> · <?cs var:L.Home.InboxAll ?> →</a></p><?cs /if ?>
  <?cs call:inbox_table("returned", Home.Returned.Items, L.Home.ReturnedBy, L.Home.ReturnedWaited, L.Home.Revise) ?>
</section>
<?cs /if ?>

<section class="card" id="actions-card" aria-labelledby="actions-title">
  <h2 id="actions-title"><?cs var:L.Home.Actions ?> <small class="muted"><?cs var:L.Home.ActionsHint ?></small></h2>
  <?cs if:subcount(Home.Actions.Overdue) == 0 && subcount(Home.Actions.Upcoming) == 0 ?>
  <p class="empty" id="actions-empty"><?cs var:L.Home.NoActions ?></p>
  <?cs else ?>
  <div class="table-wrap">
  <table class="data" id="actions">
    <thead><tr>
      <th scope="col" class="opt"><?cs var:L.Home.Due ?></th><th scope="col"><?cs var:L.Home.When ?></th>
      <th scope="col"><?cs var:L.Home.Customer ?></th><th scope="col"><?cs var:L.Home.NextAction ?></th>
      <th scope="col" class="opt"><?cs var:L.Home.LastContact ?></th>
    </tr></thead>
    <tbody><?cs each:a = Home.Actions.Overdue ?><?cs call:action_row(a) ?><?cs /each ?><?cs each:a = Home.Actions.Upcoming ?><?cs call:action_row(a) ?><?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs if:Home.Actions.upcoming > subcount(Home.Actions.Upcoming) ?>
  <p class="muted small" id="upcoming-more"><?cs var:L.Home.MoreUpcomingBefore ?> <?cs if:Home.Actions.upcoming >= Home.Actions.cap ?><?cs var:Home.Actions.cap - 1 ?>+<?cs else ?><?cs var:Home.Actions.upcoming ?><?cs /if ?> <?cs var:L.Home.MoreUpcomingAfter ?></p>
  <?cs /if ?>
  <?cs if:Home.Actions.overdue > subcount(Home.Actions.Overdue) ?>
  <p class="muted small" id="actions-more"><?cs if:Home.Actions.overdue >= Home.Actions.cap ?><?cs var:L.Home.MoreOverdueMany ?><?cs else ?><?cs var:L.Home.MoreOverdueBefore ?> <?cs var:Home.Actions.overdue - subcount(Home.Actions.Overdue) ?> <?cs var:L.Home.MoreOverdueAfter ?><?cs /if ?></p>
  <?cs /if ?>
  <?cs /if ?>
</section>

<section class="card" id="birthdays-card" aria-labelledby="birthdays-title">
  <h2 id="birthdays-title"><?cs var:L.Home.Birthdays ?> <small class="muted"><?cs var:L.Home.BirthdaysHint ?></small></h2>
  <?cs if:subcount(Home.Birthdays) == 0 ?>
  <p class="empty" id="birthdays-empty"><?cs var:L.Home.NoBirthdays ?></p>
  <?cs else ?>
  <div class="table-wrap">
  <table class="data" id="birthdays">
    <thead><tr>
      <th scope="col" class="opt"><?cs var:L.Home.Date ?></th><th scope="col"><?cs var:L.Home.In ?></th>
      <th scope="col"><?cs var:L.Home.Person ?></th><th scope="col"><?cs var:L.Home.Role ?></th>
      <th scope="col"><?cs var:L.Home.Customer ?></th><th scope="col" class="opt"><?cs var:L.Home.Phone ?></th>
      <th scope="col" class="opt"><?cs var:L.Home.Owner ?></th>
    </tr></thead>
    <tbody><?cs each:b = Home.Birthdays ?>
    <tr data-id="<?cs var:b.id ?>">
      <td class="opt mono nowrap" title="<?cs var:b.next_birthday ?>"><?cs var:b.md ?></td>
      <td class="nowrap" title="<?cs var:b.next_birthday ?>"><?cs if:b.days <= 1 ?><span class="tag warn"><?cs call:days_to_go(b.days) ?></span><?cs else ?><?cs call:days_to_go(b.days) ?><?cs /if ?></td>
      <td class="name"><a href="/customers/<?cs var:b.customer_id ?>?tab=people"><?cs var:b.name ?></a></td>
      <td><?cs if:b.title ?><?cs var:b.title ?><?cs else ?><?cs var:L.ContactRole[b.role] ?><?cs /if ?></td>
      <td><a href="/customers/<?cs var:b.customer_id ?>"><?cs var:b.customer ?></a></td>
      <td class="opt mono nowrap"><?cs call:dash(b.phone) ?></td>
      <td class="opt nowrap"><?cs if:b.mine ?><span class="tag lc-loyal"><?cs var:L.Home.OwnTag ?></span><?cs else ?><?cs call:dash(b.owner) ?><?cs /if ?></td>
    </tr><?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs /if ?>
</section>
<?cs include:"layout/bottom.cs" ?>
