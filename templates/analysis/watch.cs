<?cs set:Page.Title = L.Watch.Title ?><?cs include:"layout/top.cs" ?><?cs include:"analysis/rank_filter.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Watch.Title ?></h1>
  <?cs call:export_links("/analysis/watch", L.Rank.Export, "") ?>
</div>
<?cs include:"analysis/subnav.cs" ?>
<blockquote class="muted" id="watch-source"><?cs var:L.Watch.Source ?></blockquote>
<p class="muted" id="watch-intro"><?cs var:L.Watch.Intro ?> <?cs call:run_as_of() ?></p>
<form method="get" action="/analysis/watch" class="filters" id="watch-filter">
  <?cs call:filter_fold(Filter.active) ?><div class="fold-body">
  <label for="reason"><?cs var:L.Watch.ReasonLabel ?></label>
  <select id="reason" name="reason">
    <option value=""><?cs var:L.Watch.AllReasons ?></option>
    <?cs each:x = L.Watch.Reason ?><option value="<?cs name:x ?>"<?cs if:Filter.reason == name(x) ?> selected<?cs /if ?>><?cs var:x ?></option><?cs /each ?>
  </select>
  <?cs call:rank_filter_fields() ?>
  <button type="submit" class="button primary" id="watch-apply"><?cs var:L.Rank.Apply ?></button>
  </div></details>
</form>
<?cs def:reason_count(word, flag) ?><a class="chip warn<?cs if:Filter.reason == word ?> active<?cs /if ?>" data-reason="<?cs var:word ?>" href="/analysis/watch?reason=<?cs var:word ?><?cs if:Filter.region ?>&amp;region=<?cs var:Filter.region ?><?cs /if ?>"><?cs var:L.Watch.Reason[word] ?> <strong><?cs alt:ReasonCounts[flag] ?>0<?cs /alt ?></strong></a><?cs /def ?>
<?cs if:Run.id ?><nav class="quick-filters" id="watch-counts" aria-label="<?cs var:L.Watch.CountsTitle ?>"><?cs
  call:reason_count("late", 1) ?><?cs call:reason_count("orders", 2) ?><?cs
  call:reason_count("contacts", 4) ?><?cs call:reason_count("complaints", 8) ?></nav>
<p class="muted small" id="watch-counts-note"><?cs var:L.Watch.CountsNote ?></p><?cs /if ?>
<section class="card" id="watch">
  <h2><?cs var:L.Watch.ListTitle ?> <span class="muted" id="watch-count">(<?cs var:Pager.Total ?>)</span></h2>
  <?cs if:Pager.Total == 0 ?><p class="empty" id="no-rows"><?cs var:L.Watch.Empty ?></p><?cs else ?>
  <div class="table-wrap">
  <table class="data" id="t-watch">
    <thead><tr>
      <th><?cs var:L.Watch.Col.Name ?></th>
      <th class="num"><?cs var:L.Watch.Col.Score ?></th>
      <th><?cs var:L.Watch.Col.Reasons ?></th>
      <th class="num"><?cs var:L.Watch.Col.Revenue ?></th>
      <th class="center"><?cs var:L.Watch.Col.Class ?></th>
      <th><?cs var:L.Watch.Col.Region ?></th>
      <th><?cs var:L.Watch.Col.Owner ?></th>
    </tr></thead>
    <tbody><?cs each:w = Rows ?><tr data-id="<?cs var:w.id ?>">
      <td class="name"><a href="/customers/<?cs var:w.id ?>"><?cs var:w.name ?></a></td>
      <td class="num" data-col="score"><?cs var:w.watch_score ?></td>
      <td data-col="reasons"><ul class="plain reasons"><?cs
        if:w.r_late ?><li data-reason="late"><span class="tag warn"><?cs var:L.Watch.Reason.late ?></span> <?cs var:L.Watch.LateWas ?> <?cs var:w.late_earlier ?> → <?cs var:w.late_recent ?> <?cs var:L.Watch.Days ?></li><?cs /if ?><?cs
        if:w.r_orders ?><li data-reason="orders"><span class="tag warn"><?cs var:L.Watch.Reason.orders ?></span> ¥<?cs var:money(w.orders_earlier) ?> → ¥<?cs var:money(w.orders_recent) ?></li><?cs /if ?><?cs
        if:w.r_contacts ?><li data-reason="contacts"><span class="tag warn"><?cs var:L.Watch.Reason.contacts ?></span> <?cs var:w.unanswered ?> <?cs var:L.Watch.Items ?></li><?cs /if ?><?cs
        if:w.r_complaints ?><li data-reason="complaints"><span class="tag warn"><?cs var:L.Watch.Reason.complaints ?></span> <?cs var:w.complaints_recent ?> <?cs var:L.Watch.Times ?></li><?cs /if ?></ul></td>
      <td class="num" data-col="revenue"><?cs var:money(w.revenue) ?></td>
      <td class="center"><?cs call:class_badge(w.abc_class) ?></td>
      <td class="nowrap"><?cs call:region_name(w) ?></td>
      <td class="nowrap"><?cs call:dash(w.owner) ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs call:rank_pager("/analysis/watch") ?><?cs /if ?>
  <p class="muted small" id="watch-rules"><?cs var:L.Watch.Rules ?></p>
</section>
<?cs include:"layout/bottom.cs" ?>
