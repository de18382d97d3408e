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
